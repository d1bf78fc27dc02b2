/**
 * SHA-256 over a canonical JSON text, pure (core runs in the browser, Node and Office alike, without
 * their crypto APIs). The journal's digest proves that the journal and what it says apply wrote are
 * one consistent whole, not who wrote them: anyone can compute it.
 */

/** The round constants, as the signed 32-bit words the rounds add them as. */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 fed piecewise: text is taken as UTF-8 (without TextEncoder, not in every Office webview)
 * straight into a block buffer, so that a digest of many megabytes never builds that text, its
 * bytes nor a padded copy of them. A lone surrogate is encoded as its own three bytes, as iterating
 * the whole text by code points does; a pair split between two writes is not joined, so a caller
 * writes well-formed pieces (JSON.stringify's output always is).
 */
export class Sha256 {
  /** A multiple of 64 bytes, and room for one more character (up to 4 bytes) before each check. */
  private readonly buf = new Uint8Array(1 << 16);
  private readonly view = new DataView(this.buf.buffer);
  private n = 0;
  /** Bytes already hashed, before those in `buf`. */
  private done = 0;
  private readonly h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly w = new Int32Array(64);

  /** Hashes every whole block in the buffer and keeps the rest at its start. */
  private flush(): void {
    const whole = this.n & ~63;
    this.blocks(whole);
    this.buf.copyWithin(0, whole, this.n);
    this.done += whole;
    this.n -= whole;
  }

  private blocks(end: number): void {
    const { view, w, h } = this;
    let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!, h5 = h[5]!, h6 = h[6]!, h7 = h[7]!;
    for (let off = 0; off < end; off += 64) {
      for (let i = 0; i < 16; i++) w[i] = view.getInt32(off + i * 4);
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15]!;
        const y = w[i - 2]!;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
      }
      let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const ch = (e & f) ^ (~e & g);
        const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const maj = (a & b) ^ (a & c) ^ (b & c);
        const t2 = (S0 + maj) | 0;
        hh = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0;
      h1 = (h1 + b) | 0;
      h2 = (h2 + c) | 0;
      h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0;
      h5 = (h5 + f) | 0;
      h6 = (h6 + g) | 0;
      h7 = (h7 + hh) | 0;
    }
    h[0] = h0;
    h[1] = h1;
    h[2] = h2;
    h[3] = h3;
    h[4] = h4;
    h[5] = h5;
    h[6] = h6;
    h[7] = h7;
  }

  /** The UTF-8 bytes of `s`. */
  write(s: string): void {
    const out = this.buf;
    const limit = out.length - 4;
    let n = this.n;
    for (let i = 0; i < s.length; i++) {
      if (n > limit) {
        this.n = n;
        this.flush();
        n = this.n;
      }
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        out[n++] = c;
        continue;
      }
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      } else {
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      }
    }
    this.n = n;
  }

  /** The digest in hex; the hasher is spent. */
  hex(): string {
    const bits = (this.done + this.n) * 8;
    // The padding: a 1 bit, zeros, the length in bits as 64 bits; one or two more blocks' room.
    if (this.n > this.buf.length - 72) this.flush();
    const buf = this.buf;
    buf[this.n++] = 0x80;
    const end = ((this.n + 8 + 63) >> 6) << 6;
    buf.fill(0, this.n, end);
    this.view.setUint32(end - 8, Math.floor(bits / 0x100000000));
    this.view.setUint32(end - 4, bits >>> 0);
    this.blocks(end);
    return Array.from(this.h, (x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  }
}

/** SHA-256 of a text's UTF-8 bytes, in hex. Linear, and quick enough for a journal of many megabytes. */
export function sha256Hex(text: string): string {
  const h = new Sha256();
  h.write(text);
  return h.hex();
}

/** Where canonical JSON goes, a piece at a time. */
interface Sink {
  write(s: string): void;
}

/** Object keys as JSON, quoted once: a journal repeats a handful of keys hundreds of thousands of times. */
const quotedKeys = new Map<string, string>();

function quotedKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q);
  }
  return q;
}

/**
 * Object keys in `sort()`'s order (UTF-16 code units, which `<` on strings compares too), sorted in
 * place: an insertion sort, quicker than `sort()` on the few keys a journal's objects have.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function writeCanonical(v: unknown, out: Sink): void {
  if (typeof v === 'string') {
    // Native quoting and one write beat quoting here character by character.
    out.write(JSON.stringify(v));
    return;
  }
  if (typeof v === 'number') {
    // As JSON.stringify writes a number: its shortest text, null for what JSON cannot hold.
    out.write(Number.isFinite(v) ? String(v) : 'null');
    return;
  }
  if (v === null || typeof v !== 'object') {
    out.write(JSON.stringify(v) ?? 'null');
    return;
  }
  if (Array.isArray(v)) {
    out.write('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.write(',');
      // A hole stays empty, as `map` and `join` leave it.
      if (i in v) writeCanonical(v[i], out);
    }
    out.write(']');
    return;
  }
  const o = v as Record<string, unknown>;
  out.write('{');
  let first = true;
  for (const k of sortKeys(Object.keys(o))) {
    const x = o[k];
    if (x === undefined) continue;
    if (!first) out.write(',');
    first = false;
    out.write(quotedKey(k));
    out.write(':');
    writeCanonical(x, out);
  }
  out.write('}');
}

/** JSON with object keys sorted, so that the same content always gives the same text. */
export function canonicalJson(v: unknown): string {
  // Pieces joined as they come (the writer keys each style it writes by this), in runs of a few
  // kilobytes so that a large value never makes one deep chain of joined strings.
  const parts: string[] = [];
  let run = '';
  writeCanonical(v, {
    write: (s) => {
      run += s;
      if (run.length > 4096) {
        parts.push(run);
        run = '';
      }
    },
  });
  if (parts.length === 0) return run;
  parts.push(run);
  return parts.join('');
}

/** `sha256Hex(canonicalJson(v))`, in one pass that never holds the text. */
export function canonicalSha256(v: unknown): string {
  const h = new Sha256();
  writeCanonical(v, h);
  return h.hex();
}
