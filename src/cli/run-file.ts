/**
 * One file of a batch checked, applied or reverted: whatever goes wrong is that file's error, never
 * the batch's. Runs in the main thread or in a worker of the pool (./pool.ts), so that everything it
 * takes and gives is plain data, and what it says goes through `io`.
 */
import * as fs from 'fs';
import { t, type Lang } from '../core/i18n';
import { localIsoDate } from '../core/dates/today';
import { FileReportSchema, type FileReport } from '../core/contract';
import type { Mapping } from '../core/settings/mapping';
import { JournalError } from '../core/plan/journal';
import { readGridsFromBuffer, UnreadableWorkbookError } from '../hosts/xlsx';
import { PackageWorkbookHost } from '../hosts/xlsx/package-host';
import { describeSkipped, journalPending } from '../core/plan/journal-verify';
import type { Grid } from '../core/grid';
import { GridWorkbookHost } from '../hosts/xlsx/grid-host';
import { applyWithHost, checkWithHost } from '../hosts/workflow';
import type { CheckArgs } from './args';
import { ioReason, messageOf, samePath, writeFileAtomic } from './files';
import { ct } from './strings';
import { escapeTerminal } from './terminal';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A file that could not be checked, applied or reverted: an error for that file alone. */
export function failed(file: string, rule: 'file.unreadable' | 'file.unwritable' | 'file.failed', message: string): FileReport {
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

/** The report of one file, checked against the contract on its own: a bug in one file's report is that file's error. */
function validated(lang: Lang, report: FileReport): FileReport {
  const parsed = FileReportSchema.safeParse(report);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return failed(report.file, 'file.failed', ct(lang, 'cli.bad-report', { file: report.file, path: issue?.path.join('.') ?? '', detail: issue?.message ?? '' }));
}

export interface FileJob {
  file: string;
  /** apply, revert: where the changed workbook goes. */
  target?: string;
  /** Set when the output folder could not be made: nothing is read or written. */
  blocked?: unknown;
}

export interface FileOutcome {
  report: FileReport;
  /** The annotated copy written, for the summary's link. */
  copy?: string;
}

/** Checks, applies or reverts one file; whatever goes wrong is that file's error, never the batch's. */
export async function runFile(args: CheckArgs, job: FileJob, asOf: string, mapping: Mapping | undefined, io: Io): Promise<FileOutcome> {
  const { file, target } = job;
  const lang = args.lang;
  if (job.blocked !== undefined) {
    const kept = ct(lang, 'io.input-intact', { file });
    return { report: failed(file, 'file.unwritable', ct(lang, 'io.out-folder-failed', { out: args.out ?? '', reason: ioReason(lang, job.blocked), kept })) };
  }
  let data: Buffer;
  let grids: Grid[];
  let host: GridWorkbookHost | undefined;
  let writer: PackageWorkbookHost | undefined;
  try {
    // Read here, not in the loader, so that a folder, a missing file or no permission is said as such.
    data = await fs.promises.readFile(file);
    // Every command reads the package straight to Grids; apply and revert write it back surgically.
    grids = readGridsFromBuffer(file, data);
    if (args.command === 'check') host = new GridWorkbookHost(grids, file);
    else writer = new PackageWorkbookHost(data, file, grids);
  } catch (e) {
    return { report: unreadable(lang, file, e) };
  }
  let stage: 'work' | 'write' = 'work';
  try {
    if (host) {
      // A half-done apply is read as the workbook was before it (its cells not yet written are the user's), and said.
      if (journalPending(grids)) io.err(`${escapeTerminal(ct(lang, 'cli.pending-check', { file }))}\n`);
      // Read as the task pane reads: an annotated copy is checked without the add-in's own cells,
      // with the column mapping its keeper saved in it unless --mapping says otherwise.
      // Without --as-of, a table whose title states its date (截至6月底) is checked as of that date.
      const { report } = await checkWithHost(host, { lang, today: asOf, asOf, ...(args.asOf ? {} : { asOfFromTitle: true }), ...(mapping ? { mapping } : {}), ...(args.lights ? { lights: { preset: args.lights } } : {}) });
      return { report: validated(lang, report) };
    }
    if (!writer) throw new Error('unreachable: no workbook read');
    const out = target ?? file;
    if (args.command === 'apply') {
      // The task pane's workflow over the package: only the parts the plan changes are rewritten.
      const { report } = await applyWithHost(writer, {
        lang,
        today: localIsoDate(),
        ...(args.asOf ? { asOf: args.asOf } : {}),
        ...(mapping ? { mapping } : {}),
        ...(args.lights ? { lights: { preset: args.lights } } : {}),
      });
      const valid = validated(lang, report);
      if (writer.repairedBeforeApply) io.err(`${escapeTerminal(ct(lang, 'cli.repaired-before-apply', { file }))}\n`);
      if (valid.error) return { report: valid };
      stage = 'write';
      await writeFileAtomic(out, writer.data);
      io.err(`${escapeTerminal(t(lang, 'cli.wrote', { file: out }))}\n`);
      return { report: valid, copy: out };
    }
    const outcome = await writer.revert();
    if (outcome || !samePath(out, file)) {
      stage = 'write';
      await writeFileAtomic(out, writer.data);
    }
    const said = !outcome
      ? t(lang, 'cli.nothing-to-revert', { file: out })
      : outcome.pending
        ? outcome.skipped.length === 0
          ? ct(lang, 'cli.repaired', { file: out })
          : ct(lang, 'cli.repaired-skipped', { file: out, count: outcome.skipped.length, list: describeSkipped(lang, outcome.skipped) })
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


/** What every file of a check, apply or revert batch shares. */
export interface FileShared {
  /** The command's options; its list of files is left out (every task would carry it otherwise). */
  args: CheckArgs;
  asOf: string;
  mapping?: Mapping;
}

export interface PoolResult {
  outcome: FileOutcome;
  /** What the file's run said on stderr, in order, let out by the batch in the inputs' order. */
  said: string[];
}

/** A file's run in a batch (../cli/pool.ts), on whichever thread takes it. */
export function fileHandler(shared: FileShared): (job: FileJob) => Promise<PoolResult> {
  return async (job) => {
    const said: string[] = [];
    const io = { out: (s: string) => said.push(s), err: (s: string) => said.push(s) };
    const outcome = await runFile(shared.args, job, shared.asOf, shared.mapping, io);
    return { outcome, said };
  };
}
