/**
 * Array helpers that hold at any length. Spreading an array into a call (`Math.max(...xs)`,
 * `push(...xs)`) puts every element on the stack as an argument, and past about 120,000 elements
 * (a 100k-node table's merges, edits or findings) that throws a RangeError.
 */

/** The largest of `xs` and `floor`; `-Infinity` for none, as `Math.max()`. */
export function maxOf(xs: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const x of xs) if (x > m || Number.isNaN(x)) m = x;
  return m;
}

/** The smallest of `xs` and `ceiling`; `Infinity` for none, as `Math.min()`. */
export function minOf(xs: Iterable<number>, ceiling = Infinity): number {
  let m = ceiling;
  for (const x of xs) if (x < m || Number.isNaN(x)) m = x;
  return m;
}

/** Appends every item of `items` to `target` (what `target.push(...items)` does, at any length). */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
