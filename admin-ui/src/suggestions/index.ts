import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { SuggestionList } from './SuggestionList';
import { SuggestionShow } from './SuggestionShow';

export default {
  list: SuggestionList,
  show: SuggestionShow,
  icon: LightbulbIcon,
  recordRepresentation: 'title',
};
