import PublicIcon from '@mui/icons-material/Public';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useSidebarState, useTranslate } from 'react-admin';
import { publicSiteHref } from './publicRoutes';

/**
 * The public site is a separate app (main.tsx switches on the hash), so this is a plain link the
 * browser follows, not a router link inside the console.
 */
export const PublicSiteMenuItem = () => {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <MenuItem component="a" href={publicSiteHref} title={open ? undefined : translate('app.menu.public_site')}>
      <ListItemIcon sx={{ minWidth: 40 }}>
        <PublicIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.menu.public_site')}</ListItemText>
    </MenuItem>
  );
};
