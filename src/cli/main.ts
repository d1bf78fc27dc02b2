/** `resptable check | apply | revert FILE…`, `resptable rules`, `resptable schema`. */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';
import { t, type Lang } from '../core/i18n';
import { FileReportSchema, ReportSchema, reportJsonSchema, type FileReport, type Report, type Severity } from '../core/report';
import { MappingSchema, type Mapping } from '../core/settings/mapping';
import { JournalError } from '../core/plan/journal';
import { annotatePackage, loadWorkbookBuffer, readGridsFromBuffer, revertPackage, UnreadableWorkbookError } from '../hosts/xlsx';
import { describeSkipped } from '../core/plan/journal-verify';
import { GridWorkbookHost } from '../hosts/xlsx/grid-host';
import { checkWithHost } from '../hosts/workflow';
import { ArgsError, parseArgs, type CheckArgs } from './args';
import { copyTargets, inputInFolder, ioReason, isErrno, messageOf, samePath, writeFileAtomic } from './files';
import { rulesMarkdown, rulesTable } from './rules-doc';
import { formatReport } from './summary';
import { writeSummaryWorkbook } from './summary-workbook';
import { ct, isCliKey } from './strings';
import { escapeJson, escapeTerminal } from './terminal';
import { diffMain } from './diff';
import { collectMain, splitMain } from './collect';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** A file that could not be checked, applied or reverted: an error for that file alone. */
function failed(file: string, rule: 'file.unreadable' | 'file.unwritable' | 'file.failed', message: string): FileReport {
  return { file, error: message, sheets: [], findings: [{ rule, severity: 'error', message }] };
}

function unreadable(lang: Lang, file: string, e: unknown): FileReport {
  const reason =
    e instanceof UnreadableWorkbookError
      ? t(lang, `file.unreadable.${e.reason}`, { detail: e.detail })
      : ct(lang, 'io.read-failed', { file, reason: ioReason(lang, e) });
  return failed(file, 'file.unreadable', t(lang, 'file.unreadable', { reason }));
}

function unwritable(lang: Lang, file: string, target: string, e: unknown): FileReport {
  const kept = ct(lang, 'io.input-intact', { file });
  return failed(file, 'file.unwritable', ct(lang, 'io.write-failed', { target, reason: ioReason(lang, e), kept }));
}

function loadMapping(lang: Lang, file: string): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const detail = isErrno(e) ? ioReason(lang, e) : messageOf(e);
    throw new Error(t(lang, 'cli.bad-mapping', { file, detail }));
  }
  const parsed = MappingSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(t(lang, 'cli.bad-mapping', { file, detail }));
  }
  return parsed.data;
}

/**
 * Where the changed copy of each input goes (apply, revert): the input itself with --in-place, else
 * a distinct name in --out, which may not be an input's own folder. A summary (any command) may replace neither.
 */
export function planTargets(args: CheckArgs): string[] {
  let targets: string[];
  if (args.command === 'check') {
    targets = [];
  } else if (args.inPlace || !args.out) {
    targets = [...args.files];
  } else {
    const clash = inputInFolder(args.out, args.files);
    if (clash !== undefined) throw new ArgsError('cli.out-is-input-folder', { out: args.out, file: clash }, args.lang);
    targets = copyTargets(args.out, args.files);
  }
  if (args.summary) {
    const summary = args.summary;
    const hit = [...args.files, ...targets].find((f) => samePath(f, summary));
    if (hit !== undefined) throw new ArgsError('cli.summary-collides', { summary, file: hit }, args.lang);
  }
  return targets;
}

/** The report of one file, checked against the contract on its own: a bug in one file's report is that file's error. */
function validated(lang: Lang, report: FileReport): FileReport {
  const parsed = FileReportSchema.safeParse(report);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return failed(report.file, 'file.failed', ct(lang, 'cli.bad-report', { file: report.file, path: issue?.path.join('.') ?? '', detail: issue?.message ?? '' }));
}

interface FileJob {
  file: string;
  /** apply, revert: where the changed workbook goes. */
  target?: string;
  /** Set when the output folder could not be made: nothing is read or written. */
  blocked?: unknown;
}

