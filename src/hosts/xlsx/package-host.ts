/**
 * The host interface over a package's bytes: what `resptable apply` and `revert` run the shared
 * workflow (../workflow) against. It reads the package straight to Grids and writes it back with
 * the surgical writer (./write), taking before-images from the Grids and the package's parts: the
 * workbook is never loaded through ExcelJS, so apply costs about what a check does.
 *
 * The journal is the one every host keeps (../../core/plan/journal), verified before anything is
 * done with it (../../core/plan/journal-verify), exactly as the other hosts verify it.
 */
import { strFromU8 } from 'fflate';
import { ZipParts } from './write/zip-write';
import type { Grid } from '../../core/grid';
import { JOURNAL_SHEET, type Journal } from '../../core/plan/journal';
import { journalPending, verifyStoredJournal, type StoredJournal, type VerifiedJournal } from '../../core/plan/journal-verify';
import type { EditPlan } from '../../core/plan/plan';
import { parseStoredSettings, SETTINGS_SHEET, type StoredSettings } from '../../core/settings/stored';
import type { Progress, RevertOutcome } from '../host';
import { CommandLineHost, gridChunks, gridJournal } from './command-line-host';
import { readGridsFromBytes } from './read-package';
import { readWorkbookParts } from './workbook-parts';
import { PackageParts } from './xml-part';
import { InflateBudget, readZipDirectory } from './zip';
import { applyChanges, revertChanges } from './write/changes';
import { noChanges, writePackage } from './write/package-write';
import { PackageState, type PackageInfo } from './write/package-state';
import { EMPTY_STYLES, StylesEditor } from './write/styles-edit';
import { attrOf, childrenOf, rootChildren, startTag, unescapeXml } from './write/xml-text';

/** The package unzipped, and what the writer's source needs of it. */
async function openPackage(data: Uint8Array, grids: readonly Grid[]): Promise<{ files: ZipParts; info: PackageInfo; styles: StylesEditor }> {
  const wbParts = readWorkbookParts(new PackageParts(data, readZipDirectory(data), new InflateBudget(2 ** 31)));
  const files = new ZipParts(data);
  const byLower = new Map<string, string>();
  for (const n of files.names()) byLower.set(n.toLowerCase(), n);
  const text = (part: string): string | undefined => {
    const n = byLower.get(part.toLowerCase());
    const b = n === undefined ? undefined : files.bytes(n);
    return b === undefined ? undefined : strFromU8(b);
  };
  const workbook = text(wbParts.workbook) ?? '';
  const names = new Map<string, string[]>();
  const tree = rootChildren(workbook);
  const defined = tree.children.find((c) => c.name === 'definedNames');
  if (defined) {
    for (const d of childrenOf(workbook, defined)) {
      const tag = startTag(workbook, d);
      const name = attrOf(tag, 'name');
      if (name === undefined || attrOf(tag, 'localSheetId') !== undefined) continue;
      names.set(name, unescapeXml(workbook.slice(d.openEnd, d.end - '</definedName>'.length)).split(','));
    }
  }
  const info: PackageInfo = {
    date1904: wbParts.date1904,
    names,
    sheets: wbParts.sheets.map((s) => {
      const grid = grids.find((g) => g.name === s.name);
      const xml = s.part ? text(s.part) : undefined;
      return { name: s.name, ...(s.state ? { state: s.state } : {}), ...(xml !== undefined ? { xml } : {}), ...(grid ? { grid } : {}) };
    }),
  };
  const styles = await StylesEditor.open((wbParts.styles ? text(wbParts.styles) : undefined) ?? EMPTY_STYLES);
  return { files, info, styles };
}

export class PackageWorkbookHost extends CommandLineHost {
  // A programming error, not the user's: the command line keeps no settings and makes no fixes.
  protected readonly refusal = 'the package host applies and reverts plans only';
  private read_: Grid[] | null;

  constructor(
    private bytes: Uint8Array,
    readonly name: string,
    grids?: Grid[],
  ) {
    super();
    this.read_ = grids ?? readGridsFromBytes(bytes);
  }

  /** The package's sheets as read; read again only when asked after a write (the command line never asks). */
  protected get grids(): Grid[] {
    return (this.read_ ??= readGridsFromBytes(this.bytes));
  }

