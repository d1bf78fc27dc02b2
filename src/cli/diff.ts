/**
 * `resptable diff LAST.xlsx THIS.xlsx`, `--since DIR THIS.xlsx…` (each file against the file of the
 * same name in DIR, the last round), `--template ISSUED.xlsx COPY.xlsx…` (each unit's copy against
 * what was sent out, cell by cell). Each workbook is read as `check` reads it; the comparison is
 * ../core/diff's. Exit 1 when a file could not be read, or with --template when a copy differs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { changeLine, compareRounds, DiffReportSchema, dt, formatDiff, type DiffReport, type FileDiff, type Round } from '../core/diff';
import { t, type Lang } from '../core/i18n';
import { localIsoDate } from '../core/dates/today';
import { readGridsFromBuffer, UnreadableWorkbookError } from '../hosts/xlsx';
import { GridWorkbookHost } from '../hosts/xlsx/grid-host';
import { checkWithHost } from '../hosts/workflow';
import type { DiffArgs } from './args';
import { ioReason } from './files';
import { runPool, threadCount } from './pool';
import { progressLine } from './progress';
import { ct } from './strings';
import { escapeJson, escapeTerminal } from './terminal';
import type { Io } from './main';

/** A workbook read as `check` reads it, or why it could not be. */
export async function readRound(file: string, lang: Lang): Promise<Round | { error: string }> {
  try {
    const data = await fs.promises.readFile(file);
    const host = new GridWorkbookHost(readGridsFromBuffer(file, data), file);
    const { report, grids } = await checkWithHost(host, { lang, today: localIsoDate() });
    if (report.error) return { error: report.error };
    return { file, report, grids };
  } catch (e) {
    const reason = e instanceof UnreadableWorkbookError ? t(lang, `file.unreadable.${e.reason}`, { detail: e.detail }) : ioReason(lang, e);
    return { error: dt(lang, 'diff.unreadable', { file, reason }) };
  }
}

/** A unit's file and the file it is compared with (last round's, or the issued template). */
export interface DiffPair {
  last: string;
  file: string;
}

/** What every pair of a diff batch shares. */
export interface DiffShared {
  lang: Lang;
  since?: string;
  template?: string;
}

/**
 * A pair compared, on whichever thread of the pool (./pool.ts) takes it. Each workbook is read once
 * per thread (the template, compared with every copy, above all).
 */
export function diffHandler(shared: DiffShared): (pair: DiffPair) => Promise<FileDiff> {
  const { lang } = shared;
  const cache = new Map<string, Promise<Round | { error: string }>>();
  const read = (f: string) => cache.get(f) ?? (cache.set(f, readRound(f, lang)), cache.get(f) as Promise<Round | { error: string }>);
  return async ({ last, file }) => {
    if (shared.since !== undefined && !fs.existsSync(last)) {
      return { last, file, error: dt(lang, 'diff.no-last', { dir: shared.since, file: path.basename(file) }), changes: [] };
    }
    const [a, b] = await Promise.all([read(last), read(file)]);
    // Only the template is compared again: a round's grids are not kept past its pair.
    if (shared.template === undefined) cache.clear();
    if ('error' in a || 'error' in b) return { last, file, error: 'error' in a ? a.error : 'error' in b ? b.error : '', changes: [] };
    const changes = compareRounds(a, b, { template: shared.template !== undefined }).map((c) => ({ ...c, message: changeLine(c, lang) }));
    return { last, file, changes };
  };
}

export async function runDiff(args: DiffArgs, io?: Io): Promise<DiffReport> {
  const lang = args.lang;
  const pairs: DiffPair[] = (
    args.template !== undefined
      ? args.files.map((f) => [args.template as string, f])
      : args.since !== undefined
        ? args.files.map((f) => [path.join(args.since as string, path.basename(f)), f])
        : [[args.files[0] as string, args.files[1] as string]]
  ).map(([last, file]) => ({ last: last as string, file: file as string }));
  const tty = process.stderr.isTTY === true;
  const progress = io !== undefined && pairs.length > 3 && (tty || args.progress === true);
  let finished = 0;
  const files = await runPool({
    kind: 'diff',
    shared: { lang, ...(args.since !== undefined ? { since: args.since } : {}), ...(args.template !== undefined ? { template: args.template } : {}) },
    tasks: pairs,
    threads: threadCount(args.jobs, pairs.length),
    onDone: (index) => {
      finished += 1;
      if (progress) io.err(progressLine(lang, finished, pairs.length, pairs[index]?.file ?? '', tty));
    },
    // A pair whose comparison broke is that pair's error; the others are compared.
    crashed: ({ last, file }, detail) => ({ last, file, error: ct(lang, 'cli.failed', { file, detail }), changes: [] }),
  });
  if (progress && tty) io.err('\n');
  return DiffReportSchema.parse({ version: 1, mode: args.template !== undefined ? 'template' : 'rounds', lang, files });
}

export async function diffMain(args: DiffArgs, io: Io): Promise<number> {
  const report = await runDiff(args, io);
  if (args.json) io.out(`${escapeJson(JSON.stringify(report, null, 2))}\n`);
  else io.out(escapeTerminal(formatDiff(report)));
  if (report.files.some((f) => f.error !== undefined)) return 1;
  return report.mode === 'template' && report.files.some((f) => f.changes.length > 0) ? 1 : 0;
}
