/**
 * The xlsx host's public face for the browser (the workbench): what runs without Node. The index
 * re-exports the file loader, which needs `fs`, so a page imports this instead; each name is listed,
 * so nothing else of the host reaches the bundle.
 */
export { installLinearMerges } from './exceljs-merges';
export { PackageError, type PackageFailure } from './package-error';
export { readGridsFromBytes, DEFAULT_LIMITS, type ReadLimits } from './read-package';
export { readTrustedJournal } from './revert';
export { fileSignature, type FileSignature } from './signature';
export { XlsxWorkbookHost } from './workbook-host';
