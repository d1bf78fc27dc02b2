/**
 * Revert over a package, as `resptable revert` runs it: the package host (../package-host) reads
 * the package straight to Grids and writes back only what changed (./package-write). No ExcelJS
 * workbook. Apply over a package is the workflow's (../../../cli/annotate-package).
 */
import type { VerifiedJournal } from '../../../core/plan/journal-verify';
import { PackageWorkbookHost } from '../package-host';

/** Reverts `data`; the package written surgically, or null when nothing was applied. */
export async function revertPackage(data: Uint8Array, file = 'workbook.xlsx'): Promise<{ verified: VerifiedJournal; bytes: Uint8Array } | null> {
  const host = new PackageWorkbookHost(data, file);
  const verified = await host.revertVerified();
  return verified ? { verified, bytes: host.data } : null;
}
