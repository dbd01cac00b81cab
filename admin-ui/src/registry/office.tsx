import type { ReactElement } from 'react';
import PasswordIcon from '@mui/icons-material/Password';
import { Menu, Resource, reactRouterProvider, usePermissions } from 'react-admin';
import { hasRole } from '../common/roles';
import jurisdictions from '../jurisdictions';
import { ChangePasswordPage } from '../password/ChangePasswordPage';
import { RosterImportPage } from '../users/RosterImportPage';

const { Route } = reactRouterProvider;

/**
 * The office's own set-up (issue 13): 辖区 jurisdictions here; 用户 users and 部门 departments are the
 * resources App.tsx already registers, whose folders now carry their create and edit screens.
 */
export const officeResources = (permissions: unknown): ReactElement[] =>
  hasRole(permissions, 'coordinator') ? [<Resource key="jurisdictions" name="jurisdictions" {...jurisdictions} />] : [];

export const officeRoutes = (permissions: unknown): ReactElement[] => [
  <Route key="change-password" path="/change-password" element={<ChangePasswordPage />} />,
  ...(hasRole(permissions, 'coordinator')
    ? [<Route key="users-import" path="/users/import" element={<RosterImportPage />} />]
    : []),
];

export const OfficeMenuItems = () => {
  const { permissions } = usePermissions();
  return (
    <>
      {hasRole(permissions, 'coordinator') ? (
        <Menu.Item to="/jurisdictions" primaryText="app.menu.jurisdictions" leftIcon={<jurisdictions.icon />} />
      ) : null}
      <Menu.Item to="/change-password" primaryText="app.menu.change_password" leftIcon={<PasswordIcon />} />
    </>
  );
};
