/**
 * Checks manifest.xml offline:
 *
 *   npm run validate                      # manifest.xml, dist/web when it has been built
 *   npx tsx scripts/validate-manifest.ts [manifest.xml] [--dist DIR] [--origin URL] [--require-dist]
 *
 * 1. against Microsoft's XML Schemas, vendored in scripts/manifest-schemas/ (libxml2 via
 *    xmllint-wasm; `office-addin-manifest validate` would send the file to an online service);
 * 2. what the schemas cannot say: the Id is a GUID; every resid names a resource of the right kind;
 *    every URL is https; every https://localhost:3000/… URL is a file of the web build (dist/web);
 *    every icon has the pixel size its element asks for; every string the en-US user sees has a
 *    zh-CN override.
 *
 * Prints one line per problem (`manifest.xml:87: [xsd] …`) and exits 1 when there is any.
 * Without dist/web the URL check is skipped with a note (exit 0), unless --require-dist is given;
 * icons are then read from assets/, which the build copies unchanged. --origin checks a manifest
 * edited for an intranet server: its URLs under that origin must be files of dist/web.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';

export const ROOT = path.join(__dirname, '..');
export const SCHEMA_DIR = path.join(__dirname, 'manifest-schemas');
const ENTRY_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** The dev server's origin; webpack serves dist/web there (and it is what deployers replace). */
export const DEV_ORIGIN = 'https://localhost:3000/';
/** The locale every string needs besides the default (en-US). */
export const SECOND_LOCALE = 'zh-CN';

export type Check = 'xml' | 'xsd' | 'id' | 'resid' | 'url' | 'build' | 'icon' | 'locale';

