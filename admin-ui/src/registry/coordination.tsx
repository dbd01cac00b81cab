import type { ReactElement } from 'react';
import CalendarIcon from '@mui/icons-material/CalendarMonth';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PolicyIcon from '@mui/icons-material/Tune';
import { Menu, reactRouterProvider, Resource, usePermissions } from 'react-admin';
import batches from '../batches';
import { CalendarPage } from '../calendar/CalendarPage';
import candidates from '../candidates';
import { hasRole } from '../common/roles';
import { Dashboard as Home } from '../dashboard/Dashboard';
import { PolicyPage } from '../policy/PolicyPage';
import publicityComments from '../publicity-comments';
import suggestions from '../suggestions';
import voteSessions from '../vote-sessions';

const { Route } = reactRouterProvider;

/** The standing committee office's screens: resources it may see, given the signed-in roles. */
export const coordinationResources = (permissions: unknown): ReactElement[] => {
  const coordinator = hasRole(permissions, 'coordinator');
  const reviewer = hasRole(permissions, 'reviewer');
  return [
    <Resource key="batches" name="batches" {...batches} create={coordinator ? batches.create : undefined} />,
    // Candidates are the jurisdiction's public list: every role may open one (a ballot, a project links here).
    <Resource key="candidates" name="candidates" {...candidates} />,
    ...(coordinator || reviewer ? [<Resource key="suggestions" name="suggestions" {...suggestions} />] : []),
    ...(coordinator
      ? [
          <Resource key="publicity-comments" name="publicity-comments" {...publicityComments} />,
          <Resource key="vote-sessions" name="vote-sessions" {...voteSessions} />,
        ]
      : []),
  ];
};

/** Pages outside any resource (react-admin <Route> elements for <CustomRoutes>). */
export const coordinationRoutes = (permissions: unknown): ReactElement[] =>
  hasRole(permissions, 'coordinator')
    ? [
        <Route key="calendar" path="/calendar" element={<CalendarPage />} />,
        <Route key="policy" path="/policy" element={<PolicyPage />} />,
      ]
    : [];

export const CoordinationMenuItems = () => {
  const { permissions } = usePermissions();
  const coordinator = hasRole(permissions, 'coordinator');
  const reviewer = hasRole(permissions, 'reviewer');
  return (
    <>
      <Menu.Item to="/" primaryText="app.menu.dashboard" leftIcon={<DashboardIcon />} />
      {coordinator ? <Menu.Item to="/batches" primaryText="app.menu.batches" leftIcon={<batches.icon />} /> : null}
      {coordinator || reviewer ? (
        <Menu.Item to="/suggestions" primaryText="app.menu.suggestions" leftIcon={<suggestions.icon />} />
      ) : null}
      {coordinator || reviewer ? (
        <Menu.Item to="/candidates" primaryText="app.menu.candidates" leftIcon={<candidates.icon />} />
      ) : null}
      {coordinator ? (
        <Menu.Item
          to="/publicity-comments"
          primaryText="app.menu.publicity_comments"
          leftIcon={<publicityComments.icon />}
        />
      ) : null}
      {coordinator ? (
        <Menu.Item to="/vote-sessions" primaryText="app.menu.vote_sessions" leftIcon={<voteSessions.icon />} />
      ) : null}
      {coordinator ? <Menu.Item to="/calendar" primaryText="app.menu.calendar" leftIcon={<CalendarIcon />} /> : null}
      {coordinator ? <Menu.Item to="/policy" primaryText="app.menu.policy" leftIcon={<PolicyIcon />} /> : null}
    </>
  );
};

/** The home page (Admin's dashboard). */
export const Dashboard = Home;
