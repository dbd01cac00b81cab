import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { PasswordChangeGate } from '../password/PasswordChangeGate';
import { AppMenu } from './AppMenu';

// The default app bar already offers the language switch (LocalesMenuButton) when the
// i18nProvider declares more than one locale.
export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout menu={AppMenu}>
    <PasswordChangeGate>{children}</PasswordChangeGate>
  </Layout>
);
