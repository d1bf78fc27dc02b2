/**
 * `resptable apply` over one package: the task pane's workflow (../hosts/workflow) over the package
 * host (../hosts/xlsx/package-host), which reads the package straight to Grids and writes back only
 * what changed. No ExcelJS workbook. Here, not in the xlsx host, because a host may not call the
 * workflow that drives it (test/architecture).
 */
import type { VerifiedJournal } from '../core/plan/journal-verify';
import { applyWithHost, type ApplyResult, type WorkflowOptions } from '../hosts/workflow';
import { PackageWorkbookHost } from '../hosts/xlsx/package-host';

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
