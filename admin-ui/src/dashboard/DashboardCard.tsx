import { Card, CardContent, CardHeader } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface DashboardCardProps {
  /** The i18n key of the heading, also the region's accessible name. */
  title: string;
  subheader?: ReactNode;
  children: ReactNode;
}

/** One region of the dashboard, named so a person (and a test) can find it by its heading. */
export const DashboardCard = ({ title, subheader, children }: DashboardCardProps) => {
  const translate = useTranslate();
  const text = translate(title);
  return (
    <Card component="section" aria-label={text} sx={{ height: '100%' }}>
      <CardHeader title={text} subheader={subheader} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
};
