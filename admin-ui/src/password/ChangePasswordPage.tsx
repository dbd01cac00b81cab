import { Title } from 'react-admin';
import { ChangePasswordForm } from './ChangePasswordForm';

export const ChangePasswordPage = () => (
  <>
    <Title title="app.office.password.title" />
    <ChangePasswordForm />
  </>
);
