/**
 * `resptable split MASTER.xlsx --by lead|owner --out DIR`: one copy per unit, holding its own rows,
 * only its status, progress, evidence and remarks cells open. `resptable collect DIR --into
 * MASTER.xlsx`: those cells read back into the master, journaled; `collect --revert --into
 * MASTER.xlsx` takes the last collect out again. Which rows and cells is ../core/collect's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { collectCopy, kt, type CollectResult, parseManifest, planSplit, SPLIT_SHEET, type CollectEdit, type OutsideChange, type SplitManifest } from '../core/collect';
import type { Grid } from '../core/grid';
import { localIsoDate } from '../core/dates/today';
import { t, type Lang } from '../core/i18n';
import { JournalError } from '../core/plan/journal';
import { type TableReport } from '../core/contract';
import { checkWorkbook } from '../core/check';
import { gridsFromWorkbook, loadWorkbookBuffer, readGridsFromBuffer, UnreadableWorkbookError } from '../hosts/xlsx';
import { writeCollect, revertCollect } from '../hosts/xlsx/collect';
import { buildUnitCopy, copyMapping } from '../hosts/xlsx/split';
import { GridWorkbookHost } from '../hosts/xlsx/grid-host';
import { checkWithHost } from '../hosts/workflow';
import type { CollectArgs, SplitArgs } from './args';
import { ioReason, samePath, writeFileAtomic } from './files';
import type { Io } from './main';
import { runPool, threadCount } from './pool';
import { progressLine } from './progress';
import { ct } from './strings';
import { escapeJson, escapeTerminal } from './terminal';
import { pushAll } from '../core/arrays';

function readFailure(lang: Lang, file: string, e: unknown): string {
  const reason = e instanceof UnreadableWorkbookError ? t(lang, `file.unreadable.${e.reason}`, { detail: e.detail }) : ioReason(lang, e);
  return kt(lang, 'collect.unreadable', { file, reason });
}

/** A unit's name as a file name: no folder separators or characters Windows refuses. */
export function unitFileName(master: string, unit: string): string {
  const stem = path.basename(master, path.extname(master));
  const safe = unit.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 80);
  return `${stem}-${safe}.xlsx`;
}

