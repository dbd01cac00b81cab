import EventNoteIcon from '@mui/icons-material/EventNote';
import { Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import { DateInput, required, useTranslate } from 'react-admin';
import { projectStages } from '../tasks/choices';
import { ActionDialog } from '../common/ActionDialog';
import { useAppDataProvider } from '../providers/dataProvider';
import type { StagePlanEntry } from './types';

type PlanValues = Record<string, unknown> & { plan?: { plannedStart?: string; plannedEnd?: string }[] };

/**
 * The department replans its stages (preparation → construction → acceptance, each starting the day after
 * the previous one ends, acceptance ending by the deadline); the workflow checks those rules (422).
 */
export const StagePlanButton = ({
  projectId,
  plan,
}: {
  projectId: string;
  plan: StagePlanEntry[] | null | undefined;
}) => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const defaults = useMemo<PlanValues>(
    () => ({
      plan: projectStages.map((stage) => {
        const current = plan?.find((s) => s.stage === stage);
        return { plannedStart: current?.plannedStart ?? '', plannedEnd: current?.plannedEnd ?? '' };
      }),
    }),
    [plan],
  );
  return (
    <ActionDialog<PlanValues>
      label="app.project.action.stage_plan"
      icon={<EventNoteIcon />}
      description="app.project.action.stage_plan_help"
      submitLabel="app.project.action.save_plan"
      success="app.project.action.stage_plan_done"
      defaultValues={defaults}
      fields={['plan']}
      nestedErrors
      submit={(values, key) =>
        dataProvider.setStagePlan(projectId, {
          key,
          plan: projectStages.map((stage, i) => ({
            stage,
            plannedStart: values.plan?.[i]?.plannedStart ?? '',
            plannedEnd: values.plan?.[i]?.plannedEnd ?? '',
          })),
        })
      }
    >
      {projectStages.map((stage, i) => (
        <Stack key={stage} direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Typography sx={{ minWidth: 80 }}>{translate(`app.project.stage.${stage}`)}</Typography>
          <DateInput
            source={`plan.${i}.plannedStart`}
            label="app.project.plan.planned_start"
            validate={required()}
            helperText={false}
          />
          <DateInput
            source={`plan.${i}.plannedEnd`}
            label="app.project.plan.planned_end"
            validate={required()}
            helperText={false}
          />
        </Stack>
      ))}
    </ActionDialog>
  );
};
