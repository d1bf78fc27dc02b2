/**
 * Opening and saving workbooks in the browser, the page's side: bytes in from a file or the bundled
 * samples, a download out, and why an open failed. The reading itself is the worker's (./read-workbook).
 */

export type OpenFailure = 'not-xlsx' | 'encrypted' | 'corrupt' | 'missing-part' | 'too-large' | 'fetch';

export class OpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    detail: string,
  ) {
    super(detail);
  }
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
