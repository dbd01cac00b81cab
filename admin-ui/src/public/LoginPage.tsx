import PublicIcon from '@mui/icons-material/Public';
import { Box, Button } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { publicSiteHref } from './publicRoutes';

/** react-admin's login form, with the way to the public site for a visitor who has no account. */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <LoginForm />
      <Box sx={{ textAlign: 'center', pb: 2 }}>
        <Button href={publicSiteHref} startIcon={<PublicIcon />}>
          {translate('app.menu.public_site')}
        </Button>
      </Box>
    </Login>
  );
};
