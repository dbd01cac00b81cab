import HowToVoteIcon from '@mui/icons-material/HowToVote';
import StarRateIcon from '@mui/icons-material/StarRate';
import type { ReactElement } from 'react';
import { Menu, reactRouterProvider, usePermissions } from 'react-admin';
import { BallotList } from '../ballot/BallotList';
import { BallotPage } from '../ballot/BallotPage';
import { hasRole } from '../common/roles';
import { PublicSiteMenuItem } from '../public/PublicSiteMenuItem';
import { RatingList } from '../rating/RatingList';
import { RatingPage } from '../rating/RatingPage';

const { Route } = reactRouterProvider;

/** Deputies' screens (ballot, rating) inside the signed-in console; the public site is its own app (main.tsx). */
export const deputiesResources = (_permissions: unknown): ReactElement[] => [];

// A congress rating is for deputies, a committee re-rating for standing committee members (docs/domain.md, "Consequences").
const rates = (permissions: unknown) => hasRole(permissions, 'deputy') || hasRole(permissions, 'committeeMember');

export const deputiesRoutes = (permissions: unknown): ReactElement[] => [
  ...(hasRole(permissions, 'deputy')
    ? [
        <Route key="ballot" path="/ballot" element={<BallotList />} />,
        <Route key="ballot-session" path="/ballot/:sessionId" element={<BallotPage />} />,
      ]
    : []),
  ...(rates(permissions)
    ? [
        <Route key="ratings" path="/ratings" element={<RatingList />} />,
        <Route key="ratings-session" path="/ratings/:sessionId" element={<RatingPage />} />,
      ]
    : []),
];

export const DeputiesMenuItems = () => {
  const { permissions } = usePermissions();
  return (
    <>
      {hasRole(permissions, 'deputy') ? (
        <Menu.Item to="/ballot" primaryText="app.menu.ballot" leftIcon={<HowToVoteIcon />} />
      ) : null}
      {rates(permissions) ? (
        <Menu.Item to="/ratings" primaryText="app.menu.ratings" leftIcon={<StarRateIcon />} />
      ) : null}
      <PublicSiteMenuItem />
    </>
  );
};
