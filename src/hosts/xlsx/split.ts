/**
 * Writing one unit's copy of a master workbook (`resptable split`): the master as it is, less the
 * rows of other units' tasks, with the fillable columns the table lacks added, every cell locked but
 * the unit's own fillable cells, each sheet protected without a password (a note says so), the
 * column mapping kept in the settings sheet and the split manifest in a very hidden sheet.
 */
import ExcelJS from 'exceljs';
import { columnNumber, parseRange, type RangeRef } from '../../core/grid';
import type { Lang } from '../../core/i18n';
import { JOURNAL_CHUNK } from '../../core/plan/journal';
import type { FileReport } from '../../core/contract';
import type { Mapping } from '../../core/settings/mapping';
import { COLLECT_SHEET, FILL_HEADERS, kt, SPLIT_SHEET, type SplitManifest } from '../../core/collect';
import { SETTINGS_SHEET, storedSettingsText } from '../../core/settings/stored';
import { revertPlan } from './revert';

function merges(ws: ExcelJS.Worksheet): RangeRef[] {
  return Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).map((k) => {
    const m = (ws as unknown as { _merges: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges[k];
    const model = m?.model;
    return model ? { top: model.top, left: model.left, bottom: model.bottom, right: model.right } : parseRange(k);
  });
}

function writeChunks(wb: ExcelJS.Workbook, name: string, text: string): void {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, { state: 'veryHidden' });
  for (let i = 0, r = 1; i < text.length; i += JOURNAL_CHUNK, r++) ws.getCell(r, 1).value = text.slice(i, i + JOURNAL_CHUNK);
}

/** The column mapping of the copy: the master's recognized roles, and the fillable columns added. */
export function copyMapping(report: FileReport, manifest: SplitManifest): Mapping {
  const tables: Mapping['tables'] = [];
  for (const s of report.sheets) {
    const added = manifest.sheets.find((m) => m.sheet === s.name)?.columns.filter((c) => c.added) ?? [];
    s.tables.forEach((t, i) => {
      const columns: Mapping['tables'][number]['columns'] = {};
      for (const c of t.columns) columns[c.column] = c.level !== undefined ? { role: c.role, level: c.level } : c.role;
      if (i === s.tables.length - 1) for (const c of added) columns[c.column] = c.role;
      tables.push({ sheet: s.name, table: i + 1, columns, ...(t.year !== null ? { year: t.year } : {}) });
    });
  }
  return { version: 1, tables };
}

/**
 * Row `kept[i]` becomes row `i + 1` (values, styles, height) and every row below the last goes.
 * Not ExcelJS's spliceRows, which leaves rows behind when more go than follow them.
 */
function moveRowsUp(ws: ExcelJS.Worksheet, kept: readonly number[]): void {
  const last = ws.rowCount;
  kept.forEach((src, i) => {
    const dst = i + 1;
    if (src === dst) return;
    const from = ws.getRow(src);
    const to = ws.getRow(dst);
    to.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
    to.height = from.height;
    from.eachCell({ includeEmpty: true }, (cell, col) => {
      const target = to.getCell(col);
      target.value = cell.value;
      target.style = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
  });
  for (let r = last; r > kept.length; r--) {
    const row = ws.getRow(r);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
    row.height = undefined as unknown as number;
  }
  const rows = (ws as unknown as { _rows: unknown[] })._rows;
  if (rows.length > kept.length) rows.length = kept.length;
}

/** A unit's copy, from the master's bytes; `manifest` says which rows and columns. */
export async function buildUnitCopy(masterBytes: Buffer, manifest: SplitManifest, mapping: Mapping, lang: Lang): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(masterBytes as unknown as ExcelJS.Buffer);
  // The add-in's annotations are the collector's, not the unit's: the copy is of the table alone.
  revertPlan(wb);
  for (const own of [SETTINGS_SHEET, SPLIT_SHEET, COLLECT_SHEET]) {
    const ws = wb.getWorksheet(own);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const columnsText = Object.values(FILL_HEADERS).map((h) => h[lang]).join('、');
  for (const s of manifest.sheets) {
    const ws = wb.getWorksheet(s.sheet);
    if (!ws) continue;
    // Headers of the columns the table lacks, styled as the header cell left of them.
    for (const c of s.columns.filter((x) => x.added)) {
      const col = columnNumber(c.column);
      for (const r of c.headerRows) {
        const cell = ws.getCell(r, col);
        cell.value = FILL_HEADERS[c.role][lang];
        const left = ws.getCell(r, col - 1);
        cell.style = JSON.parse(JSON.stringify(left.style ?? {}));
      }
      if (ws.getColumn(col).width === undefined) ws.getColumn(col).width = 16;
    }
    const keep = new Map(s.rows.map(([copyRow, masterRow]) => [masterRow, copyRow]));
    const areas = merges(ws);
    for (const m of areas) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    // A merge whose first row goes keeps its value in its first row that stays.
    for (const m of areas) {
      if (keep.has(m.top)) continue;
      for (let r = m.top + 1; r <= m.bottom; r++) {
        if (!keep.has(r)) continue;
        const from = ws.getCell(m.top, m.left);
        const to = ws.getCell(r, m.left);
        if (to.value === null || to.value === undefined) {
          to.value = from.value;
          to.style = JSON.parse(JSON.stringify(from.style ?? {}));
        }
        break;
      }
    }
    moveRowsUp(ws, s.rows.map(([, masterRow]) => masterRow));
    for (const m of areas) {
      const rows: number[] = [];
      for (let r = m.top; r <= m.bottom; r++) {
        const to = keep.get(r);
        if (to !== undefined) rows.push(to);
      }
      if (rows.length === 0) continue;
      // Kept rows keep their order, so the first and last stand for the whole merge.
      const top = rows[0] as number;
      const bottom = rows[rows.length - 1] as number;
      if (top === bottom && m.left === m.right) continue;
      ws.mergeCells(top, m.left, bottom, m.right);
    }
    // Every cell is locked under protection unless its own style says otherwise.
    const fill = new Set(s.fillRows);
    for (const c of s.columns) {
      const col = columnNumber(c.column);
      for (const r of fill) {
        const to = keep.get(r);
        if (to === undefined) continue;
        const cell = ws.getCell(to, col);
        cell.style = { ...JSON.parse(JSON.stringify(cell.style ?? {})), protection: { locked: false } };
      }
    }
    const first = s.columns[0]?.headerRows[0];
    const noteRow = first !== undefined ? keep.get(first) : undefined;
    if (noteRow !== undefined) ws.getCell(noteRow, 1).note = kt(lang, 'split.note', { master: manifest.master, unit: manifest.unit, columns: columnsText });
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  const settings = storedSettingsText({ version: 1, mapping, lang, fixes: [] });
  if (settings !== null) writeChunks(wb, SETTINGS_SHEET, settings);
  writeChunks(wb, SPLIT_SHEET, JSON.stringify(manifest));
  return wb;
}
