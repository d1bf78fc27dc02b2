/**
 * One package part through the streaming XML parser, and the relationships that tie parts
 * together (ECMA-376 part 2: a part's `_rels/NAME.rels`, targets relative to the part's folder).
 * Element and attribute names are taken without their prefix: some writers spell `<x:row>`.
 */
import { SaxesParser } from 'saxes';
import { PackageError } from './package-error';
import { streamEntryText, type InflateBudget, type ZipEntry } from './zip';

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by its name without prefix (`r:id` as `id` when asked for `r:id`'s local name). */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const k in attrs) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

export class PackageParts {
  constructor(
    readonly data: Uint8Array,
    readonly entries: Map<string, ZipEntry>,
    readonly budget: InflateBudget,
  ) {}

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** Parses `part`; a part that is absent or not well-formed XML is an error naming it. */
  parse(part: string, h: XmlHandlers, why?: string): void {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw new PackageError('missing-part', why ? `${part} (${why})` : part);
    const p = new SaxesParser({ position: false });
    const open = h.open;
    p.on('opentag', (node) => open(localName(node.name), node.attributes as Record<string, string>));
    if (h.close) {
      const close = h.close;
      p.on('closetag', (node) => close(localName(node.name)));
    }
    if (h.text) {
      p.on('text', h.text);
      p.on('cdata', h.text);
    }
    try {
      streamEntryText(this.data, entry, this.budget, (s) => p.write(s));
      p.close();
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw new PackageError('corrupt', `${part}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The relationships of `part` by id; none when it has no relationships part. */
  rels(part: string): Map<string, Relationship> {
    const slash = part.lastIndexOf('/');
    const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    const out = new Map<string, Relationship>();
    if (!this.has(relsPart)) return out;
    this.parse(relsPart, {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || a.Target === undefined) return;
        const external = a.TargetMode === 'External';
        out.set(a.Id, { type: a.Type ?? '', target: external ? a.Target : resolveTarget(part, a.Target), external });
      },
    });
    return out;
  }
}

export interface Relationship {
  type: string;
  /** Part name without a leading slash, or the URL as written when external. */
  target: string;
  external: boolean;
}

/** `xl/workbook.xml` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root. */
export function resolveTarget(source: string, target: string): string {
  const path = target.startsWith('/') ? target : source.slice(0, source.lastIndexOf('/') + 1) + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
