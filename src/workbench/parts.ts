/**
 * A large answer from the document worker crosses in parts. The page takes a message in as one task
 * (the structured clone is rebuilt there, on the page's thread): a 20k-row report in one message is
 * a quarter of a second of blocked page on a loaded machine. So every long array in an answer (a
 * table's tasks, the findings) is cut out and sent as slices of PART_ITEMS items, each a message of
 * its own, and the answer itself carries a placeholder where the array was. The page gathers the
 * slices as they come, one short task each, and puts the arrays back when the answer arrives.
 */

/** Items per slice: a few milliseconds of the page's time each, even for a report's tasks. */
export const PART_ITEMS = 250;

/** Marks a placeholder; no value of the core's has a key of this name. */
export const PART_KEY = '__resptablePart';

export interface Placeholder {
  [PART_KEY]: number;
}

/** One slice of a cut-out array: `nested` when its items hold placeholders of their own. */
export interface PartSlice {
  ref: number;
  items: unknown[];
  nested: boolean;
}

/** An object of keys and values (what structured cloning gives for one), not a Date, Map, typed array or buffer. */
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';

/**
 * The answer with its long arrays cut out, each handed to `emit` slice by slice (before the answer
 * is sent, so that the page has them all when the answer comes). Values without a long array are
 * returned as they are; others are copied along the way to their arrays (the worker's own value is
 * left as it was).
 */
export function splitLarge(value: unknown, emit: (slice: PartSlice) => void, maxItems = PART_ITEMS): unknown {
  let next = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (v.length > maxItems) {
        const ref = next++;
        for (let i = 0; i < v.length; i += maxItems) {
          let nested = false;
          const items = v.slice(i, i + maxItems).map((x) => {
            const w = walk(x);
            if (w !== x) nested = true;
            return w;
          });
          emit({ ref, items, nested });
        }
        // An empty slice list never happens here (length > maxItems), so the page always finds the ref.
        return { [PART_KEY]: ref } satisfies Placeholder;
      }
      let copy: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i]);
        if (w !== v[i]) (copy ??= v.slice())[i] = w;
      }
      return copy ?? v;
    }
    if (isPlainObject(v)) {
      let copy: Record<string, unknown> | null = null;
      for (const k of Object.keys(v)) {
        const w = walk(v[k]);
        if (w !== v[k]) (copy ??= { ...v })[k] = w;
      }
      return copy ?? v;
    }
    return v;
  };
  return walk(value);
}

/** The page's side: slices gathered by ref, then the answer with its arrays put back. */
export class PartGatherer {
  private arrays = new Map<number, { items: unknown[]; nested: boolean }>();

  add(slice: PartSlice): void {
    const got = this.arrays.get(slice.ref);
    if (!got) {
      this.arrays.set(slice.ref, { items: slice.items, nested: slice.nested });
      return;
    }
    for (const x of slice.items) got.items.push(x);
    got.nested ||= slice.nested;
  }

  /**
   * Puts the arrays back into the answer. Only the answer's own skeleton and the slices that hold
   * placeholders are walked: the items of the rest are taken as they came. A placeholder whose slices
   * never came is an error (a worker that cut what it did not send), not a silent hole.
   */
  join(value: unknown): unknown {
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
        return v;
      }
      if (isPlainObject(v)) {
        const ref = v[PART_KEY];
        if (typeof ref === 'number' && Object.keys(v).length === 1) {
          const got = this.arrays.get(ref);
          if (!got) throw new Error(`document worker: part ${ref} of an answer never came`);
          return got.nested ? walk(got.items) : got.items;
        }
        for (const k of Object.keys(v)) v[k] = walk(v[k]);
        return v;
      }
      return v;
    };
    return walk(value);
  }
}
