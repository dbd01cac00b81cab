import { TopToolbar } from 'react-admin';
import { MarkReadButton } from './MarkReadButton';
import { OpenTaskButton } from './OpenTaskButton';

export const NoticeShowActions = () => (
  <TopToolbar>
    <MarkReadButton />
    <OpenTaskButton />
  </TopToolbar>
);
