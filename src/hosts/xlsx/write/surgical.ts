/**
 * Apply and revert over a package: the ExcelJS workbook does the work and keeps the journal, as
 * every host does; the package is then written back with only what changed (./package-write).
 */
import type ExcelJS from 'exceljs';
import { annotateWorkbook, type AnnotateOptions, type Annotated } from '../annotate';
import type { VerifiedJournal } from '../../../core/plan/journal-verify';
import { revertJournal } from '../revert';
import { applyChanges, revertChanges } from './changes';
import { noChanges, writePackage } from './package-write';

/** `annotateWorkbook` on `wb` (loaded from `data`), and the package it gives, written surgically. */
export async function annotatePackage(data: Uint8Array, wb: ExcelJS.Workbook, file: string, o: AnnotateOptions): Promise<Annotated & { bytes: Uint8Array }> {
  const done = annotateWorkbook(wb, file, o);
  const ch = done.reverted ? revertChanges(done.reverted) : noChanges();
  return { ...done, bytes: await writePackage(data, wb, applyChanges(done.plan, ch)) };
}

/** Reverts `wb` (loaded from `data`); the package written surgically, or null when nothing was applied. */
export async function revertPackage(data: Uint8Array, wb: ExcelJS.Workbook): Promise<{ verified: VerifiedJournal; bytes: Uint8Array } | null> {
  const verified = revertJournal(wb);
  if (!verified) return null;
  return { verified, bytes: await writePackage(data, wb, revertChanges(verified)) };
}
