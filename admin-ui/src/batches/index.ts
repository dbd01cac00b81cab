import EventNoteIcon from '@mui/icons-material/EventNote';
import { BatchCreate } from './BatchCreate';
import { BatchList } from './BatchList';
import { BatchShow } from './BatchShow';

export default {
  list: BatchList,
  show: BatchShow,
  create: BatchCreate,
  icon: EventNoteIcon,
  recordRepresentation: 'title',
};
