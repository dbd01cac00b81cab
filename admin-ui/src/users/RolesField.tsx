import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { User } from '../types';

interface RolesFieldProps {
  source: 'roles';
  label?: string;
}

export const RolesField = ({ source }: RolesFieldProps) => {
  const user = useRecordContext<User>();
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {(user?.[source] ?? []).map((role) => (
        <Chip key={role} size="small" label={translate(`app.role.${role}`, { _: role })} />
      ))}
    </Stack>
  );
};
