/** Command-line arguments of `resptable`. */
import { isLang, type Lang } from '../core/i18n';
import type { Severity } from '../core/contract';
import { LIGHT_PRESETS, type LightPreset } from '../core/contract';

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
  /** 督办单 / 催办单 / 提醒单: one sheet per unit with nodes to chase. */
  notices?: string;
  /** With --notices: a PDF of them too, through LibreOffice where it is installed. */
  pdf?: boolean;
  /** Worker threads for the batch (default: the cores, once the batch is large). */
  jobs?: number;
  /** Progress lines even when stderr is not a terminal. */
  progress?: boolean;
  /** 序时进度 lights under this preset (`--lights yinchuan|suqian`). */
  lights?: LightPreset;
}

/** `diff LAST THIS`, `diff --since DIR THIS…`, `diff --template ISSUED COPY…`. */
export interface DiffArgs {
  command: 'diff';
  files: string[];
  since?: string;
  template?: string;
  json: boolean;
  lang: Lang;
  /** Threads for the pairs (default: the cores, once there are many). */
  jobs?: number;
  progress?: boolean;
}

export interface SplitArgs {
  command: 'split';
  master: string;
  by: 'lead' | 'owner';
  out: string;
  json: boolean;
  lang: Lang;
}

export interface CollectArgs {
  command: 'collect';
  /** The folder of returned copies; absent with --revert. */
  dir?: string;
  into: string;
  revert: boolean;
  json: boolean;
  lang: Lang;
  /** Threads reading the copies (default: the cores, once there are many). */
  jobs?: number;
  progress?: boolean;
}

export type Args = CheckArgs | DiffArgs | SplitArgs | CollectArgs | { command: 'schema' } | { command: 'rules'; lang: Lang; markdown: boolean } | { command: 'help'; lang: Lang };

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
      | 'cli.summary-collides'
      | 'cli.diff-files'
      | 'cli.split-usage'
      | 'cli.collect-usage',
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
  if (command === 'diff' || command === 'split' || command === 'collect') return parseCollectorArgs(command, rest, lang);
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
    else if (a === '--notices') out.notices = value();
    else if (a === '--pdf') out.pdf = true;
    else if (a === '--progress') out.progress = true;
    else if (a === '--jobs') {
      out.jobs = jobsCount(value(), lang);
    } else if (a === '--lights') {
      const v = value();
      if (!(LIGHT_PRESETS as readonly string[]).includes(v)) throw new ArgsError('cli.bad-option', { arg: `--lights ${v}` }, lang);
      out.lights = v as LightPreset;
    } else if (a === '--lang') {
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

/** `--jobs N`: a count of threads, 1 to 9999. */
function jobsCount(v: string, lang: Lang): number {
  if (!/^[1-9]\d{0,3}$/.test(v)) throw new ArgsError('cli.bad-option', { arg: `--jobs ${v}` }, lang);
  return Number(v);
}

/** The collector's commands: diff, split, collect. */
function parseCollectorArgs(command: 'diff' | 'split' | 'collect', rest: readonly string[], lang: Lang): DiffArgs | SplitArgs | CollectArgs {
  const files: string[] = [];
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const valued = command === 'diff' ? ['--since', '--template', '--lang', '--jobs'] : command === 'split' ? ['--by', '--out', '--lang'] : ['--into', '--lang', '--jobs'];
  const flagged = command === 'collect' ? ['--json', '--revert', '--progress'] : command === 'diff' ? ['--json', '--progress'] : ['--json'];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (valued.includes(a)) {
      const v = rest[++i];
      if (v === undefined || (a === '--lang' && !isLang(v))) throw new ArgsError('cli.bad-option', { arg: a }, lang);
      opts.set(a, v);
    } else if (flagged.includes(a)) flags.add(a);
    else if (a.startsWith('--')) throw new ArgsError('cli.bad-option', { arg: a }, lang);
    else files.push(a);
  }
  const json = flags.has('--json');
  const jobs = opts.get('--jobs');
  // Batches (diff, collect) run in a pool: how many threads, and progress lines off a terminal.
  const pool = { ...(jobs !== undefined ? { jobs: jobsCount(jobs, lang) } : {}), ...(flags.has('--progress') ? { progress: true } : {}) };
  if (command === 'diff') {
    const since = opts.get('--since');
    const template = opts.get('--template');
    // Two rounds, or a base (last round's folder, or the issued template) and the files to hold to it.
    if (since !== undefined && template !== undefined) throw new ArgsError('cli.diff-files', {}, lang);
    if (since === undefined && template === undefined ? files.length !== 2 : files.length === 0) throw new ArgsError('cli.diff-files', {}, lang);
    return { command, files, json, lang, ...pool, ...(since !== undefined ? { since } : {}), ...(template !== undefined ? { template } : {}) };
  }
  if (command === 'split') {
    const by = opts.get('--by') ?? 'lead';
    const out = opts.get('--out');
    if (files.length !== 1 || out === undefined || (by !== 'lead' && by !== 'owner')) throw new ArgsError('cli.split-usage', {}, lang);
    return { command, master: files[0] as string, by, out, json, lang };
  }
  const into = opts.get('--into');
  const revert = flags.has('--revert');
  if (into === undefined || (revert ? files.length !== 0 : files.length !== 1)) throw new ArgsError('cli.collect-usage', {}, lang);
  return { command, into, revert, json, lang, ...pool, ...(files[0] !== undefined ? { dir: files[0] } : {}) };
}