interface FileOutcome {
  report: FileReport;
  /** The annotated copy written, for the summary's link. */
  copy?: string;
}

/** Checks, applies or reverts one file; whatever goes wrong is that file's error, never the batch's. */
async function runFile(args: CheckArgs, job: FileJob, asOf: string, mapping: Mapping | undefined, io: Io): Promise<FileOutcome> {
  const { file, target } = job;
  const lang = args.lang;
  if (job.blocked !== undefined) {
    const kept = ct(lang, 'io.input-intact', { file });
    return { report: failed(file, 'file.unwritable', ct(lang, 'io.out-folder-failed', { out: args.out ?? '', reason: ioReason(lang, job.blocked), kept })) };
  }
  let data: Buffer;
  let wb: ExcelJS.Workbook | undefined;
  let host: GridWorkbookHost | undefined;
  try {
    // Read here, not in the loader, so that a folder, a missing file or no permission is said as such.
    data = await fs.promises.readFile(file);
    // A check reads the package straight to Grids; only apply and revert, which write, load ExcelJS.
    if (args.command === 'check') host = new GridWorkbookHost(readGridsFromBuffer(file, data), file);
    else wb = await loadWorkbookBuffer(file, data);
  } catch (e) {
    return { report: unreadable(lang, file, e) };
  }
  let stage: 'work' | 'write' = 'work';
  try {
    if (host) {
      // Read as the task pane reads: an annotated copy is checked without the add-in's own cells,
      // with the column mapping its keeper saved in it unless --mapping says otherwise.
      const { report } = await checkWithHost(host, { lang, today: asOf, asOf, ...(mapping ? { mapping } : {}), ...(args.lights ? { lights: { preset: args.lights } } : {}) });
      return { report: validated(lang, report) };
    }
    if (!wb) throw new Error('unreachable: no workbook loaded');
    const out = target ?? file;
    if (args.command === 'apply') {
      // Written surgically: only the parts the plan changes are rewritten, every other one is copied.
      const { report, bytes } = await annotatePackage(data, wb, file, {
        lang,
        today: today(),
        ...(args.asOf ? { asOf: args.asOf } : {}),
        ...(mapping ? { mapping } : {}),
        ...(args.lights ? { lights: { preset: args.lights } } : {}),
      });
      const valid = validated(lang, report);
      if (valid.error) return { report: valid };
      stage = 'write';
      await writeFileAtomic(out, bytes);
      io.err(`${escapeTerminal(t(lang, 'cli.wrote', { file: out }))}\n`);
      return { report: valid, copy: out };
    }
    const reverted = await revertPackage(data, wb);
    const had = reverted !== null;
    const outcome = reverted ? { skipped: reverted.verified.skipped } : null;
    if (had || !samePath(out, file)) {
      stage = 'write';
      await writeFileAtomic(out, reverted ? reverted.bytes : data);
    }
    const said = !outcome
      ? t(lang, 'cli.nothing-to-revert', { file: out })
      : outcome.skipped.length === 0
        ? t(lang, 'cli.reverted', { file: out })
        : t(lang, 'cli.reverted-skipped', { file: out, count: outcome.skipped.length, list: describeSkipped(lang, outcome.skipped) });
    io.err(`${escapeTerminal(said)}\n`);
    return { report: { file, sheets: [], findings: [] } };
  } catch (e) {
    if (e instanceof JournalError) {
      // A journal refused before anything was changed says why, in the chosen language.
      const refused = failed(file, 'file.failed', ct(lang, 'cli.failed', { file, detail: e.format(lang) }));
      if (args.command === 'revert') io.err(`${escapeTerminal(`${file}: ${refused.error ?? ''}`)}
`);
      return { report: refused };
    }
    if (stage === 'write') return { report: unwritable(lang, file, target ?? file, e) };
    return { report: failed(file, 'file.failed', ct(lang, 'cli.failed', { file, detail: messageOf(e) })) };
  }
}

export interface RunResult {
  report: Report;
  /** Set when --summary was asked for and could not be written: why. */
  summaryError?: string;
}

