import type { Messages } from './messages';

// The delivery area's phrases: top-level `app.<area>` keys and `resources.<name>` entries.
export const deliveryEn = {};

export const deliveryZh: Messages<typeof deliveryEn> = {};
