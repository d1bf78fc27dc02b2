/**
 * The add-in's own very hidden sheets in an ExcelJS workbook (the journal, the kept settings): JSON
 * text in chunks down column A. Another program's save may keep a chunk as a shared string, an inline
 * string or rich text (LibreOffice writes runs with fonts), or turn very hidden into hidden: each
 * reads back as the same text.
 */
import ExcelJS from 'exceljs';
import { anchorCell, anchorFormula, planAnchors } from '../../core/plan/anchors';
import { journalChunks, JOURNAL_SHEET, type Journal } from '../../core/plan/journal';

/** A chunk's text, whatever form the cell keeps it in; null for a cell that holds no text. */
export function chunkText(v: ExcelJS.CellValue | undefined): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    // A chunk that a program took for a formula's cached text, or a hyperlink's.
    if ('result' in v && typeof v.result === 'string') return v.result;
    if ('text' in v && typeof v.text === 'string') return v.text;
  }
  return null;
}

/** The text chunks the add-in keeps down column A of one of its own sheets; null without the sheet. */
export function sheetChunks(wb: ExcelJS.Workbook, name: string): string[] | null {
  const ws = wb.getWorksheet(name);
  if (!ws) return null;
  const chunks: string[] = [];
  ws.eachRow((row) => {
    const text = chunkText(row.getCell(1).value);
    if (text !== null && text !== '') chunks.push(text);
  });
  return chunks;
}

export function hasJournal(wb: ExcelJS.Workbook): boolean {
  return wb.getWorksheet(JOURNAL_SHEET) !== undefined;
}

/** The journal's text down column A, and beside it (from B1 on) the anchors that find what it wrote (../../core/plan/anchors). */
export function writeJournal(wb: ExcelJS.Workbook, j: Journal): void {
  const ws = wb.addWorksheet(JOURNAL_SHEET, { state: 'veryHidden' });
  journalChunks(j).forEach((c, i) => (ws.getCell(i + 1, 1).value = c));
  planAnchors(j.plan).forEach((a, i) => {
    const at = anchorCell(i);
    ws.getCell(at.row, at.col).value = { formula: anchorFormula(a) } as ExcelJS.CellFormulaValue;
  });
}
