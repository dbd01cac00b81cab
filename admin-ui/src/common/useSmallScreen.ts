import { type Theme, useMediaQuery } from '@mui/material';

/** A phone's width (below the theme's `sm`, 600 px): lists show one readable card per row instead of a table. */
export const useSmallScreen = (): boolean => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
