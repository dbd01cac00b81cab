import RateReviewIcon from '@mui/icons-material/RateReview';
import { FindingList } from './FindingList';
import { FindingShow } from './FindingShow';

export default {
  list: FindingList,
  show: FindingShow,
  icon: RateReviewIcon,
  recordRepresentation: 'text',
};
