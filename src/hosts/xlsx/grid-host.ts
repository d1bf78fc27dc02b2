/**
 * A host over Grids read straight from a package: what `resptable check` runs against, so that a
 * check never loads the workbook into ExcelJS. It reads (the user's view, the kept settings, the
 * journal; ./command-line-host) and writes nothing; writing goes through `XlsxWorkbookHost` over an
 * ExcelJS workbook, or `PackageWorkbookHost` over the package's bytes.
 */
import type { Grid } from '../../core/grid';
import type { Journal } from '../../core/plan/journal';
import { parseStoredSettings, SETTINGS_SHEET, type StoredSettings } from '../../core/settings/stored';
import type { RevertOutcome } from '../host';
import { CommandLineHost, gridChunks } from './command-line-host';

export class GridWorkbookHost extends CommandLineHost {
  // A programming error, not the user's: the command line writes through the other hosts.
  protected readonly refusal = 'read-only host';

  constructor(
    protected readonly grids: readonly Grid[],
    readonly name: string,
  ) {
    super();
  }

  async loadSettings(): Promise<StoredSettings | null> {
    return parseStoredSettings(gridChunks(this.grids, SETTINGS_SHEET));
  }

  async apply(): Promise<Journal> {
    return this.refuse();
  }
  async revert(): Promise<RevertOutcome | null> {
    return this.refuse();
  }
}
