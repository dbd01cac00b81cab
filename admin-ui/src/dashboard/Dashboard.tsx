import { usePermissions } from 'react-admin';
import { hasRole } from '../common/roles';
import { CoordinatorDashboard } from './CoordinatorDashboard';
import { Welcome } from './Welcome';

/** The home page: the office's overview, or for every other role a welcome with where to go. */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  return hasRole(permissions, 'coordinator') ? <CoordinatorDashboard /> : <Welcome />;
};
