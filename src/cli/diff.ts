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

export async function runDiff(args: DiffArgs): Promise<DiffReport> {
  const lang = args.lang;
  const pairs: Array<[string, string]> =
    args.template !== undefined
      ? args.files.map((f) => [args.template as string, f])
      : args.since !== undefined
        ? args.files.map((f) => [path.join(args.since as string, path.basename(f)), f])
        : [[args.files[0] as string, args.files[1] as string]];
  const files: FileDiff[] = [];
  const cache = new Map<string, Promise<Round | { error: string }>>();
  const read = (f: string) => cache.get(f) ?? (cache.set(f, readRound(f, lang)), cache.get(f) as Promise<Round | { error: string }>);
  for (const [last, file] of pairs) {
    if (args.since !== undefined && !fs.existsSync(last)) {
      files.push({ last, file, error: dt(lang, 'diff.no-last', { dir: args.since, file: path.basename(file) }), changes: [] });
      continue;
    }
    const [a, b] = await Promise.all([read(last), read(file)]);
    const error = 'error' in a ? a.error : 'error' in b ? b.error : undefined;
    if (error !== undefined || 'error' in a || 'error' in b) {
      files.push({ last, file, error: error ?? '', changes: [] });
      continue;
    }
    const changes = compareRounds(a, b, { template: args.template !== undefined }).map((c) => ({ ...c, message: changeLine(c, lang) }));
    files.push({ last, file, changes });
  }
  return DiffReportSchema.parse({ version: 1, mode: args.template !== undefined ? 'template' : 'rounds', lang, files });
}

export async function diffMain(args: DiffArgs, io: Io): Promise<number> {
  const report = await runDiff(args);
  if (args.json) io.out(`${escapeJson(JSON.stringify(report, null, 2))}\n`);
  else io.out(escapeTerminal(formatDiff(report)));
  if (report.files.some((f) => f.error !== undefined)) return 1;
  return report.mode === 'template' && report.files.some((f) => f.changes.length > 0) ? 1 : 0;
}
