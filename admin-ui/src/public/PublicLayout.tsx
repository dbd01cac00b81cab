import LoginIcon from '@mui/icons-material/Login';
import { AppBar, Box, Button, Container, Toolbar, Typography } from '@mui/material';
import { useEffect } from 'react';
import { LinkBase, LocalesMenuButton, Outlet, useTranslate } from 'react-admin';

/** The public site's frame: its name, the language switch and a way to sign in to the console. */
export const PublicLayout = () => {
  const translate = useTranslate();
  const siteName = translate('app.public.site_name');
  useEffect(() => {
    document.title = siteName;
  }, [siteName]);
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', overflowX: 'hidden' }}>
      <AppBar position="static" component="header">
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
          <Typography
            variant="h6"
            component={LinkBase}
            to="/public"
            sx={{
              color: 'inherit',
              textDecoration: 'none',
              flex: 1,
              minWidth: 0,
              overflowWrap: 'anywhere',
              fontSize: { xs: '1rem', sm: '1.25rem' },
            }}
          >
            {siteName}
          </Typography>
          <LocalesMenuButton />
          {/* The console is the other app: a plain link the browser follows (main.tsx switches on the hash). */}
          <Button color="inherit" href="#/login" startIcon={<LoginIcon />}>
            {translate('app.public.sign_in')}
          </Button>
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="md" sx={{ py: 3, px: { xs: 1.5, sm: 3 } }}>
        <Outlet />
      </Container>
    </Box>
  );
};
