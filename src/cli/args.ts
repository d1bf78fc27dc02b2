/** Command-line arguments of `resptable`. */
import { isLang, type Lang } from '../core/i18n';
import type { Severity } from '../core/report';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface CheckArgs {
  command: 'check' | 'apply' | 'revert';
  files: string[];
  json: boolean;
  /** Show findings of this severity and worse. */
  severity: Severity;
  /** Exit 0 even when findings are errors (unreadable files still fail). */
  exitZero: boolean;
  asOf?: string;
  mapping?: string;
  lang: Lang;
  /** apply / revert: where the changed copies go. */
  out?: string;
  /** apply / revert: change the files themselves. */
  inPlace: boolean;
  /** A collector's summary workbook: one row per file and table. */
  summary?: string;
}

export type Args = CheckArgs | { command: 'schema' } | { command: 'rules'; lang: Lang; markdown: boolean } | { command: 'help'; lang: Lang };

export class ArgsError extends Error {
  constructor(
    readonly key:
      | 'cli.bad-option'
      | 'cli.bad-date'
      | 'cli.no-files'
      | 'cli.bad-severity'
      | 'cli.no-out'
      | 'cli.unknown-command'
      | 'cli.no-command'
      | 'cli.out-is-input-folder'
      | 'cli.summary-collides',
    readonly params: Record<string, string> = {},
    readonly lang: Lang = 'zh-CN',
  ) {
    super(key);
  }
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  let lang: Lang = 'zh-CN';
  const langAt = rest.indexOf('--lang');
  if (langAt >= 0 && rest[langAt + 1] && isLang(rest[langAt + 1] as string)) lang = rest[langAt + 1] as Lang;
  if (command === 'schema') return { command: 'schema' };
  if (command === 'rules') return { command: 'rules', lang, markdown: rest.includes('--markdown') };
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help', lang };
  // A mistyped command is a mistake to say, not a request for help that succeeds.
  if (command === undefined) throw new ArgsError('cli.no-command', {}, lang);
  if (command !== 'check' && command !== 'apply' && command !== 'revert') throw new ArgsError('cli.unknown-command', { command }, lang);
  const out: CheckArgs = { command, files: [], json: false, severity: 'info', exitZero: false, inPlace: false, lang };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new ArgsError('cli.bad-option', { arg: a }, lang);
      return v;
    };
    if (a === '--json') out.json = true;
    else if (a === '--exit-zero') out.exitZero = true;
    else if (a === '--severity') {
      const v = value();
      if (!(SEVERITIES as readonly string[]).includes(v)) throw new ArgsError('cli.bad-severity', { value: v }, lang);
      out.severity = v as Severity;
    }
    else if (a === '--as-of') {
      const v = value();
      if (!isIsoDate(v)) throw new ArgsError('cli.bad-date', { value: v }, lang);
      out.asOf = v;
    } else if (a === '--mapping') out.mapping = value();
    else if (a === '--out') out.out = value();
    else if (a === '--in-place') out.inPlace = true;
    else if (a === '--summary') out.summary = value();
    else if (a === '--lang') {
      const v = value();
      if (!isLang(v)) throw new ArgsError('cli.bad-option', { arg: `--lang ${v}` }, lang);
    } else if (a.startsWith('--')) throw new ArgsError('cli.bad-option', { arg: a }, lang);
    else out.files.push(a);
  }
  if (out.files.length === 0) throw new ArgsError('cli.no-files', {}, lang);
  // A changed copy goes somewhere the user chose; the input is changed only when asked.
  if (command !== 'check' && !out.out && !out.inPlace) throw new ArgsError('cli.no-out', {}, lang);
  return out;
}
