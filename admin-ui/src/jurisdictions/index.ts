import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { JurisdictionCreate } from './JurisdictionCreate';
import { JurisdictionEdit } from './JurisdictionEdit';
import { JurisdictionList } from './JurisdictionList';

export default {
  list: JurisdictionList,
  create: JurisdictionCreate,
  edit: JurisdictionEdit,
  icon: AccountTreeIcon,
  recordRepresentation: 'name',
};
