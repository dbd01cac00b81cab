import { Alert, Box } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay } from '../common/formatInstant';
import { DashboardCard } from './DashboardCard';
import type { DashboardData } from './types';
import { warningColours } from './WarningsCard';

/** Warnings raised per week (Monday), stacked by colour, over the last twelve weeks. */
export const WarningsByWeekChart = ({ weeks }: { weeks: DashboardData['warningsByWeek'] }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const names = {
    red: translate('app.warning_level.red'),
    yellow: translate('app.warning_level.yellow'),
    blue: translate('app.warning_level.blue'),
  };
  const data = weeks.map((w) => ({
    week: formatDay(w.week, locale),
    [names.red]: w.red,
    [names.yellow]: w.yellow,
    [names.blue]: w.blue,
  }));
  return (
    <DashboardCard title="app.dashboard.warnings_chart">
      {data.length === 0 ? (
        <Alert severity="info">{translate('app.dashboard.no_warnings')}</Alert>
      ) : (
        <Box sx={{ width: '100%', height: 320 }} role="img" aria-label={translate('app.dashboard.warnings_chart')}>
          <ResponsiveContainer>
            <BarChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend verticalAlign="top" />
              <Bar dataKey={names.red} stackId="w" fill={warningColours.red} />
              <Bar dataKey={names.yellow} stackId="w" fill={warningColours.yellow} />
              <Bar dataKey={names.blue} stackId="w" fill={warningColours.blue} />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </DashboardCard>
  );
};
