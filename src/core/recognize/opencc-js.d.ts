// opencc-js declares its subpath exports' types only for `node16`/`bundler` resolution; these are the
// parts the recognizer uses, as the package documents them: the converter, and the dictionaries it
// is built from (read once to know which characters it can change).
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: 't' | 'tw' | 'twp' | 'hk'; to: 'cn' }): (text: string) => string;
  /** A dictionary: `key value|key value…`, or [key, value] pairs. */
  type DictLike = string | string[][];
  export const Locale: {
    configs?: Record<string, { normalizationChain?: DictLike[][]; conversionChain: DictLike[][] } | undefined>;
  };
}
