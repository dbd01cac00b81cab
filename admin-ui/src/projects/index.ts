import ConstructionIcon from '@mui/icons-material/Construction';
import { ProjectList } from './ProjectList';
import { ProjectShow } from './ProjectShow';

export default {
  list: ProjectList,
  show: ProjectShow,
  icon: ConstructionIcon,
  recordRepresentation: 'title',
};
