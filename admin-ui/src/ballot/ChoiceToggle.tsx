import { ToggleButton, ToggleButtonGroup } from '@mui/material';

type ChoiceColor = 'success' | 'error' | 'warning' | 'standard';

interface ChoiceToggleProps<C extends string> {
  /** The item's title: the group's accessible name. */
  label: string;
  value: C | undefined;
  choices: readonly C[];
  labelOf: (choice: C) => string;
  colorOf: (choice: C) => ChoiceColor;
  onChange: (choice: C) => void;
  /** Pressing the chosen button again hands it to onChange, which may clear an optional mark. */
  allowClear?: boolean;
}

// A chosen button is filled, so a glance down the ballot shows every mark.
const selectedStyle = (color: ChoiceColor) => {
  const palette = color === 'standard' ? 'grey.700' : `${color}.main`;
  const hover = color === 'standard' ? 'grey.800' : `${color}.dark`;
  return {
    '&.Mui-selected, &.Mui-selected:hover': { bgcolor: palette, color: 'common.white' },
    '&.Mui-selected:hover': { bgcolor: hover },
  };
};

/** One exclusive choice per item, as big touch targets that fill a phone's width without scrolling sideways. */
export const ChoiceToggle = <C extends string>({
  label,
  value,
  choices,
  labelOf,
  colorOf,
  onChange,
  allowClear = false,
}: ChoiceToggleProps<C>) => (
  <ToggleButtonGroup
    exclusive
    fullWidth
    aria-label={label}
    value={value ?? null}
    onChange={(_event, next: C | null) => {
      // Pressing the chosen button again keeps a required mark: it is changed by choosing another.
      if (next !== null) onChange(next);
      else if (allowClear && value !== undefined) onChange(value);
    }}
  >
    {choices.map((choice) => (
      <ToggleButton
        key={choice}
        value={choice}
        color={colorOf(choice)}
        sx={{
          minHeight: 56,
          textTransform: 'none',
          fontSize: '1rem',
          lineHeight: 1.2,
          px: 0.5,
          ...selectedStyle(colorOf(choice)),
        }}
      >
        {labelOf(choice)}
      </ToggleButton>
    ))}
  </ToggleButtonGroup>
);
