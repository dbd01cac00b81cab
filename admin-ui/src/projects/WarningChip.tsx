import { Chip } from '@mui/material';
import { useFieldValue, useTranslate } from 'react-admin';
import type { WarningLevel } from './types';

// 红黄蓝三色预警 (docs/domain.md, "Progress warnings" [S0]): the colours are the warning's name, so they are fixed rather than themed.
const colours: Record<Exclude<WarningLevel, 'none'>, { bg: string; fg: string }> = {
  red: { bg: '#d32f2f', fg: '#fff' },
  yellow: { bg: '#fbc02d', fg: '#212121' },
  blue: { bg: '#1976d2', fg: '#fff' },
};

export const WarningLevelChip = ({ level }: { level: WarningLevel | null | undefined }) => {
  const translate = useTranslate();
  if (!level) return null;
  const label = translate(`app.project.warning.${level}`, { _: level });
  if (level === 'none') return <Chip size="small" variant="outlined" label={label} />;
  const { bg, fg } = colours[level];
  return <Chip size="small" label={label} sx={{ bgcolor: bg, color: fg, fontWeight: 600 }} />;
};

interface WarningChipProps {
  source: string;
  label?: string;
  sortable?: boolean;
}

export const WarningChip = ({ source }: WarningChipProps) => {
  const value: unknown = useFieldValue({ source });
  return typeof value === 'string' ? <WarningLevelChip level={value as WarningLevel} /> : null;
};
