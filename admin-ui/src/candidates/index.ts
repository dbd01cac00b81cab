import HowToVoteIcon from '@mui/icons-material/FactCheck';
import { CandidateList } from './CandidateList';
import { CandidateShow } from './CandidateShow';

export default {
  list: CandidateList,
  show: CandidateShow,
  icon: HowToVoteIcon,
  recordRepresentation: 'title',
};
