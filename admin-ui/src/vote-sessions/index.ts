import BallotIcon from '@mui/icons-material/Ballot';
import { VoteSessionList } from './VoteSessionList';
import { VoteSessionShow } from './VoteSessionShow';

export default {
  list: VoteSessionList,
  show: VoteSessionShow,
  icon: BallotIcon,
};
