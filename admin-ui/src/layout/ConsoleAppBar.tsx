import { AppBar, TitlePortal } from 'react-admin';
import { useSmallScreen } from '../common/useSmallScreen';

/**
 * react-admin's app bar, except on a phone: there a project's title is longer than the 200-odd pixels the
 * buttons leave it, so it wraps instead of being cut off, and the bar sits in the page's flow (AppLayout drops
 * the fixed bar's top margin) so that a two-line bar never covers the page's own buttons.
 */
export const ConsoleAppBar = () => {
  const small = useSmallScreen();
  return (
    <AppBar position={small ? 'static' : 'fixed'} alwaysOn={small}>
      <TitlePortal
        sx={
          small
            ? {
                whiteSpace: 'normal',
                overflowWrap: 'anywhere',
                fontSize: '1rem',
                lineHeight: 1.3,
                py: 0.5,
                minWidth: 0,
              }
            : {}
        }
      />
    </AppBar>
  );
};
