/**
 * Apply and revert over a package, as `resptable apply` and `revert` run them: the task pane's
 * workflow (../../workflow) over the package host (../package-host), which reads the package
 * straight to Grids and writes back only what changed (./package-write). No ExcelJS workbook.
 */
import type { VerifiedJournal } from '../../../core/plan/journal-verify';
import { applyWithHost, type ApplyResult, type WorkflowOptions } from '../../workflow';
import { PackageWorkbookHost } from '../package-host';

/** The workflow's apply over `data`; `reverted` is the earlier apply's journal, as verified and reverted first. */
export async function annotatePackage(
  data: Uint8Array,
  file: string,
  o: Omit<WorkflowOptions, 'kept'>,
): Promise<ApplyResult & { reverted: VerifiedJournal | null; bytes: Uint8Array }> {
  const host = new PackageWorkbookHost(data, file);
  const reverted = host.verifiedJournal();
  const done = await applyWithHost(host, o);
  return { ...done, reverted, bytes: host.data };
}

/** Reverts `data`; the package written surgically, or null when nothing was applied. */
export async function revertPackage(data: Uint8Array, file = 'workbook.xlsx'): Promise<{ verified: VerifiedJournal; bytes: Uint8Array } | null> {
  const host = new PackageWorkbookHost(data, file);
  const verified = await host.revertVerified();
  return verified ? { verified, bytes: host.data } : null;
}
