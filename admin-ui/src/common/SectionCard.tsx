import { Card, CardContent, CardHeader } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled region of a record's page; its aria-label lets a browser test find it by name. */
export const SectionCard = ({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" aria-label={translate(title)}>
      <CardHeader
        title={translate(title)}
        action={action}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }}
        sx={{ pb: 0 }}
      />
      <CardContent>{children}</CardContent>
    </Card>
  );
};

export const LabelValue = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <div>
      <div style={{ fontSize: 12, opacity: 0.7 }}>{translate(label)}</div>
      <div style={{ whiteSpace: 'pre-wrap' }}>{children ?? '—'}</div>
    </div>
  );
};
