import type { Messages } from './messages';

// The deputies area's phrases: top-level `app.<area>` keys and `resources.<name>` entries.
export const deputiesEn = {};

export const deputiesZh: Messages<typeof deputiesEn> = {};