export async function splitMain(args: SplitArgs, io: Io): Promise<number> {
  const lang = args.lang;
  let data: Buffer;
  let grids: Grid[];
  try {
    data = await fs.promises.readFile(args.master);
    grids = readGridsFromBuffer(args.master, data);
  } catch (e) {
    io.err(`${escapeTerminal(readFailure(lang, args.master, e))}\n`);
    return 1;
  }
  const host = new GridWorkbookHost(grids, args.master);
  const { report, grids: seen } = await checkWithHost(host, { lang, today: localIsoDate() });
  const plan = planSplit(report, seen, args.by);
  const by = kt(lang, args.by === 'lead' ? 'split.by.lead' : 'split.by.owner');
  const lines: string[] = [];
  for (const u of plan.unassigned) lines.push(kt(lang, 'split.unassigned', { cell: `${u.sheet}!${u.row}`, task: [u.seq, u.title].filter(Boolean).join(' '), by }));
  if (plan.units.length === 0) {
    io.err(`${escapeTerminal([...lines, kt(lang, 'split.no-units', { file: args.master, by })].join('\n'))}\n`);
    return 1;
  }
  if (await host.isApplied()) lines.push(kt(lang, 'split.was-applied', { file: args.master }));
  await fs.promises.mkdir(args.out, { recursive: true });
  const units = plan.units.map((u) => u.unit);
  const copies: Array<{ unit: string; file: string; tasks: number }> = [];
  const used = new Set<string>();
  for (const u of plan.units) {
    const manifest: SplitManifest = { version: 1, master: path.basename(args.master), unit: u.unit, by: args.by, units, sheets: u.sheets };
    const wb = await buildUnitCopy(data, manifest, copyMapping(report, manifest), lang);
    let name = unitFileName(args.master, u.unit);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = unitFileName(args.master, `${u.unit} (${n})`);
    used.add(name.toLowerCase());
    const file = path.join(args.out, name);
    if (samePath(file, args.master)) throw new Error(`${file} would replace the master`);
    await writeFileAtomic(file, (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
    copies.push({ unit: u.unit, file, tasks: u.tasks });
    lines.push(kt(lang, 'split.wrote', { file, unit: u.unit, tasks: u.tasks }));
  }
  if (args.json) io.out(`${escapeJson(JSON.stringify({ version: 1, master: args.master, by: args.by, copies, unassigned: plan.unassigned }, null, 2))}\n`);
  else io.out(`${escapeTerminal(lines.join('\n'))}\n`);
  return 0;
}

/** The add-in's own sheets are not the user's tables. */
function userGrids(grids: readonly Grid[]): Grid[] {
  return grids.filter((g) => !g.name.startsWith('_resptable_'));
}

function manifestOf(grids: readonly Grid[]): ReturnType<typeof parseManifest> {
  const g = grids.find((x) => x.name === SPLIT_SHEET);
  if (!g) return null;
  const chunks = g.rows.map((r) => r?.[0]?.text ?? '').filter((s) => s !== '');
  return parseManifest(chunks);
}

export interface CollectCopyReport {
  file: string;
  unit?: string;
  error?: string;
  edits: Array<Pick<CollectEdit, 'sheet' | 'cell' | 'from' | 'before' | 'after'>>;
  outside: OutsideChange[];
  notes: string[];
}

export interface CollectReport {
  version: 1;
  master: string;
  copies: CollectCopyReport[];
  notReturned: string[];
  written: number;
}

/** The master that --into names, loaded; null, the reason told, when it cannot be read. */
async function loadMaster(args: CollectArgs, io: Io): Promise<Awaited<ReturnType<typeof loadWorkbookBuffer>> | null> {
  try {
    return await loadWorkbookBuffer(args.into, await fs.promises.readFile(args.into));
  } catch (e) {
    io.err(`${escapeTerminal(readFailure(args.lang, args.into, e))}\n`);
    return null;
  }
}

async function revertMain(args: CollectArgs, io: Io): Promise<number> {
  const lang = args.lang;
  const wb = await loadMaster(args, io);
  if (!wb) return 1;
  const grids = gridsFromWorkbook(wb);
  const check = checkWorkbook(args.into, userGrids(grids), { lang });
  const tables = new Map<string, TableReport[]>(check.sheets.map((s) => [s.name, s.tables]));
  let outcome;
  try {
    outcome = revertCollect(wb, grids, tables);
  } catch (e) {
    if (!(e instanceof JournalError)) throw e;
    io.err(`${escapeTerminal(kt(lang, 'collect.refused', { file: args.into, detail: e.format(lang) }))}\n`);
    return 1;
  }
  if (outcome === null) {
    io.err(`${escapeTerminal(kt(lang, 'collect.nothing-to-revert', { file: args.into }))}\n`);
    return 0;
  }
  if ('key' in outcome) {
    const detail = outcome.key === 'collect.outside-bounds' ? kt(lang, outcome.key, { cell: outcome.cell }) : kt(lang, outcome.key);
    io.err(`${escapeTerminal(kt(lang, 'collect.refused', { file: args.into, detail }))}\n`);
    return 1;
  }
  await writeFileAtomic(args.into, (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
  const lines = [kt(lang, 'collect.reverted', { file: args.into, n: outcome.restore.length }), ...outcome.skipped.map((cell) => kt(lang, 'collect.reverted-skipped', { cell }))];
  io.out(`${escapeTerminal(lines.join('\n'))}\n`);
  return 0;
}

/** What every copy of a collect shares: the master's own sheets, and its name that each copy must give. */
export interface CopyShared {
  lang: Lang;
  masterName: string;
  master: Grid[];
}

/** A returned copy read and held against the master, or why it cannot be; its unit once known. */
export type CopyRead =
  | { error: string; unit?: string }
  | { unit: string; units: string[]; result: CollectResult };

/** One returned copy read, on whichever thread of the pool (./pool.ts) takes it. */
export function copyHandler(shared: CopyShared): (file: string) => Promise<CopyRead> {
  const { lang } = shared;
  return async (file) => {
    let grids: Grid[];
    try {
      grids = readGridsFromBuffer(file, await fs.promises.readFile(file));
    } catch (e) {
      return { error: readFailure(lang, file, e) };
    }
    const m = manifestOf(grids);
    if (m === null) return { error: kt(lang, 'collect.not-a-copy', { file }) };
    if ('error' in m) return { error: kt(lang, 'collect.bad-manifest', { file, detail: m.error }) };
    const manifest = m.manifest;
    if (manifest.master !== shared.masterName) {
      return { unit: manifest.unit, error: kt(lang, 'collect.other-master', { file, other: manifest.master, master: shared.masterName }) };
    }
    return { unit: manifest.unit, units: manifest.units, result: collectCopy(manifest, userGrids(grids), shared.master) };
  };
}

export async function collectMain(args: CollectArgs, io: Io): Promise<number> {
  if (args.revert) return revertMain(args, io);
  const lang = args.lang;
  const dir = args.dir as string;
  const wb = await loadMaster(args, io);
  if (!wb) return 1;
  const master = gridsFromWorkbook(wb);
  let names: string[];
  try {
    names = (await fs.promises.readdir(dir)).filter((f) => /\.xlsx$/i.test(f) && !f.startsWith('.') && !f.startsWith('~$')).sort();
  } catch (e) {
    io.err(`${escapeTerminal(readFailure(lang, dir, e))}\n`);
    return 1;
  }
  const files = names.map((name) => path.join(dir, name)).filter((file) => !samePath(file, args.into));
  const tty = process.stderr.isTTY === true;
  const progress = files.length > 3 && (tty || args.progress === true);
  let finished = 0;
  // Each copy is read and held against the master on whichever thread takes it; what one copy
  // brings is weighed against the copies before it (a unit twice, a cell two units wrote) here, in order.
  const reads = await runPool({
    kind: 'copy',
    shared: { lang, masterName: path.basename(args.into), master: userGrids(master) },
    tasks: files,
    threads: threadCount(args.jobs, files.length),
    onDone: (index) => {
      finished += 1;
      if (progress) io.err(progressLine(lang, finished, files.length, files[index] ?? '', tty));
    },
    crashed: (file, detail) => ({ error: ct(lang, 'cli.failed', { file, detail }) }),
  });
  if (progress && tty) io.err('\n');
  const copies: CollectCopyReport[] = [];
  const expected = new Set<string>();
  const returned = new Map<string, string>();
  const writtenBy = new Map<string, { file: string; after: string }>();
  const edits: CollectEdit[] = [];
  reads.forEach((read, i) => {
    const file = files[i] as string;
    const entry: CollectCopyReport = { file, ...(read.unit !== undefined ? { unit: read.unit } : {}), edits: [], outside: [], notes: [] };
    copies.push(entry);
    if ('error' in read) {
      entry.error = read.error;
      return;
    }
    const unit = read.unit;
    for (const u of read.units) expected.add(u);
    const earlier = returned.get(unit);
    if (earlier !== undefined) {
      entry.error = kt(lang, 'collect.twice', { unit, files: `${earlier}, ${file}`, file: earlier });
      return;
    }
    returned.set(unit, file);
    const result = read.result;
    for (const e of result.edits) {
      const k = `${e.sheet}!${e.cell}`;
      const other = writtenBy.get(k);
      // Every copy brings the headers of the columns split added: the same value is no conflict.
      if (other !== undefined) {
        if (other.after !== e.after) entry.notes.push(kt(lang, 'collect.conflict', { cell: k, other: other.file, file }));
        continue;
      }
      writtenBy.set(k, { file, after: e.after });
      edits.push(e);
      entry.edits.push({ sheet: e.sheet, cell: e.cell, from: e.from, before: e.before, after: e.after });
    }
    entry.outside = result.outside;
    for (const sheet of result.missingSheets) entry.notes.push(kt(lang, 'collect.missing-sheet', { sheet }));
  });
  const notReturned = [...expected].filter((u) => !returned.has(u));
  let failed = copies.some((c) => c.error !== undefined && c.unit === undefined && !c.error.startsWith(kt(lang, 'collect.not-a-copy', { file: c.file })));
  if (edits.length > 0) {
    writeCollect(wb, edits);
    try {
      await writeFileAtomic(args.into, (await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
    } catch (e) {
      io.err(`${escapeTerminal(`${args.into}: ${ioReason(lang, e)}`)}\n`);
      failed = true;
    }
  }
  const report: CollectReport = { version: 1, master: args.into, copies, notReturned, written: edits.length };
  if (args.json) io.out(`${escapeJson(JSON.stringify(report, null, 2))}\n`);
  else {
    const lines = [kt(lang, 'collect.header', { master: args.into })];
    for (const c of copies) {
      if (c.error !== undefined) {
        lines.push(c.error);
        continue;
      }
      lines.push(kt(lang, 'collect.copy', { file: c.file, unit: c.unit ?? '', n: c.edits.length }));
      for (const e of c.edits) lines.push(kt(lang, 'collect.edit', { cell: `${e.sheet}!${e.cell}`, from: e.from, before: e.before || '∅', after: e.after || '∅' }));
      for (const o of c.outside) lines.push(kt(lang, 'collect.outside', { cell: o.cell, found: o.found, expected: o.expected }));
      pushAll(lines, c.notes);
    }
    lines.push(notReturned.length > 0 ? kt(lang, 'collect.not-returned', { units: notReturned.join('、') }) : kt(lang, 'collect.all-returned'));
    lines.push(edits.length > 0 ? kt(lang, 'collect.wrote', { file: args.into, n: edits.length }) : kt(lang, 'collect.nothing', { file: args.into }));
    io.out(`${escapeTerminal(lines.join('\n'))}\n`);
  }
  return failed ? 1 : 0;
}
