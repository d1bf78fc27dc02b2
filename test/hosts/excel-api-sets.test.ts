/**
 * Checks without Excel: every Office.js member the add-in's code uses is within the requirement set
 * manifest.xml asks for, unless its call site is guarded by a capability flag (a condition naming
 * `caps.…`, `areas` or `merges`, the Capabilities the host derives from isSetSupported); and the
 * manifest's minimum is EXCEL_MINIMUM. The member → set map is src/hosts/excel/api-sets.json,
 * written from @types/office-js by scripts/write-office-api-sets.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import API_SETS from '../../src/hosts/excel/api-sets.json';
import { EXCEL_MINIMUM } from '../../src/hosts/excel';
import { apiSets } from '../../scripts/write-office-api-sets';

const ROOT = path.join(__dirname, '../..');
const MEMBERS = (API_SETS as { members: Record<string, string> }).members;
const minor = (v: string) => Number(v.split('.')[1]);

function manifestMinimum(): string {
  const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(xml);
  if (!m) throw new Error('manifest.xml: no <Set Name="ExcelApi" MinVersion="…"/>');
  return m[1] as string;
}

const GUARD = /\b(caps\.\w+|areas|merges)\b/;

/** Whether a node sits in the taken branch of a condition that names a capability flag. */
function guardedBy(node: ts.Node, sf: ts.SourceFile): boolean {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isConditionalExpression(p) && n !== p.condition && GUARD.test(p.condition.getText(sf))) return true;
    if (ts.isIfStatement(p) && n !== p.expression && GUARD.test(p.expression.getText(sf))) return true;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && n === p.right && GUARD.test(p.left.getText(sf))) return true;
  }
  return false;
}

interface Use {
  at: string;
  member: string;
  set: string;
}

/** Members of the Excel namespace used in the files above `level` (a minor version) and not guarded. */
function unguardedUses(files: string[], level: number): Use[] {
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, jsx: ts.JsxEmit.ReactJSX, esModuleInterop: true, resolveJsonModule: true, skipLibCheck: true, noEmit: true, types: ['office-js', 'node'] });
  const checker = program.getTypeChecker();
  const out: Use[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`${file}: not compiled`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        const owner = decl?.parent;
        const inExcel = decl?.getSourceFile().fileName.includes('@types/office-js');
        if (inExcel && owner && ts.isClassDeclaration(owner) && owner.name) {
          const key = `${owner.name.text}.${node.name.text}`;
          const set = MEMBERS[key];
          const above = set !== undefined && (!set.startsWith('1.') || minor(set) > level);
          if (above && !guardedBy(node, sf)) {
            const { line } = sf.getLineAndCharacterOfPosition(node.name.getStart(sf));
            out.push({ at: `${path.relative(ROOT, file)}:${line + 1}`, member: key, set });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

const sources = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(ROOT, dir, f));

describe('Office.js members against the manifest’s requirement set', () => {
  it('the manifest’s minimum is EXCEL_MINIMUM', () => {
    expect(manifestMinimum()).toBe(EXCEL_MINIMUM.minVersion);
  });

  it('the shipped map is what the script writes from @types/office-js', () => {
    const dts = readFileSync(path.join(ROOT, 'node_modules/@types/office-js/index.d.ts'), 'utf8');
    expect(apiSets(dts)).toEqual(MEMBERS);
    // Written by hand from the reference pages.
    expect(MEMBERS['Range.getMergedAreasOrNullObject']).toBe('1.13');
    expect(MEMBERS['Worksheet.getRanges']).toBe('1.9');
    expect(MEMBERS['ConditionalFormat.getRangeOrNullObject']).toBe('1.6');
    expect(MEMBERS['Worksheet.visibility']).toBe('1.1');
  });

  it('flags a deliberately unguarded 1.13 call, and passes the guarded one', () => {
    const uses = unguardedUses([path.join(ROOT, 'test/hosts/excel-fixtures/unguarded-113.ts')], minor(manifestMinimum()));
    expect(uses).toEqual([{ at: 'test/hosts/excel-fixtures/unguarded-113.ts:7', member: 'Range.getMergedAreasOrNullObject', set: '1.13' }]);
  });

  it('the add-in’s own code uses nothing above the manifest’s set unguarded', () => {
    const files = [...sources('src/hosts/excel'), ...sources('src/taskpane')];
    expect(unguardedUses(files, minor(manifestMinimum()))).toEqual([]);
  }, 120_000);
});
