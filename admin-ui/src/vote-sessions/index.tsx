import BallotIcon from '@mui/icons-material/Ballot';
import { VoteSessionList } from './VoteSessionList';
import { VoteSessionName } from './VoteSessionName';
import { VoteSessionShow } from './VoteSessionShow';

export default {
  list: VoteSessionList,
  show: VoteSessionShow,
  icon: BallotIcon,
  // A session is named by its round, never by its id (`batch-…-vote-1`).
  recordRepresentation: <VoteSessionName />,
};