export async function runCheck(args: CheckArgs, io: Io = stdio): Promise<RunResult> {
  const mapping = args.mapping ? loadMapping(args.lang, args.mapping) : undefined;
  // Overdue is judged as of today unless the collector says otherwise.
  const asOf = args.asOf ?? today();
  const targets = planTargets(args);
  let blocked: unknown;
  if (args.command !== 'check' && !args.inPlace && args.out) {
    try {
      fs.mkdirSync(args.out, { recursive: true });
    } catch (e) {
      blocked = e;
    }
  }
  const files: FileReport[] = [];
  const copies = new Map<string, string>();
  const progress = process.stderr.isTTY && args.files.length > 3;
  for (const [i, file] of args.files.entries()) {
    if (progress) io.err(`\r${escapeTerminal(t(args.lang, 'cli.progress', { n: i + 1, total: args.files.length, file: path.basename(file) }))}`);
    const job: FileJob = { file, ...(targets[i] !== undefined ? { target: targets[i] } : {}), ...(blocked !== undefined ? { blocked } : {}) };
    const { report, copy } = await runFile(args, job, asOf, mapping, io);
    files.push(report);
    if (copy) copies.set(file, copy);
  }
  if (progress) io.err('\n');
  const report: Report = ReportSchema.parse({ version: 1, asOf, lang: args.lang, files });
  if (!args.summary) return { report };
  try {
    // Every file has its row, read or not: one that failed is a row saying so.
    await writeSummaryWorkbook(report, args.summary, copies);
    return { report };
  } catch (e) {
    return { report, summaryError: ct(args.lang, 'io.summary-failed', { file: args.summary, reason: ioReason(args.lang, e) }) };
  }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The report with only findings of `severity` or worse. */
export function filterSeverity(report: Report, severity: Severity): Report {
  return { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => RANK[x.severity] <= RANK[severity]) })) };
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * check: 1 when a file could not be read or, as linters do, when any finding is an error.
 * apply, revert: 0 when every file was written; what they found is in the report, not the exit code.
 */
export function exitCode(command: CheckArgs['command'], report: Report, exitZero = false): number {
  if (report.files.some((f) => f.error)) return 1;
  if (command !== 'check') return 0;
  return !exitZero && report.files.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}

function usage(lang: Lang): string {
  return `${t(lang, 'cli.usage')}\n${ct(lang, 'cli.usage-collector')}`;
}

function usageError(e: ArgsError): string {
  const message = isCliKey(e.key) ? ct(e.lang, e.key, e.params) : t(e.lang, e.key, e.params);
  return escapeTerminal(`${message}\n${usage(e.lang)}`);
}

export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof ArgsError) {
      io.err(`${usageError(e)}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'schema') {
    io.out(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    return 0;
  }
  if (args.command === 'rules') {
    io.out(`${args.markdown ? rulesMarkdown() : rulesTable(args.lang)}\n`);
    return 0;
  }
  if (args.command === 'help') {
    io.out(`${usage(args.lang)}\n`);
    return 0;
  }
  if (args.command === 'diff' || args.command === 'split' || args.command === 'collect') {
    try {
      return await (args.command === 'diff' ? diffMain(args, io) : args.command === 'split' ? splitMain(args, io) : collectMain(args, io));
    } catch (e) {
      io.err(`${escapeTerminal(messageOf(e))}\n`);
      return 2;
    }
  }
  let result: RunResult;
  try {
    result = await runCheck(args, io);
  } catch (e) {
    if (e instanceof ArgsError) {
      io.err(`${usageError(e)}\n`);
      return 2;
    }
    io.err(`${escapeTerminal(messageOf(e))}\n`);
    return 2;
  }
  const { report, summaryError } = result;
  const shown = filterSeverity(report, args.severity);
  // Revert says what it did on stderr; there is no table to show.
  if (args.json) io.out(`${escapeJson(JSON.stringify(shown, null, 2))}\n`);
  else if (args.command !== 'revert') io.out(escapeTerminal(formatReport(shown)));
  else for (const f of report.files) if (f.error) io.err(`${escapeTerminal(f.error)}\n`);
  if (summaryError) {
    io.err(`${escapeTerminal(summaryError)}\n`);
    return 1;
  }
  return exitCode(args.command, report, args.exitZero);
}
