/** Opening and saving workbooks in the browser: bytes in from a file or the bundled samples, a download out. */
import ExcelJS from 'exceljs';
import type { Grid } from '../core/grid';
import { installLinearMerges, PackageError, readGridsFromBytes } from '../hosts/xlsx/browser';

installLinearMerges();

export type OpenFailure = 'not-xlsx' | 'encrypted' | 'corrupt' | 'missing-part' | 'too-large' | 'fetch';

export class OpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    detail: string,
  ) {
    super(detail);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export interface OpenedWorkbook {
  wb: ExcelJS.Workbook;
  /** The sheets as the package reader read them, for the first check (the same Grids as read from `wb`). */
  grids: Grid[];
}

/**
 * Reads .xlsx bytes: the Grids straight from the package (which is also the test that it is one,
 * naming a missing part), then the workbook the view shows and apply writes into. Anything that is
 * not an .xlsx workbook is an OpenError saying what it is.
 */
export async function workbookFromBytes(data: ArrayBuffer): Promise<OpenedWorkbook> {
  const head = new Uint8Array(data, 0, Math.min(4, data.byteLength));
  // Legacy .xls and password-protected .xlsx both arrive as OLE compound files.
  if (startsWith(head, OLE)) throw new OpenError('encrypted', 'OLE compound file');
  if (!startsWith(head, ZIP)) throw new OpenError('not-xlsx', 'no zip signature');
  let grids: Grid[];
  try {
    grids = readGridsFromBytes(new Uint8Array(data));
  } catch (e) {
    if (e instanceof PackageError) throw new OpenError(e.reason === 'encrypted' ? 'encrypted' : e.reason, e.detail);
    throw new OpenError('corrupt', e instanceof Error ? e.message : String(e));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch (e) {
    throw new OpenError('corrupt', e instanceof Error ? e.message : String(e));
  }
  return { wb, grids };
}

/** Sample names are file stems from the build (`seed-000`); nothing else reaches the URL. */
export function isSampleName(s: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(s);
}

export async function fetchSample(name: string): Promise<ArrayBuffer> {
  if (!isSampleName(name)) throw new OpenError('fetch', `not a sample name: ${name}`);
  const res = await fetch(`samples/${name}.xlsx`);
  if (!res.ok) throw new OpenError('fetch', String(res.status));
  return res.arrayBuffer();
}

/** `seed-000.xlsx` → `seed-000-annotated.xlsx`; a name already annotated keeps its one suffix. */
export function annotatedName(file: string): string {
  const stem = file.replace(/\.xlsx$/i, '').replace(/-annotated$/i, '');
  return `${stem}-annotated.xlsx`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offers .xlsx bytes (the worker writes them) as a download through a Blob URL: nothing leaves the browser. */
export function downloadXlsx(bytes: ArrayBuffer, file: string, as: string = annotatedName(file)): string {
  const blob = new Blob([bytes], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = /\.xlsx$/i.test(as) ? as : `${as}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference to the blob once started.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return a.download;
}
