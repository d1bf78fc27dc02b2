// opencc-js declares its subpath exports' types only for `node16`/`bundler` resolution; this is the
// one function the recognizer uses, as the package documents it.
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: 't' | 'tw' | 'twp' | 'hk'; to: 'cn' }): (text: string) => string;
}
