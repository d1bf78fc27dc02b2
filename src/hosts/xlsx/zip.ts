/**
 * The zip container of an .xlsx package, read without Node: the central directory gives each
 * part's place, and a part is inflated in small steps straight into text for a streaming XML
 * parser, so that neither the package nor a part is ever held whole and an inflated size past the
 * cap stops the read at once (a 1 MB zip can claim, and inflate to, gigabytes).
 */
import { DecodeUTF8, Inflate, strFromU8 } from 'fflate';
import { PackageError } from './package-error';

export interface ZipEntry {
  /** Part name as stored (`xl/worksheets/sheet1.xml`). */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: at most ~1000× that comes out of one step. */
const STEP = 16 * 1024;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  // Sizes and offsets of a browser-held file stay far below 2^53.
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

/** Every entry of the central directory, by lower-cased name (part names compare without case). */
export function readZipDirectory(data: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new PackageError('corrupt', 'no zip central directory (the file is truncated or not a zip)');
  let count = u16(data, eocd + 10);
  let at = u32(data, eocd + 16);
  if ((count === 0xffff || at === 0xffffffff) && eocd >= 20 && u32(data, eocd - 20) === EOCD64_LOCATOR) {
    const z = u64(data, eocd - 12);
    if (z + 56 > data.length || u32(data, z) !== EOCD64) throw new PackageError('corrupt', 'damaged zip64 directory');
    count = u64(data, z + 32);
    at = u64(data, z + 48);
  }
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== CENTRAL) throw new PackageError('corrupt', 'damaged zip central directory');
    const nameLen = u16(data, at + 28);
    const extraLen = u16(data, at + 30);
    const commentLen = u16(data, at + 32);
    const name = strFromU8(data.subarray(at + 46, at + 46 + nameLen));
    let compressedSize = u32(data, at + 20);
    let uncompressed = u32(data, at + 24);
    let offset = u32(data, at + 42);
    if (compressedSize === 0xffffffff || uncompressed === 0xffffffff || offset === 0xffffffff) {
      // The zip64 extra field holds, in this order, only the fields that overflowed.
      for (let e = at + 46 + nameLen, end = e + extraLen; e + 4 <= end; ) {
        const id = u16(data, e);
        const size = u16(data, e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          if (uncompressed === 0xffffffff) (uncompressed = u64(data, p)), (p += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(data, p)), (p += 8);
          if (offset === 0xffffffff) offset = u64(data, p);
        }
        e += 4 + size;
      }
    }
    entries.set(name.replace(/^\/+/, '').toLowerCase(), { name, method: u16(data, at + 10), flags: u16(data, at + 8), compressedSize, offset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Counts what every part inflates to, against one cap for the whole workbook. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}

  take(n: number, part: string): void {
    this.used += n;
    if (this.used > this.limit) {
      throw new PackageError('too-large', `${part}: the unpacked workbook is larger than ${Math.round(this.limit / 2 ** 20)} MB`);
    }
  }
}

/**
 * Inflates one entry in steps, passing its text on piece by piece. UTF-8 unless the part starts
 * with a UTF-16 byte-order mark; a character split across two steps is joined by the decoder.
 */
export function streamEntryText(data: Uint8Array, entry: ZipEntry, budget: InflateBudget, sink: (text: string) => void): void {
  if (entry.flags & 1) throw new PackageError('encrypted', `${entry.name} is encrypted`);
  const at = entry.offset;
  if (at + 30 > data.length || u32(data, at) !== LOCAL) throw new PackageError('corrupt', `${entry.name}: damaged zip entry`);
  const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new PackageError('corrupt', `${entry.name}: the zip is truncated`);
  // fflate's decoder, which needs no TextDecoder (a jsdom page has none); UTF-16 parts are decoded whole.
  let decode: ((bytes: Uint8Array, final: boolean) => void) | undefined;
  const emit = (bytes: Uint8Array, final: boolean): void => {
    budget.take(bytes.length, entry.name);
    if (!decode) {
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        const utf16 = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be');
        decode = (b, f) => {
          const text = utf16.decode(b, { stream: !f });
          if (text) sink(text);
        };
      } else {
        const utf8 = new DecodeUTF8((text) => {
          if (text) sink(text);
        });
        decode = (b, f) => utf8.push(b, f);
      }
    }
    decode(bytes, final);
  };
  if (entry.method === 0) {
    for (let p = start; p < end; p += STEP) emit(data.subarray(p, Math.min(end, p + STEP)), p + STEP >= end);
    if (start === end) emit(new Uint8Array(0), true);
    return;
  }
  if (entry.method !== 8) throw new PackageError('corrupt', `${entry.name}: unsupported zip compression method ${entry.method}`);
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    emit(chunk, final);
    if (final) ended = true;
  });
  try {
    for (let p = start; p < end; p += STEP) inflater.push(data.subarray(p, Math.min(end, p + STEP)), p + STEP >= end);
    if (start === end) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError('corrupt', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!ended) emit(new Uint8Array(0), true);
}
