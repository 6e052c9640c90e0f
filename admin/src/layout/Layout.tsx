import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, LocalesMenuButton, ToggleThemeButton } from 'react-admin';
import { useIsSmall } from '../common/useIsSmall';

// on a phone the page title needs the room: language codes instead of names, no theme switch
const SHORT_LANGUAGES = [
  { locale: 'lv', name: 'LV' },
  { locale: 'en', name: 'EN' },
];

const AppBarToolbar = () => {
  const isSmall = useIsSmall();
  return (
    <>
      <LocalesMenuButton languages={isSmall ? SHORT_LANGUAGES : undefined} />
      {!isSmall && <ToggleThemeButton />}
      <LoadingIndicator />
    </>
  );
};

const AdminAppBar = () => <AppBar toolbar={<AppBarToolbar />} />;

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={AdminAppBar}>{children}</RaLayout>;