  /** The package as it is now: what the command line writes out. */
  get data(): Uint8Array {
    return this.bytes;
  }

  private changed(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.read_ = null;
  }

  /** The journal as the package holds it now, verified (../../core/plan/journal-verify); null without one. */
  private storedJournal(): StoredJournal | null {
    const chunks = gridChunks(this.grids, JOURNAL_SHEET);
    return chunks ? verifyStoredJournal(chunks, this.grids) : null;
  }

  /**
   * The journal verified against the package as it reads now (as a half-done apply's when still
   * marked pending); null without one, or with only a pending one cut short; a JournalError when
   * it may not be acted on.
   */
  verifiedJournal(): VerifiedJournal | null {
    const stored = this.storedJournal();
    return stored?.kind === 'verified' ? stored.verified : null;
  }

  /** Whether the package holds the journal of an apply that stopped half-way (in Excel: a closed pane, a dropped session). */
  hasPendingJournal(): boolean {
    return journalPending(this.grids);
  }

  /** What the last `apply` undid first when it met a half-done apply; null otherwise. */
  repairedBeforeApply: RevertOutcome | null = null;

  /**
   * The kept settings; where the settings sheet says nothing of the policy or the mapping, those an
   * earlier apply was made with (in its journal) hold, so that applying again keeps them.
   */
  async loadSettings(): Promise<StoredSettings | null> {
    const stored = parseStoredSettings(gridChunks(this.grids, SETTINGS_SHEET));
    const applied = gridJournal(this.grids)?.journal.settings;
    if (!applied) return stored;
    const out: StoredSettings = stored ?? { version: 1, fixes: [] };
    return { ...out, policy: out.policy ?? applied.policy, ...(out.mapping ?? applied.mapping ? { mapping: out.mapping ?? applied.mapping } : {}) };
  }

  async apply(plan: EditPlan, settings: NonNullable<Journal['settings']>, onProgress?: Progress): Promise<Journal> {
    // Applying again first reverts what the last apply wrote, so a workbook never holds two copies;
    // a half-done one is undone as far as it got, and the command line says so.
    const reverted = await this.revert();
    this.repairedBeforeApply = reverted?.pending ? reverted : null;
    const { files, info, styles } = await openPackage(this.bytes, this.grids);
    const state = new PackageState(info, styles);
    const journal = state.applyPlan(plan, settings, JOURNAL_SHEET);
    this.changed(await writePackage(files, state, applyChanges(plan), styles));
    onProgress?.(1, 1);
    return journal;
  }

  /** Reverts, saying when what it undid was an apply that had stopped half-way. */
  async revert(onProgress?: Progress): Promise<RevertOutcome | null> {
    const pending = this.hasPendingJournal();
    const v = await this.revertStored();
    onProgress?.(1, 1);
    if (!v) return null;
    const skipped = v === 'cut-short' ? [] : v.skipped;
    return pending ? { skipped, pending: true } : { skipped };
  }

  /** As `revert`, for a package that may hold a half-done apply (as the pane does on open); null when it holds none. */
  async repairPending(onProgress?: Progress): Promise<RevertOutcome | null> {
    return this.hasPendingJournal() ? this.revert(onProgress) : null;
  }

  /** As `revert`, giving the journal as verified; null when there was none, or only a pending one cut short (which goes). */
  async revertVerified(): Promise<VerifiedJournal | null> {
    const v = await this.revertStored();
    return v === 'cut-short' ? null : v;
  }

  /** Everything is checked before the first change; a pending journal cut short takes only itself away. */
  private async revertStored(): Promise<VerifiedJournal | 'cut-short' | null> {
    const stored = this.storedJournal();
    if (!stored) return null;
    const { files, info, styles } = await openPackage(this.bytes, this.grids);
    const state = new PackageState(info, styles);
    if (stored.kind === 'cut-short') {
      state.dropJournal(JOURNAL_SHEET);
      const only = noChanges();
      only.sheets.add(JOURNAL_SHEET);
      this.changed(await writePackage(files, state, only, styles));
      return 'cut-short';
    }
    const v = stored.verified;
    const copied = state.revert(v, JOURNAL_SHEET);
    this.changed(await writePackage(files, state, revertChanges(v, undefined, copied), styles));
    return v;
  }
}
