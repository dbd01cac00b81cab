import CommentIcon from '@mui/icons-material/Comment';
import { CommentList } from './CommentList';
import { CommentShow } from './CommentShow';

export default {
  list: CommentList,
  show: CommentShow,
  icon: CommentIcon,
};
