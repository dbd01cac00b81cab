/**
 * A row as the API sends it: `res.json` writes each Date as its ISO string, so the console reads a timestamp as a
 * string. The console's row types are declared once, in the contract; the API checks what it sends against them
 * (`rows satisfies Sent<Row>`), so a column the console reads that a query stops returning, or returns as another
 * type, fails to compile.
 */
export type Sent<T> = T extends string
  ? T | Date
  : T extends readonly (infer E)[]
    ? Sent<E>[]
    : T extends object
      ? { [K in keyof T]: Sent<T[K]> }
      : T;

/** A page of rows, as a list route sends it (api/listQuery.ts). */
export interface SentPage<T> {
  rows: Sent<T>[];
  total: number;
}
