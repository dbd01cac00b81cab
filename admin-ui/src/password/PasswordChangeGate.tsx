import { type ReactNode, useSyncExternalStore } from 'react';
import { readUser, sessionChanged } from '../providers/session';
import { ChangePasswordForm } from './ChangePasswordForm';

const subscribe = (onChange: () => void) => {
  window.addEventListener(sessionChanged, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(sessionChanged, onChange);
    window.removeEventListener('storage', onChange);
  };
};
const mustChange = () => readUser()?.mustChangePassword === true;

/** Until a one-time password is replaced, the console shows the change form and nothing else. */
export const PasswordChangeGate = ({ children }: { children: ReactNode }) =>
  useSyncExternalStore(subscribe, mustChange) ? <ChangePasswordForm forced /> : <>{children}</>;
