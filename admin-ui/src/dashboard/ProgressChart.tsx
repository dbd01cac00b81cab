import { Alert, Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DashboardCard } from './DashboardCard';
import type { DashboardData } from './types';

const shortTitle = (title: string) => (title.length > 10 ? `${title.slice(0, 10)}…` : title);

/** Planned against reported percent for the projects under way. */
export const ProgressChart = ({ projects }: { projects: DashboardData['progressByProject'] }) => {
  const translate = useTranslate();
  const planned = translate('app.dashboard.planned');
  const actual = translate('app.dashboard.actual');
  const data = projects.map((p) => ({
    name: shortTitle(p.title),
    title: p.title,
    [planned]: p.plannedPercent ?? 0,
    [actual]: p.actualPercent ?? 0,
  }));
  return (
    <DashboardCard title="app.dashboard.progress_chart">
      {data.length === 0 ? (
        <Alert severity="info">{translate('app.dashboard.no_projects')}</Alert>
      ) : (
        <Box sx={{ width: '100%', height: 320 }} role="img" aria-label={translate('app.dashboard.progress_chart')}>
          <ResponsiveContainer>
            <BarChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 40 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" angle={-30} textAnchor="end" interval={0} height={60} tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} unit="%" />
              <Tooltip />
              <Legend verticalAlign="top" />
              <Bar dataKey={planned} fill="#90caf9" />
              <Bar dataKey={actual} fill="#1565c0" />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </DashboardCard>
  );
};
