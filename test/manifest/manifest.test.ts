/**
 * manifest.xml against Microsoft's XML Schemas (vendored, offline), the web build, the icons and the
 * zh-CN strings. The URL tests need dist/web: `npm test` builds it before jest runs.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ICONS, renderIcon } from '../../scripts/make-icons';
import {
  checkBuild,
  checkIcons,
  checkId,
  checkLocales,
  checkResids,
  devServerPath,
  iconRequirements,
  localizedStrings,
  manifestUrls,
  parseXml,
  pngSize,
  validateAgainstXsd,
  validateManifest,
  type XmlElement,
} from '../../scripts/validate-manifest';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const DIST = path.join(ROOT, 'dist', 'web');
const ASSETS = path.join(ROOT, 'assets');
const xml = fs.readFileSync(MANIFEST, 'utf8');

function root(text = xml): XmlElement {
  const r = parseXml(text).root;
  if (!r) throw new Error('manifest has no root element');
  return r;
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in the manifest`);
  return text.slice(0, i).split('\n').length;
}

/** Replaces exactly one occurrence, so that a test breaks loudly when the manifest changes under it. */
function edit(text: string, from: string, to: string): string {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`expected one "${from}" in the manifest, found ${n}`);
  return text.replace(from, to);
}

function requireDist(): void {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    throw new Error(`${path.relative(ROOT, DIST)} is missing or incomplete: run \`npm run build\` before these tests (npm test does).`);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resptable-manifest-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('XML Schema validation', () => {
  it('accepts manifest.xml', async () => {
    expect(await validateAgainstXsd(xml)).toEqual([]);
  });

  // Each break is one the schemas catch and Office would refuse at sideload; the line proves the
  // error points at the element that is wrong.
  const breaks: Array<{ what: string; from: string; to: string; at: string; says: RegExp }> = [
    { what: 'elements out of order', from: '<Version>0.1.0.0</Version>\n  <ProviderName>resptable</ProviderName>', to: '<ProviderName>resptable</ProviderName>\n  <Version>0.1.0.0</Version>', at: '<ProviderName>', says: /ProviderName.*not expected/ },
    { what: 'an unknown permission', from: '<Permissions>ReadWriteDocument</Permissions>', to: '<Permissions>ReadWriteAll</Permissions>', at: '<Permissions>', says: /ReadWriteAll.*not an element of the set/ },
    { what: 'a misspelt element in VersionOverrides', from: '<TaskpaneId>Resptable.Taskpane</TaskpaneId>', to: '<TaskPaneId>Resptable.Taskpane</TaskPaneId>', at: '<TaskPaneId>', says: /TaskPaneId.*not expected/ },
    { what: 'a malformed Version', from: '<Version>0.1.0.0</Version>', to: '<Version>v0.1</Version>', at: '<Version>', says: /v0\.1/ },
    { what: 'a button label over 125 characters', from: 'DefaultValue="Check tables"', to: `DefaultValue="${'x'.repeat(126)}"`, at: 'xxxx', says: /length/ },
    { what: 'a missing DefaultSettings', from: '<DefaultSettings>\n    <SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>\n', to: '', at: '<Permissions>', says: /Permissions.*not expected.*DefaultSettings/ },
    { what: 'a bad locale name', from: '<Override Locale="zh-CN" Value="resptable 责任表检查"/>', to: '<Override Locale="chinese!" Value="resptable 责任表检查"/>', at: 'Locale="chinese!"', says: /chinese!/ },
  ];
  it.each(breaks)('rejects a copy with $what, at its line', async ({ from, to, at, says }) => {
    const broken = edit(xml, from, to);
    const problems = await validateAgainstXsd(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ check: 'xsd', line: lineOf(broken, at) });
    expect(problems.map((p) => p.message).join('\n')).toMatch(says);
  });

  it('reports XML that is not well-formed as an xml problem with its line', async () => {
    const broken = edit(xml, '</DefaultSettings>', '</DefaultSetting>');
    const problems = await validateAgainstXsd(broken);
    expect(problems[0]).toMatchObject({ check: 'xml', line: lineOf(broken, '</DefaultSetting>') });
  });

  it('exits 1 from the command line, printing file:line: [xsd]', () => {
    const file = path.join(tmp, 'broken.xml');
    fs.writeFileSync(file, edit(xml, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'));
    const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', 'validate-manifest.ts'), file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`broken.xml:${lineOf(xml, '<Permissions>')}: [xsd]`);
  });

  it('exits 0 from the command line for manifest.xml', () => {
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', 'validate-manifest.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/manifest\.xml: valid/);
  });
});

describe('what the schemas cannot check', () => {
  it('has a GUID Id, and the check rejects one that is not', () => {
    expect(checkId(root())).toEqual([]);
    const bad = edit(xml, /<Id>[^<]*<\/Id>/.exec(xml)?.[0] ?? '<Id>', '<Id>resptable-addin</Id>');
    expect(checkId(root(bad))).toEqual([{ check: 'id', line: lineOf(bad, '<Id>'), message: expect.stringMatching(/not a GUID/) }]);
  });

  it('points every resid at a resource of the right kind', () => {
    expect(checkResids(root())).toEqual([]);
    const missing = edit(xml, '<Label resid="TaskpaneButton.Label"/>', '<Label resid="Nowhere"/>');
    expect(checkResids(root(missing))).toEqual([expect.objectContaining({ check: 'resid', line: lineOf(missing, 'resid="Nowhere"') })]);
    // A tooltip (LongStrings) used as a label (ShortStrings): the schema takes any id.
    const wrongKind = edit(xml, '<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>');
    expect(checkResids(root(wrongKind))[0]?.message).toMatch(/needs one of bt:ShortStrings/);
  });

  it('serves every URL from https://localhost:3000/, as files of the web build', () => {
    const urls = manifestUrls(root());
    expect(urls.map((u) => u.url)).toEqual(expect.arrayContaining(['https://localhost:3000/taskpane.html', 'https://localhost:3000/commands.html']));
    for (const u of urls) expect(devServerPath(u.url)).not.toBeNull();
  });

  it('finds every URL in dist/web once built', () => {
    requireDist();
    const urls = manifestUrls(root());
    expect(checkBuild(urls, DIST)).toEqual([]);
    // The check is real: without commands.html the same manifest fails.
    const partial = path.join(tmp, 'web');
    fs.cpSync(DIST, partial, { recursive: true });
    fs.rmSync(path.join(partial, 'commands.html'));
    expect(checkBuild(urls, partial)).toEqual([expect.objectContaining({ check: 'build', line: lineOf(xml, 'https://localhost:3000/commands.html') })]);
  });

  it('passes every check, URLs included, once built', async () => {
    requireDist();
    const report = await validateManifest();
    expect(report.problems).toEqual([]);
    expect(report.distChecked).toBe(true);
  });

  it('checks a copy edited for an intranet server against the build with --origin', async () => {
    // A stand-in for dist/web, so this test covers the URL mapping whether or not a build exists.
    const web = path.join(tmp, 'intranet-web');
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    for (const f of ['taskpane.html', 'commands.html']) fs.writeFileSync(path.join(web, f), '<!doctype html>');
    for (const f of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, f), path.join(web, 'assets', f));
    const origin = 'https://oa.example.gov.cn/addins/resptable/';
    const manifest = path.join(tmp, 'manifest.intranet.xml');
    fs.writeFileSync(manifest, xml.split('https://localhost:3000/').join(origin));

    const checked = await validateManifest({ manifest, distDir: web, origin });
    expect(checked.problems).toEqual([]);
    expect(checked.urlsChecked).toBe(manifestUrls(root()).length);
    expect(checked.iconsChecked).toBe(8);

    fs.rmSync(path.join(web, 'commands.html'));
    const missing = await validateManifest({ manifest, distDir: web, origin });
    expect(missing.problems).toEqual([expect.objectContaining({ check: 'build', message: expect.stringContaining(`${origin}commands.html`) })]);

    // Without --origin nothing maps to the build, and the report says so instead of passing silently.
    const unmapped = await validateManifest({ manifest, distDir: web });
    expect(unmapped.urlsChecked).toBe(0);
    expect(unmapped.notes.join('\n')).toContain(`${origin}taskpane.html`);
  });

  it('has icons of the sizes the manifest asks for, in assets/ and in the build', () => {
    const { needs, problems } = iconRequirements(root());
    expect(problems).toEqual([]);
    // IconUrl 32, HighResolutionIconUrl 64, and the ribbon's 16, 32 and 80 (twice: group and button).
    expect(needs.map((n) => n.size).sort((a, b) => a - b)).toEqual([16, 16, 32, 32, 32, 64, 80, 80]);
    const fromAssets = (url: string): string => path.join(ASSETS, (devServerPath(url) ?? '').replace(/^assets\//, ''));
    for (const n of needs) expect(fs.existsSync(fromAssets(n.url))).toBe(true);
    expect(checkIcons(needs, fromAssets)).toEqual([]);
    requireDist();
    expect(checkIcons(needs, (url) => path.join(DIST, devServerPath(url) ?? ''))).toEqual([]);
  });

  it('notices an icon of the wrong size', () => {
    const swapped = edit(xml, '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"/>');
    const { needs } = iconRequirements(root(swapped));
    const problems = checkIcons(needs, (url) => path.join(ASSETS, (devServerPath(url) ?? '').replace(/^assets\//, '')));
    expect(problems.length).toBe(2);
    expect(problems[0]?.message).toMatch(/is 64×64, not 80×80/);
  });

  it('gives every en-US string a zh-CN override', () => {
    const strings = localizedStrings(root());
    // DisplayName, Description and the five ribbon / get-started strings.
    expect(strings.length).toBe(7);
    expect(checkLocales(root())).toEqual([]);
    const dropped = edit(xml, '\n          <bt:Override Locale="zh-CN" Value="检查责任表"/>', '');
    expect(checkLocales(root(dropped))).toEqual([
      { check: 'locale', line: lineOf(dropped, '<bt:String id="TaskpaneButton.Label"'), message: 'bt:String "TaskpaneButton.Label" has no zh-CN override' },
    ]);
  });
});

describe('icons', () => {
  it('are named for their pixel size', () => {
    for (const [name, size] of Object.entries(ICONS)) {
      expect({ name, ...pngSize(fs.readFileSync(path.join(ASSETS, name))) }).toEqual({ name, width: size, height: size });
    }
  });

  it('are what scripts/make-icons.ts draws (rerun it after changing the drawing)', () => {
    for (const [name, size] of Object.entries(ICONS)) {
      const png = fs.readFileSync(path.join(ASSETS, name));
      // Our encoder writes one IDAT chunk and filter type 0 on every row.
      const idat = png.indexOf('IDAT', 8, 'ascii');
      const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
      const pixels = Buffer.alloc(size * size * 4);
      for (let y = 0; y < size; y++) {
        expect(raw[y * (size * 4 + 1)]).toBe(0);
        raw.copy(pixels, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
      }
      expect(pixels.equals(Buffer.from(renderIcon(size)))).toBe(true);
    }
  });
});
