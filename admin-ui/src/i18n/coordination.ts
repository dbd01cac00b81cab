import type { Messages } from './messages';

// The coordination area's phrases: top-level `app.<area>` keys and `resources.<name>` entries.
export const coordinationEn = {};

export const coordinationZh: Messages<typeof coordinationEn> = {};
