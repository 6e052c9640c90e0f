import { useMediaQuery, type Theme } from '@mui/material';

/** Phones (under 600 px): lists become one-column lists instead of tables. */
export const useIsSmall = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