export interface Problem {
  check: Check;
  line: number | null;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// A small XML reader: enough for a manifest (elements, attributes, line numbers), and tolerant,
// because it also runs on files that the schema check has already rejected.

export interface XmlElement {
  name: string;
  local: string;
  attrs: Record<string, string>;
  line: number;
  children: XmlElement[];
  parent: XmlElement | null;
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

export function parseXml(xml: string): { root: XmlElement | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const lineAt = (() => {
    const starts = [0];
    for (let i = 0; i < xml.length; i++) if (xml[i] === '\n') starts.push(i + 1);
    return (pos: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
  })();
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    const [whole, cdata, close, open, attrText, selfClose, text] = m;
    if (whole.startsWith('<!--') || whole.startsWith('<?') || whole.startsWith('<!DOCTYPE')) continue;
    if (cdata !== undefined || text !== undefined) {
      if (current) current.text += cdata ?? decode(text as string);
      continue;
    }
    if (close !== undefined) {
      if (!current || current.name !== close) {
        problems.push({ check: 'xml', line: lineAt(m.index), message: `</${close}> does not close ${current ? `<${current.name}>` : 'any element'}` });
      } else current = current.parent;
      continue;
    }
    if (open === undefined) {
      problems.push({ check: 'xml', line: lineAt(m.index), message: 'a "<" that starts no tag' });
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
    }
    const el: XmlElement = { name: open, local: open.replace(/^.*:/, ''), attrs, line: lineAt(m.index), children: [], parent: current, text: '' };
    if (current) current.children.push(el);
    else if (!root) root = el;
    else problems.push({ check: 'xml', line: el.line, message: `a second root element <${open}>` });
    if (!selfClose) current = el;
  }
  if (current) problems.push({ check: 'xml', line: current.line, message: `<${current.name}> is never closed` });
  return { root, problems };
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const child = (el: XmlElement, local: string): XmlElement | undefined => el.children.find((c) => c.local === local);

// ---------------------------------------------------------------------------------------------
// 1. XML Schema

function loadSchemas(dir: string): { fileName: string; contents: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xsd'))
    .sort((a, b) => (a === ENTRY_SCHEMA ? -1 : b === ENTRY_SCHEMA ? 1 : a.localeCompare(b)))
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** What libxml2 finds wrong with the document against the schemas; a schema that does not compile throws. */
export async function validateAgainstXsd(xml: string, fileName = 'manifest.xml', schemaDir = SCHEMA_DIR): Promise<Problem[]> {
  const [entry, ...imports] = loadSchemas(schemaDir);
  if (!entry || entry.fileName !== ENTRY_SCHEMA) throw new Error(`${schemaDir} has no ${ENTRY_SCHEMA}`);
  let result;
  try {
    result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [entry], preload: imports });
  } catch (e) {
    // xmllint-wasm reports the document's errors in its result; it rejects when xmllint itself
    // fails, which here means that a vendored schema does not compile.
    throw new Error(`the XML Schemas in ${schemaDir} could not be used: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems: Problem[] = [];
  let afterParserError = false;
  for (const e of result.errors) {
    // After a parser error libxml2 echoes the offending source line and a caret line, unlocated.
    if (!e.loc && afterParserError) continue;
    afterParserError = /parser error/.test(e.message);
    problems.push({
      check: afterParserError ? 'xml' : 'xsd',
      line: e.loc?.lineNumber ?? null,
      message: e.message.replace(/^\s*Schemas validity error\s*:\s*/, '').trim(),
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// 2. What the schemas cannot say

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkId(root: XmlElement): Problem[] {
  const id = child(root, 'Id');
  if (!id) return [{ check: 'id', line: root.line, message: 'no <Id>' }];
  const value = id.text.trim();
  // The schema also takes {braced} and urn:uuid: forms; Office's own tools write the bare form, and
  // sideloading caches by it, so only that form is accepted here.
  if (!GUID.test(value)) return [{ check: 'id', line: id.line, message: `<Id> ${JSON.stringify(value)} is not a GUID (8-4-4-4-12 hex digits)` }];
  if (/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(value)) return [{ check: 'id', line: id.line, message: '<Id> is the nil GUID' }];
  return [];
}

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

export interface Resource {
  kind: ResourceKind;
  id: string;
  element: XmlElement;
}

export function resources(root: XmlElement): Map<string, Resource> {
  const out = new Map<string, Resource>();
  for (const el of walk(root)) {
    if (el.local !== 'Resources' || !el.parent || el.parent.local !== 'VersionOverrides') continue;
    for (const group of el.children) {
      const kind = group.local as ResourceKind;
      if (!['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(kind)) continue;
      for (const r of group.children) {
        const id = r.attrs.id;
        if (id !== undefined) out.set(id, { kind, id, element: r });
      }
    }
  }
  return out;
}

/** The resource kind each resid-bearing element must point at (TaskPaneAppVersionOverridesV1_0.xsd). */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

export function checkResids(root: XmlElement): Problem[] {
  const res = resources(root);
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const r of res.values()) {
    const prev = seen.get(r.id);
    if (prev !== undefined) problems.push({ check: 'resid', line: r.element.line, message: `resource id "${r.id}" is defined twice (also line ${prev})` });
    seen.set(r.id, r.element.line);
  }
  for (const el of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const r = res.get(resid);
    const want = RESID_KIND[el.local];
    if (!r) problems.push({ check: 'resid', line: el.line, message: `<${el.name} resid="${resid}"> names no resource` });
    else if (want && r.kind !== want) {
      problems.push({ check: 'resid', line: el.line, message: `<${el.name} resid="${resid}"> needs one of bt:${want}, but "${resid}" is in bt:${r.kind}` });
    }
  }
  return problems;
}

export interface ManifestUrl {
  url: string;
  line: number;
  element: XmlElement;
}

/** Every URL the manifest gives Office: DefaultValue/Value attributes of URL-typed settings and resources. */
export function manifestUrls(root: XmlElement): ManifestUrl[] {
  const out: ManifestUrl[] = [];
  for (const el of walk(root)) {
    for (const key of ['DefaultValue', 'Value']) {
      const v = el.attrs[key];
      if (v !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim())) out.push({ url: v.trim(), line: el.line, element: el });
    }
    if (el.local === 'AppDomain' && el.text.trim()) out.push({ url: el.text.trim(), line: el.line, element: el });
  }
  return out;
}

/**
 * The file under dist/web that a URL is answered with, or null for a URL elsewhere. `origin` is
 * where dist/web is served: the dev server, or an intranet server's https://host/path/.
 */
export function devServerPath(url: string, origin = DEV_ORIGIN): string | null {
  const base = origin.endsWith('/') ? origin : `${origin}/`;
  if (!url.startsWith(base)) return null;
  const p = decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
  return p === '' ? 'index.html' : p;
}

export function checkHttps(urls: ManifestUrl[]): Problem[] {
  return urls
    .filter((u) => !u.url.toLowerCase().startsWith('https://'))
    .map((u) => ({ check: 'url' as const, line: u.line, message: `${u.url} is not https (Office loads add-ins over https only)` }));
}

export function checkBuild(urls: ManifestUrl[], distDir: string, origin = DEV_ORIGIN): Problem[] {
  const problems: Problem[] = [];
  for (const u of urls) {
    const rel = devServerPath(u.url, origin);
    if (rel === null) continue;
    const file = path.join(distDir, rel);
    if (!path.resolve(file).startsWith(path.resolve(distDir) + path.sep)) {
      problems.push({ check: 'build', line: u.line, message: `${u.url} points outside ${distDir}` });
    } else if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      problems.push({ check: 'build', line: u.line, message: `${u.url} → ${path.relative(ROOT, file)}: the build has no such file` });
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export interface IconRequirement {
  url: string;
  size: number;
  line: number;
  why: string;
}

/**
 * The pixel size each icon URL must have: IconUrl 32 and HighResolutionIconUrl 64 for a task pane
 * add-in (Microsoft's IconUrl/HighResolutionIconUrl reference), and each ribbon image the size its
 * <bt:Image size="…"> reference states, where every <Icon> must offer 16, 32 and 80.
 */
export function iconRequirements(root: XmlElement): { needs: IconRequirement[]; problems: Problem[] } {
  const needs: IconRequirement[] = [];
  const problems: Problem[] = [];
  const urlOf = (el: XmlElement): string[] =>
    [el.attrs.DefaultValue, ...el.children.filter((c) => c.local === 'Override').map((c) => c.attrs.Value)].filter((v): v is string => !!v);
  for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
    const el = child(root, name);
    if (!el) continue;
    for (const url of urlOf(el)) needs.push({ url, size, line: el.line, why: `<${name}>` });
  }
  const res = resources(root);
  for (const el of walk(root)) {
    if (el.local !== 'Icon') continue;
    const sizes = new Set<number>();
    for (const img of el.children.filter((c) => c.local === 'Image')) {
      const size = Number(img.attrs.size);
      sizes.add(size);
      const r = img.attrs.resid !== undefined ? res.get(img.attrs.resid) : undefined;
      if (!r || r.kind !== 'Images') continue; // reported by checkResids
      for (const url of urlOf(r.element)) needs.push({ url, size, line: img.line, why: `<bt:Image size="${size}" resid="${r.id}">` });
    }
    const missing = [16, 32, 80].filter((s) => !sizes.has(s));
    if (missing.length) problems.push({ check: 'icon', line: el.line, message: `<Icon> lacks the required size${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
  }
  return { needs, problems };
}

/** Checks icon files found under `dir` (dist/web, or assets/ mapped as the build copies it). */
export function checkIcons(needs: IconRequirement[], resolve: (url: string) => string | null): Problem[] {
  const problems: Problem[] = [];
  for (const n of needs) {
    const file = resolve(n.url);
    if (file === null || !fs.existsSync(file)) continue; // another origin, or a missing file: checkBuild's business
    const size = pngSize(fs.readFileSync(file));
    if (!size) problems.push({ check: 'icon', line: n.line, message: `${n.why}: ${path.relative(ROOT, file)} is not a PNG` });
    else if (size.width !== n.size || size.height !== n.size) {
      problems.push({ check: 'icon', line: n.line, message: `${n.why}: ${path.relative(ROOT, file)} is ${size.width}×${size.height}, not ${n.size}×${n.size}` });
    }
  }
  return problems;
}

/** Elements whose text a user reads: the add-in's name and description, and every bt:String. */
export function localizedStrings(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const name of ['DisplayName', 'Description']) {
    const el = child(root, name);
    if (el) out.push(el);
  }
  for (const r of resources(root).values()) if (r.kind === 'ShortStrings' || r.kind === 'LongStrings') out.push(r.element);
  return out;
}

export function checkLocales(root: XmlElement, locale = SECOND_LOCALE): Problem[] {
  const problems: Problem[] = [];
  for (const el of localizedStrings(root)) {
    const overrides = el.children.filter((c) => c.local === 'Override' && c.attrs.Locale?.toLowerCase() === locale.toLowerCase());
    const label = el.attrs.id ? `${el.name} "${el.attrs.id}"` : `<${el.name}>`;
    if (overrides.length === 0) problems.push({ check: 'locale', line: el.line, message: `${label} has no ${locale} override` });
    else if (overrides.length > 1) problems.push({ check: 'locale', line: el.line, message: `${label} has ${overrides.length} ${locale} overrides` });
    else if (!(overrides[0] as XmlElement).attrs.Value?.trim()) problems.push({ check: 'locale', line: el.line, message: `${label}: the ${locale} override is empty` });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

export interface Options {
  manifest?: string;
  distDir?: string;
  assetsDir?: string;
  requireDist?: boolean;
  schemaDir?: string;
  /** Where dist/web is served; https://localhost:3000/ unless the manifest was edited for a server. */
  origin?: string;
}

export interface Report {
  manifest: string;
  problems: Problem[];
  notes: string[];
  /** Whether URLs were checked against a built dist/web. */
  distChecked: boolean;
  urls: ManifestUrl[];
  origin: string;
  /** Icon references whose file was found and measured. */
  iconsChecked: number;
  /** URLs found to be files of dist/web. */
  urlsChecked: number;
}

export async function validateManifest(options: Options = {}): Promise<Report> {
  const manifest = options.manifest ?? path.join(ROOT, 'manifest.xml');
  const distDir = options.distDir ?? path.join(ROOT, 'dist', 'web');
  const assetsDir = options.assetsDir ?? path.join(ROOT, 'assets');
  const origin = options.origin ?? DEV_ORIGIN;
  const xml = fs.readFileSync(manifest, 'utf8');
  const notes: string[] = [];
  const problems: Problem[] = [...(await validateAgainstXsd(xml, path.basename(manifest), options.schemaDir))];

  const { root, problems: xmlProblems } = parseXml(xml);
  if (!root) return { manifest, problems: [...problems, ...xmlProblems], notes, distChecked: false, urls: [], origin, iconsChecked: 0, urlsChecked: 0 };
  // libxml2 has already reported malformed XML, with better messages than this reader's.
  if (!problems.some((p) => p.check === 'xml')) problems.push(...xmlProblems);

  problems.push(...checkId(root), ...checkResids(root), ...checkLocales(root));
  const urls = manifestUrls(root);
  problems.push(...checkHttps(urls));

  const distChecked = fs.existsSync(distDir) && fs.statSync(distDir).isDirectory();
  if (distChecked) problems.push(...checkBuild(urls, distDir, origin));
  else if (options.requireDist) {
    problems.push({ check: 'build', line: null, message: `${path.relative(ROOT, distDir) || distDir} does not exist: run \`npm run build\`, then validate again` });
  } else {
    notes.push(`${path.relative(ROOT, distDir) || distDir} does not exist, so the URLs were not checked against the build (run \`npm run build\` first to check them).`);
  }

  const { needs, problems: iconProblems } = iconRequirements(root);
  problems.push(...iconProblems);
  let iconsChecked = 0;
  problems.push(
    ...checkIcons(needs, (url) => {
      const rel = devServerPath(url, origin);
      if (rel === null) return null;
      // Sizes are read from the built file when there is one (that is what Office fetches), and from
      // assets/ otherwise: webpack copies assets/*.png to dist/web/assets/ unchanged.
      const file = distChecked ? path.join(distDir, rel) : rel.startsWith('assets/') ? path.join(assetsDir, rel.slice('assets/'.length)) : null;
      if (file !== null && fs.existsSync(file)) iconsChecked++;
      return file;
    }),
  );
  const external = urls.filter((u) => devServerPath(u.url, origin) === null && u.element.local !== 'AppDomain');
  const unchecked = [...new Set(external.map((u) => u.url))];
  if (unchecked.length) notes.push(`${unchecked.length} URL(s) outside ${origin} were not checked: ${unchecked.join(', ')}`);

  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const missing = problems.filter((p) => p.check === 'build').length;
  const urlsChecked = distChecked ? urls.filter((u) => devServerPath(u.url, origin) !== null).length - missing : 0;
  return { manifest, problems, notes, distChecked, urls, origin, iconsChecked, urlsChecked };
}

export function formatProblem(file: string, p: Problem): string {
  return `${file}${p.line !== null ? `:${p.line}` : ''}: [${p.check}] ${p.message}`;
}

async function main(argv: string[]): Promise<number> {
  let manifest: string | undefined;
  let distDir: string | undefined;
  let requireDist = false;
  let origin: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--require-dist') requireDist = true;
    else if (a === '--dist') distDir = path.resolve(argv[++i] ?? '');
    else if (a === '--origin') origin = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: tsx scripts/validate-manifest.ts [manifest.xml] [--dist DIR] [--origin https://host/path/] [--require-dist]');
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`unknown option ${a}`);
      return 2;
    } else manifest = path.resolve(a);
  }
  if (origin !== undefined && !/^https:\/\/[^/]+/.test(origin)) {
    console.error(`--origin needs an https:// URL, not ${JSON.stringify(origin)}`);
    return 2;
  }
  const report = await validateManifest({ manifest, distDir, requireDist, origin });
  const shown = path.relative(process.cwd(), report.manifest) || report.manifest;
  for (const p of report.problems) console.error(formatProblem(shown, p));
  for (const n of report.notes) console.log(`note: ${n}`);
  if (report.problems.length) {
    console.error(`${shown}: ${report.problems.length} problem${report.problems.length > 1 ? 's' : ''}`);
    return 1;
  }
  const checked = ['Office manifest XSDs', 'Id', 'resources', `${SECOND_LOCALE} strings`];
  if (report.iconsChecked) checked.push(`${report.iconsChecked} icon sizes`);
  if (report.urlsChecked) checked.push(`${report.urlsChecked} URLs present in ${path.relative(process.cwd(), distDir ?? path.join(ROOT, 'dist', 'web'))}`);
  console.log(`${shown}: valid (${checked.join(', ')})`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(2);
    },
  );
}
