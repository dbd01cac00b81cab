import type { Validator } from 'react-admin';

export const integer: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value)
    ? undefined
    : 'app.validation.integer';

export const notBlank: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? 'ra.validation.required' : undefined;
