/**
 * .xlsx bytes → Grids without ExcelJS: the zip's directory, then the workbook, styles, shared
 * strings and each worksheet streamed through the XML parser. No Node APIs, so the command line
 * and the browser workbench read the same way. Time and memory grow with the cells and merges,
 * and two caps stop a workbook that would not fit: the bytes its parts inflate to, and its cells.
 *
 * It reads as ExcelJS does (test/hosts/xlsx/read-package.test.ts holds the two equal on every
 * fixture), except where ExcelJS loses or garbles what a file says: sheet parts found through the
 * relationships rather than by the name `sheetN.xml`; `x:`-prefixed elements; `date1904="true"`;
 * `t="d"` ISO dates; `_xHHHH_` in inline strings too; a hyperlinked formula keeps its formula; a
 * text, boolean or error result in a date-formatted cell stays what it is; an empty shared string
 * is empty (not "[object Object]"); and a missing shared strings part or string is an error.
 */
import type { Grid } from '../../core/grid';
import { PackageError } from './package-error';
import { fileSignature } from './signature';
import { readSheetPart } from './sheet-part';
import { readSharedStrings, readStyles, readWorkbookParts } from './workbook-parts';
import { PackageParts } from './xml-part';
import { InflateBudget, readZipDirectory } from './zip';

export interface ReadLimits {
  /** Bytes all the parts read may inflate to. */
  maxUnpackedBytes: number;
  /** Cells holding a value or formula, all sheets together. */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxUnpackedBytes: 1024 * 2 ** 20,
  maxCells: 5_000_000,
};

export function readGridsFromBytes(data: Uint8Array, limits: Partial<ReadLimits> = {}): Grid[] {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (fileSignature(data) !== 'zip') throw new PackageError('corrupt', 'no zip signature');
  const parts = new PackageParts(data, readZipDirectory(data), new InflateBudget(lim.maxUnpackedBytes));
  const wb = readWorkbookParts(parts);
  const formats = readStyles(parts, wb.styles);
  // Read only when named, as the sheets need it: a part listed but absent is an error once a cell asks.
  const sharedStringsPart = wb.sharedStrings ?? 'xl/sharedStrings.xml';
  const sharedStrings = parts.has(sharedStringsPart) ? readSharedStrings(parts, sharedStringsPart) : null;
  let cells = 0;
  const countCell = (sheet: string): void => {
    if (++cells > lim.maxCells) {
      throw new PackageError('too-large', `sheet "${sheet}": the workbook holds more than ${lim.maxCells.toLocaleString('en-US')} cells`);
    }
  };
  const grids: Grid[] = [];
  for (const s of wb.sheets) {
    // Chart sheets and the like hold no cells; ExcelJS leaves them out as well.
    if (!s.part) continue;
    const grid = readSheetPart(parts, s.part, s.name, { date1904: wb.date1904, formats, sharedStrings, sharedStringsPart, countCell });
    if (s.state) grid.visibility = s.state;
    grids.push(grid);
  }
  return grids;
}
