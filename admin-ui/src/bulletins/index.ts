import ArticleIcon from '@mui/icons-material/Article';
import { BulletinList } from './BulletinList';
import { BulletinShow } from './BulletinShow';

export default {
  list: BulletinList,
  show: BulletinShow,
  icon: ArticleIcon,
  recordRepresentation: 'month',
};
