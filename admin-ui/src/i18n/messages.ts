/** A message tree with the same keys as T, every leaf a phrase: how each language mirrors English. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Each area of the console keeps its phrases beside its own screens' owners (coordination, delivery,
 * deputies); one language is the deep merge of react-admin's phrases and every area's.
 */
export function mergeMessages<T extends object>(...trees: object[]): T {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const current = out[key];
      out[key] = isTree(current) && isTree(value) ? mergeMessages(current, value) : value;
    }
  }
  return out as T;
}
