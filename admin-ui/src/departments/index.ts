import ApartmentIcon from '@mui/icons-material/Apartment';
import { DepartmentCreate } from './DepartmentCreate';
import { DepartmentEdit } from './DepartmentEdit';
import { DepartmentList } from './DepartmentList';

export default {
  list: DepartmentList,
  create: DepartmentCreate,
  edit: DepartmentEdit,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
