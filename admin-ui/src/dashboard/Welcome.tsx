import { Box, Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { LinkBase, Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../common/roles';
import { OpenCollections } from '../intake/OpenCollections';
import { LedProjectsCard } from './LedProjectsCard';

interface Entry {
  to: string;
  label: string;
}

/** For everyone but the office: what the role does here, one click away. */
export const Welcome = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const entries: Entry[] = [{ to: '/tasks', label: 'app.menu.tasks' }];
  if (hasRole(permissions, 'deputy') || hasRole(permissions, 'committeeMember')) {
    entries.push(
      { to: '/ballot', label: 'app.dashboard.welcome.ballot' },
      { to: '/ratings', label: 'app.dashboard.welcome.ratings' },
    );
  }
  if (hasRole(permissions, 'reviewer')) {
    entries.push(
      { to: '/suggestions', label: 'app.menu.suggestions' },
      { to: '/candidates', label: 'app.menu.candidates' },
    );
  }
  const roles = Array.isArray(permissions) ? permissions.filter((r): r is string => typeof r === 'string') : [];
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.dashboard.welcome.title" />
      <Card component="section" aria-label={translate('app.dashboard.welcome.title')}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.dashboard.welcome.greeting', { name: identity?.fullName ?? '' })}
          </Typography>
          <Typography variant="body1">
            {roles
              .map((r) => translate(`app.dashboard.welcome.role.${r}`, { _: '' }))
              .filter(Boolean)
              .join(' ')}
          </Typography>
        </CardContent>
        <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
          {entries.map((e) => (
            <Button key={e.to} component={LinkBase} to={e.to} variant="outlined">
              {translate(e.label)}
            </Button>
          ))}
        </CardActions>
      </Card>
      {hasRole(permissions, 'official') ? (
        <Box sx={{ mt: 2 }}>
          <LedProjectsCard />
        </Box>
      ) : null}
      <OpenCollections />
    </Box>
  );
};
