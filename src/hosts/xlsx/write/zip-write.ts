/**
 * The package's zip container, for the surgical writer: a part it does not change is copied as its
 * stored (compressed) bytes, never inflated nor deflated again, so that it comes through byte for
 * byte and the cost of a write is that of the parts it changes. A part it changes is deflated anew,
 * by Node's zlib (native, several times fflate's speed: the journal sheet alone is tens of megabytes
 * at 100k rows) at a low level, which costs a tenth more bytes for a third of the time of level 6.
 * A container this does not copy safely (zip64, encrypted or split entries) is read whole and
 * written again by fflate, as before.
 */
import { inflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import * as zlib from 'zlib';

/** The deflate level of a rewritten part (see above). */
const LEVEL = 3;

interface Entry {
  name: string;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed bytes start. */
  start: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The entries in stored order; null for a container to be read whole instead. */
function entries(data: Uint8Array): Entry[] | null {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (u32(data, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(data, eocd + 10);
  let at = u32(data, eocd + 16);
  if (count === 0xffff || at === 0xffffffff || u16(data, eocd + 4) !== 0) return null;
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) return null;
    const flags = u16(data, at + 8);
    const method = u16(data, at + 10);
    const compressedSize = u32(data, at + 20);
    const size = u32(data, at + 24);
    const nameLen = u16(data, at + 28);
    const local = u32(data, at + 42);
    // Encrypted, zip64 or compressed in a way fflate does not inflate: not copied here.
    if (flags & 1 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    if (local + 30 > data.length || u32(data, local) !== 0x04034b50) return null;
    const start = local + 30 + u16(data, local + 26) + u16(data, local + 28);
    if (start + compressedSize > data.length) return null;
    out.push({
      name: strFromU8(data.subarray(at + 46, at + 46 + nameLen)),
      flags,
      method,
      time: u16(data, at + 12),
      date: u16(data, at + 14),
      crc: u32(data, at + 16),
      compressedSize,
      size,
      start,
    });
    at += 46 + nameLen + u16(data, at + 30) + u16(data, at + 32);
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  // Node's own where it has one (20.15 and later); the table otherwise.
  if (typeof zlib.crc32 === 'function') return zlib.crc32(b) >>> 0;
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 255]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A package's parts by name: those read are inflated on demand, the others stay as stored. */
export class ZipParts {
  /** Set: the part's new content; null: taken out. */
  private readonly edits = new Map<string, Uint8Array | null>();
  private readonly stored: Map<string, Entry> | null;
  private readonly whole: Record<string, Uint8Array> | null;
  private readonly added: string[] = [];
  /** Parts read, inflated once. */
  private readonly inflated = new Map<string, Uint8Array>();

  constructor(private readonly data: Uint8Array) {
    const list = entries(data);
    this.stored = list ? new Map(list.map((e) => [e.name, e])) : null;
    this.whole = list ? null : unzipSync(data);
    this.order = list ? list.map((e) => e.name) : Object.keys(this.whole as Record<string, Uint8Array>);
  }

  /** Part names in stored order. */
  private readonly order: string[];

  names(): string[] {
    return [...this.order.filter((n) => this.edits.get(n) !== null), ...this.added.filter((n) => this.edits.get(n) !== null)];
  }

  bytes(name: string): Uint8Array | undefined {
    const edited = this.edits.get(name);
    if (edited !== undefined) return edited ?? undefined;
    if (this.whole) return this.whole[name];
    const e = this.stored!.get(name);
    if (!e) return undefined;
    let got = this.inflated.get(name);
    if (!got) {
      const raw = this.data.subarray(e.start, e.start + e.compressedSize);
      this.inflated.set(name, (got = e.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(e.size) })));
    }
    return got;
  }

  set(name: string, content: Uint8Array): void {
    if (!this.order.includes(name) && !this.added.includes(name)) this.added.push(name);
    this.edits.set(name, content);
  }

  remove(name: string): void {
    this.edits.set(name, null);
  }

  /** The container written: parts not changed copied as stored, changed and new ones deflated. */
  zip(): Uint8Array {
    if (this.whole) {
      const files: Zippable = {};
      for (const n of this.names()) files[n] = this.bytes(n)!;
      return zipSync(files, { level: 6 });
    }
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    let count = 0;
    for (const name of this.names()) {
      const e = this.stored!.get(name);
      const edited = this.edits.get(name);
      let body: Uint8Array;
      let meta: { flags: number; method: number; time: number; date: number; crc: number; size: number };
      if (e && edited === undefined) {
        body = this.data.subarray(e.start, e.start + e.compressedSize);
        // The sizes and checksum go in the headers; a trailing data descriptor is not needed.
        meta = { flags: e.flags & ~8, method: e.method, time: e.time, date: e.date, crc: e.crc, size: e.size };
      } else {
        const content = edited as Uint8Array;
        body = zlib.deflateRawSync(content, { level: LEVEL });
        const now = e ?? { time: 0, date: 0x21 };
        meta = { flags: 0, method: 8, time: now.time, date: now.date, crc: crc32(content), size: content.length };
      }
      const nameBytes = strToU8(name);
      const utf8 = /[^\x20-\x7e]/.test(name) ? 0x800 : 0;
      const local = new Uint8Array(30 + nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, meta.flags | utf8, true);
      lv.setUint16(8, meta.method, true);
      lv.setUint16(10, meta.time, true);
      lv.setUint16(12, meta.date, true);
      lv.setUint32(14, meta.crc, true);
      lv.setUint32(18, body.length, true);
      lv.setUint32(22, meta.size, true);
      lv.setUint16(26, nameBytes.length, true);
      local.set(nameBytes, 30);
      const c = new Uint8Array(46 + nameBytes.length);
      const cv = new DataView(c.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, meta.flags | utf8, true);
      cv.setUint16(10, meta.method, true);
      cv.setUint16(12, meta.time, true);
      cv.setUint16(14, meta.date, true);
      cv.setUint32(16, meta.crc, true);
      cv.setUint32(20, body.length, true);
      cv.setUint32(24, meta.size, true);
      cv.setUint16(28, nameBytes.length, true);
      cv.setUint32(42, offset, true);
      c.set(nameBytes, 46);
      chunks.push(local, body);
      central.push(c);
      offset += local.length + body.length;
      count++;
    }
    const cdSize = central.reduce((n, c) => n + c.length, 0);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, count, true);
    ev.setUint16(10, count, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, offset, true);
    const out = new Uint8Array(offset + cdSize + 22);
    let at = 0;
    for (const part of [...chunks, ...central, end]) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
