/**
 * The command line's files: where each changed copy goes, what a file error is in words, and writing
 * a copy so that nothing is ever half written — to a temporary file beside the target, renamed over
 * it once complete. The input is never opened for writing; `--in-place` replaces it only by that rename.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../core/i18n';
import { ct, isCliKey } from './strings';

/** A file error, worded as what it is (a folder, a full or read-only disk, no permission…). */
export function ioReason(lang: Lang, e: unknown): string {
  const code = isErrno(e) ? e.code : undefined;
  const key = `io.${code ?? ''}`;
  if (code && isCliKey(key)) return ct(lang, key);
  return ct(lang, 'io.other', { detail: messageOf(e) });
}

/** Not `instanceof Error`: Node's own errors may come from another realm (a VM context, a test runner). */
export function isErrno(e: unknown): e is NodeJS.ErrnoException {
  return typeof e === 'object' && e !== null && typeof (e as NodeJS.ErrnoException).code === 'string';
}

export function messageOf(e: unknown): string {
  const m = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : String(e);
}

/** The path as the file system knows it (symlinks resolved); as given, made absolute, when it does not exist yet. */
export function canonical(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    const parent = path.dirname(path.resolve(p));
    if (parent === path.resolve(p)) return parent;
    return path.join(canonical(parent), path.basename(p));
  }
}

/** Paths compared as the file system may: case-insensitively on Windows and macOS. */
function key(p: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p;
}

export function samePath(a: string, b: string): boolean {
  return key(canonical(a)) === key(canonical(b));
}

/** The first input whose folder `out` is, if any. */
export function inputInFolder(out: string, files: readonly string[]): string | undefined {
  const dir = key(canonical(out));
  return files.find((f) => key(path.dirname(canonical(f))) === dir);
}

/**
 * Where each input's copy goes in `out`: its own name, and for a later input of the same name
 * (a/表.xlsx, b/表.xlsx) `表 (2).xlsx`, `表 (3).xlsx`, skipping names another input already takes.
 */
export function copyTargets(out: string, files: readonly string[]): string[] {
  const taken = new Set(files.map((f) => key(path.basename(f))));
  const used = new Set<string>();
  return files.map((f) => {
    const base = path.basename(f);
    let name = base;
    if (used.has(key(name))) {
      const ext = path.extname(base);
      const stem = base.slice(0, base.length - ext.length);
      for (let n = 2; ; n++) {
        name = `${stem} (${n})${ext}`;
        if (!used.has(key(name)) && !taken.has(key(name))) break;
      }
    }
    used.add(key(name));
    return path.join(out, name);
  });
}

/** Writes `data` to `target` atomically: a reader, a crash or a full disk sees the old file or the new one, never a part. */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  // Into the real file's folder, so that the rename replaces it (not a symlink to it) and stays on one disk.
  const real = canonical(target);
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    const st = await fs.promises.stat(real);
    if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${real}`), { code: 'EISDIR' });
    mode = st.mode & 0o7777;
    // Someone made the file read-only; a rename would replace it all the same (even as root).
    if ((mode & 0o222) === 0) throw Object.assign(new Error(`read-only: ${real}`), { code: 'READONLY' });
  } catch (e) {
    if (!isErrno(e) || e.code !== 'ENOENT') throw e;
  }
  let written = false;
  try {
    const handle = await fs.promises.open(tmp, 'wx', 0o666);
    try {
      // A replaced file keeps its permissions.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(data);
      // On the disk before the rename, or a power cut could leave the new name over empty blocks.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, real);
    written = true;
  } finally {
    if (!written) await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
}
