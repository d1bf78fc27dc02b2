/** Opening and saving workbooks in the browser: bytes in from a file or the bundled samples, a download out. */
import ExcelJS from 'exceljs';

export type OpenFailure = 'not-xlsx' | 'encrypted' | 'corrupt' | 'fetch';

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

/** Reads .xlsx bytes into a workbook; anything else is an OpenError saying what it is. */
export async function workbookFromBytes(data: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const head = new Uint8Array(data, 0, Math.min(4, data.byteLength));
  // Legacy .xls and password-protected .xlsx both arrive as OLE compound files.
  if (startsWith(head, OLE)) throw new OpenError('encrypted', 'OLE compound file');
  if (!startsWith(head, ZIP)) throw new OpenError('not-xlsx', 'no zip signature');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch (e) {
    throw new OpenError('corrupt', e instanceof Error ? e.message : String(e));
  }
  return wb;
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

/** Offers the workbook as a download through a Blob URL: nothing leaves the browser. */
export async function downloadWorkbook(wb: ExcelJS.Workbook, file: string): Promise<string> {
  const buffer = await wb.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = annotatedName(file);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own reference to the blob once started.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return a.download;
}
