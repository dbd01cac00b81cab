import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';

interface EscalationChipProps {
  source: string;
  label?: string;
  sortable?: boolean;
}

/** The escalation ladder (docs/architecture.md, "Human tasks and escalation"): assignee → responsible leader 包抓领导 → standing committee office. */
export function escalationDisplay(level: number): { key: string; color: ChipProps['color'] } {
  if (level <= 0) return { key: 'app.task.escalation.none', color: 'default' };
  if (level === 1) return { key: 'app.task.escalation.leader', color: 'warning' };
  return { key: 'app.task.escalation.committee_office', color: 'error' };
}

export const EscalationChip = ({ source }: EscalationChipProps) => {
  const translate = useTranslate();
  const level: unknown = useFieldValue({ source });
  if (typeof level !== 'number') return null;
  const { key, color } = escalationDisplay(level);
  return <Chip size="small" variant={level > 0 ? 'filled' : 'outlined'} color={color} label={translate(key)} />;
};
