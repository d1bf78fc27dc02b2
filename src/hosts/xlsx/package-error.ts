/**
 * Why an .xlsx package could not be read, before any file name is known: the reader works on
 * bytes (in Node and in the browser), and its callers add the file. `detail` names the part and,
 * where there is one, the sheet and cell.
 */
export type PackageFailure = 'corrupt' | 'missing-part' | 'too-large' | 'encrypted';

export class PackageError extends Error {
  constructor(
    readonly reason: PackageFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}
