import NotificationsIcon from '@mui/icons-material/Notifications';
import { NoticeList } from './NoticeList';
import { NoticeShow } from './NoticeShow';

export default {
  list: NoticeList,
  show: NoticeShow,
  icon: NotificationsIcon,
  recordRepresentation: 'title',
};
