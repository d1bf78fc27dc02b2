/**
 * Draws the add-in's icons into assets/: a small sheet (blue header row, grid) with a red dot in one
 * cell (an overdue node) and a green check badge (the table checked).
 *
 *   npx tsx scripts/make-icons.ts
 *
 * Only Node's zlib, so that the icons can be remade anywhere the repository builds, with no image
 * tools and no new dependencies. Each size is drawn for its own pixel grid rather than scaled from one
 * big image: at 16 px a line that falls between two pixels turns into a grey smear, so edges and lines
 * are snapped to whole pixels and the detail that cannot survive (the red dot) is left out.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

type RGB = readonly [number, number, number];

// Fluent UI palette: neutral stroke, brand blue, success green, danger red.
const WHITE: RGB = [255, 255, 255];
const FRAME: RGB = [97, 97, 97]; // #616161
const GRID: RGB = [189, 189, 189]; // #BDBDBD
const HEADER: RGB = [15, 108, 189]; // #0F6CBD
const GREEN: RGB = [16, 124, 16]; // #107C10
const RED: RGB = [209, 52, 56]; // #D13438

/** Samples per pixel along each axis: 8 × 8 = 64 coverage levels, enough for smooth curves. */
const SS = 8;

type Inside = (x: number, y: number) => boolean;
interface Layer {
  inside: Inside;
  color: RGB;
}

function rect(x0: number, y0: number, x1: number, y1: number): Inside {
  return (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
}

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Inside {
  return (x, y) => {
    if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Inside {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A polyline with round joins and caps, `width` wide. */
function stroke(points: ReadonlyArray<readonly [number, number]>, width: number): Inside {
  const h2 = (width / 2) ** 2;
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i] as readonly [number, number];
      const [bx, by] = points[i + 1] as readonly [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= h2) return true;
    }
    return false;
  };
}

/** The layers of one icon, bottom first, in pixel coordinates of a size × size image. */
export function layers(size: number): Layer[] {
  const px = (f: number): number => Math.round(f * size);
  const line = Math.max(1, Math.round(size / 24)); // frame width: 1 px up to 32, 3 at 64 and 80
  const thin = Math.max(1, Math.round(size / 40)); // grid lines stay lighter than the frame

  // The sheet leaves the bottom-right corner to the badge, which overlaps it.
  const x0 = px(1 / 16);
  const x1 = size - px(2 / 16);
  const y0 = px(2 / 16);
  const y1 = size - px(1 / 16);
  const radius = Math.max(1, size / 16);
  const header = y0 + Math.max(line + 2, px(4 / 16));
  const out: Layer[] = [
    { inside: roundRect(x0, y0, x1, y1, radius), color: FRAME },
    { inside: roundRect(x0 + line, y0 + line, x1 - line, y1 - line, Math.max(0, radius - line)), color: WHITE },
    { inside: rect(x0 + line, y0 + line, x1 - line, header), color: HEADER },
  ];

  // Body rows and a narrow first column (the 序号 column of every table).
  const bodyTop = header;
  const bodyBottom = y1 - line;
  const rows = 3;
  for (let i = 1; i < rows; i++) {
    const y = Math.round(bodyTop + ((bodyBottom - bodyTop) * i) / rows);
    out.push({ inside: rect(x0 + line, y, x1 - line, y + thin), color: GRID });
  }
  const colX = Math.round(x0 + (x1 - x0) * 0.34);
  out.push({ inside: rect(colX, y0 + line, colX + thin, bodyBottom), color: GRID });
  // The header's column divider is white, so the first column reads as part of a table at 16 px.
  out.push({ inside: rect(colX, y0 + line, colX + thin, header), color: WHITE });

  if (size >= 32) {
    // First body row, at the start of the wide column: the badge covers the rest of that row.
    const rowH = (bodyBottom - bodyTop) / rows;
    const cx = colX + thin + rowH * 0.5;
    const cy = bodyTop + rowH * 0.5 + thin / 2;
    out.push({ inside: circle(cx, cy, rowH * 0.34), color: RED });
  }

  // The badge: a white ring separates it from the sheet it overlaps.
  const r = size * 0.235;
  const bx = size - r - size * 0.02;
  const by = size - r - size * 0.02;
  const ring = Math.max(1, size / 20);
  out.push({ inside: circle(bx, by, r + ring), color: WHITE });
  out.push({ inside: circle(bx, by, r), color: GREEN });
  const u = r / 10;
  out.push({
    inside: stroke(
      [
        [bx - 4.6 * u, by + 0.2 * u],
        [bx - 1.5 * u, by + 3.3 * u],
        [bx + 4.8 * u, by - 3.4 * u],
      ],
      Math.max(1.6, r * 0.3),
    ),
    color: WHITE,
  });
  return out;
}

/** RGBA pixels, not premultiplied, row by row. Transparent where no layer covers. */
export function renderIcon(size: number): Uint8Array {
  const ls = layers(size);
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS;
          const y = py + (sy + 0.5) / SS;
          // Layers are opaque: the top one that covers a sample decides its colour.
          for (let i = ls.length - 1; i >= 0; i--) {
            const l = ls[i] as Layer;
            if (l.inside(x, y)) {
              r += l.color[0];
              g += l.color[1];
              b += l.color[2];
              a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** A truecolour-with-alpha PNG (colour type 6, 8 bits), every row with filter 0. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** File name → pixel size. The manifest names 16, 32, 64 and 80; 128 is the store size; the task
 * pane may show logo-filled.png at 90 CSS px, which needs about 2× for high-DPI screens. */
export const ICONS: Readonly<Record<string, number>> = {
  'icon-16.png': 16,
  'icon-32.png': 32,
  'icon-64.png': 64,
  'icon-80.png': 80,
  'icon-128.png': 128,
  'logo-filled.png': 192,
};

function main(): void {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, size] of Object.entries(ICONS)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
  }
}

if (require.main === module) main();
