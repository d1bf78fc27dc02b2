/** `resptable check | apply | revert FILE…`, `resptable rules`, `resptable schema`. */
import * as fs from 'fs';
import { t, type Lang } from '../core/i18n';
import { ReportSchema, reportJsonSchema, type FileReport, type Report, type Severity } from '../core/contract';
import { MappingSchema, type Mapping } from '../core/settings/mapping';
import { ArgsError, parseArgs, type CheckArgs } from './args';
import { copyTargets, inputInFolder, ioReason, isErrno, messageOf, samePath } from './files';
import { localIsoDate } from '../core/dates/today';
import { failed, type FileJob, type FileOutcome, type Io, type PoolResult } from './run-file';
import { runPool, threadCount } from './pool';
import { inOrder, progressLine } from './progress';
import { writeNotices } from './notices-workbook';
import { rulesMarkdown, rulesTable } from './rules-doc';
import { formatReport } from './summary';
import { writeSummaryWorkbook } from './summary-workbook';
import { ct, isCliKey } from './strings';
import { escapeJson, escapeTerminal } from './terminal';
import { diffMain } from './diff';
import { collectMain, splitMain } from './collect';

export type { Io } from './run-file';

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

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
  for (const summary of [args.summary, args.notices]) {
    if (summary === undefined) continue;
    const hit = [...args.files, ...targets, ...(summary === args.notices && args.summary ? [args.summary] : [])].find((f) => samePath(f, summary));
    if (hit !== undefined) throw new ArgsError('cli.summary-collides', { summary, file: hit }, args.lang);
  }
  return targets;
}

export interface RunResult {
  report: Report;
  /** Set when --summary was asked for and could not be written: why. */
  summaryError?: string;
}

/** Threads for a batch: as asked (--jobs), else the machine's cores once the batch is worth a pool. */
export function workerCount(args: CheckArgs): number {
  return threadCount(args.jobs, args.files.length);
}

/** A folder error as plain data, the same on every thread (a code survives; an Error's own fields do not cross threads). */
function plainError(e: unknown): { code?: string; message: string } {
  return { ...(isErrno(e) ? { code: e.code } : {}), message: messageOf(e) };
}

export async function runCheck(args: CheckArgs, io: Io = stdio): Promise<RunResult> {
  const mapping = args.mapping ? loadMapping(args.lang, args.mapping) : undefined;
  // Overdue is judged as of today unless the collector says otherwise.
  const asOf = args.asOf ?? localIsoDate();
  const targets = planTargets(args);
  let blocked: unknown;
  if (args.command !== 'check' && !args.inPlace && args.out) {
    try {
      fs.mkdirSync(args.out, { recursive: true });
    } catch (e) {
      blocked = e;
    }
  }
  const jobs: FileJob[] = args.files.map((file, i) => ({
    file, ...(targets[i] !== undefined ? { target: targets[i] } : {}), ...(blocked !== undefined ? { blocked: plainError(blocked) } : {}),
  }));
  const tty = process.stderr.isTTY === true;
  const progress = args.files.length > 3 && (tty || args.progress === true);
  // What each file says is let out in the inputs' order, as soon as every file before it is done.
  const said = inOrder<PoolResult>((r) => {
    for (const s of r.said) io.err(s);
  });
  let finished = 0;
  const all = await runPool({
    kind: 'file',
    shared: { args: { ...args, files: [] }, asOf, ...(mapping ? { mapping } : {}) },
    tasks: jobs,
    threads: workerCount(args),
    onDone: (index, result) => {
      said(index, result);
      finished += 1;
      if (progress) io.err(progressLine(args.lang, finished, jobs.length, jobs[index]?.file ?? '', tty));
    },
    crashed: (job, detail) => ({ outcome: { report: failed(job.file, 'file.failed', ct(args.lang, 'cli.failed', { file: job.file, detail })) }, said: [] }),
  });
  const outcomes: FileOutcome[] = all.map((r) => r.outcome);
  if (progress && tty) io.err('\n');
  const files: FileReport[] = outcomes.map((o) => o.report);
  const copies = new Map<string, string>();
  outcomes.forEach((o, i) => {
    if (o.copy) copies.set(args.files[i] as string, o.copy);
  });
  // Each file's report was held to the contract where it was made (./run-file.ts, on its thread):
  // only the envelope is checked here, not every file again on the main thread.
  const report: Report = { ...ReportSchema.parse({ version: 1, asOf, lang: args.lang, files: [] }), files };
  let summaryError: string | undefined;
  if (args.summary) {
    try {
      // Every file has its row, read or not: one that failed is a row saying so.
      await writeSummaryWorkbook(report, args.summary, copies);
    } catch (e) {
      summaryError = ct(args.lang, 'io.summary-failed', { file: args.summary, reason: ioReason(args.lang, e) });
    }
  }
  if (args.notices) {
    const said = await writeNotices(report, args.notices, copies, { pdf: args.pdf === true });
    for (const s of said.lines) io.err(`${escapeTerminal(s)}\n`);
    if (said.error) summaryError = summaryError ? `${summaryError}\n${said.error}` : said.error;
  }
  return summaryError ? { report, summaryError } : { report };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The report with only findings of `severity` or worse. */
export function filterSeverity(report: Report, severity: Severity): Report {
  return { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => RANK[x.severity] <= RANK[severity]) })) };
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
