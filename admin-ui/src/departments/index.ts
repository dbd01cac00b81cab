import ApartmentIcon from '@mui/icons-material/Apartment';
import { DepartmentList } from './DepartmentList';

export default {
  list: DepartmentList,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
