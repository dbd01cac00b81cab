import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { PasswordChangeGate } from '../password/PasswordChangeGate';
import { AppMenu } from './AppMenu';
import { ConsoleAppBar } from './ConsoleAppBar';

// The default app bar already offers the language switch (LocalesMenuButton) when the
// i18nProvider declares more than one locale.
export const AppLayout = ({ children }: { children: ReactNode }) => (
  // On a phone the app bar is in the page's flow (ConsoleAppBar), so the frame needs no room kept for it.
  <Layout menu={AppMenu} appBar={ConsoleAppBar} sx={{ '& .RaLayout-appFrame': { marginTop: { xs: 0, sm: 6 } } }}>
    <PasswordChangeGate>{children}</PasswordChangeGate>
  </Layout>
);
