/**
 * A numeric id as the API writes it: digits only, no sign, no leading zero, no space, no hex or
 * exponent. `Number()` reads `0x1`, `1e0`, `+1` and ` 1` all as 1, so one record would answer to many
 * addresses; undefined for anything but the one spelling.
 */
export function strictPositiveId(text: string): number | undefined {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : undefined;
}
