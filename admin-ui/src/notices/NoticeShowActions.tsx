import { TopToolbar } from 'react-admin';
import { MarkReadButton } from './MarkReadButton';
import { OpenProjectButton } from './OpenProjectButton';
import { OpenTaskButton } from './OpenTaskButton';

export const NoticeShowActions = () => (
  <TopToolbar>
    <MarkReadButton />
    <OpenTaskButton />
    <OpenProjectButton />
  </TopToolbar>
);
