import { Box } from '@mui/material';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/formatInstant';
import type { Task } from '../types';
import type { ProjectDetail, StagePlanEntry } from './types';

interface Point {
  at: number;
  percent: number;
}

const DAY_MS = 86_400_000;
const chinaDayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
// The share of the project each stage stands for (domain/progressWarning.ts stageSpans).
const stageEnds: Record<StagePlanEntry['stage'], number> = { preparation: 20, construction: 90, acceptance: 100 };

/** The planned curve: linear inside each stage, reaching the stage's share the day after it ends. */
function planPoints(plan: StagePlanEntry[]): Point[] {
  const first = plan[0];
  if (!first) return [];
  return [
    { at: chinaDayStart(first.plannedStart), percent: 0 },
    ...plan.map((s) => ({ at: chinaDayStart(s.plannedEnd) + DAY_MS, percent: stageEnds[s.stage] })),
  ];
}

/** Stage plan against the reported progress: the weekly reports already handed in, and the latest one. */
export const ProgressChart = ({ project }: { project: ProjectDetail }) => {
  const translate = useTranslate();
  const [locale = 'zh-CN'] = useLocaleState();
  const { data: reports } = useGetList<Task>('tasks', {
    filter: { owner_workflow_id: project.id, kind: 'progressReport', status: 'done' },
    sort: { field: 'created_at', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
  });
  const plan = project.live?.plan ?? project.stage_plan;
  const planned = plan ? planPoints(plan) : [];
  const actual: Point[] = (reports ?? [])
    .filter((t) => t.completed_at && typeof t.result?.percent === 'number')
    .map((t) => ({ at: Date.parse(t.completed_at ?? ''), percent: t.result?.percent as number }));
  const latest = project.live?.progress;
  if (latest && !actual.some((p) => p.at === Date.parse(latest.reportedAt))) {
    actual.push({ at: Date.parse(latest.reportedAt), percent: latest.percent });
  }
  actual.sort((a, b) => a.at - b.at);
  if (planned.length === 0 && actual.length === 0) return null;
  const day = (value: number) => formatDay(new Date(value).toISOString(), locale);
  return (
    <Box sx={{ width: '100%', height: 260 }} role="img" aria-label={translate('app.project.chart.title')}>
      <ResponsiveContainer>
        <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={day}
            allowDuplicatedCategory={false}
          />
          <YAxis domain={[0, 100]} unit="%" width={48} />
          <Tooltip labelFormatter={(value) => day(Number(value))} formatter={(value) => `${String(value)}%`} />
          <Legend />
          <ReferenceLine
            x={Date.now()}
            stroke="#9e9e9e"
            strokeDasharray="4 4"
            label={translate('app.project.chart.today')}
          />
          <Line
            data={planned}
            dataKey="percent"
            name={translate('app.project.chart.planned')}
            stroke="#1976d2"
            strokeDasharray="6 3"
            dot={false}
          />
          <Line
            data={actual}
            dataKey="percent"
            name={translate('app.project.chart.reported')}
            stroke="#2e7d32"
            strokeWidth={2}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
};
