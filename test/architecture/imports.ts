/**
 * Reads every import of a source tree with TypeScript's own parser and checks it against a table of
 * layers. A regex would miss forms (a multi-line `import type`, `export * from`, a `require` inside a
 * function, a `/// <reference types>`), and a missed form is a silent clean pass; the parser sees them all.
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

/** One import as written: the specifier and the line it is on (1-based). */
export interface ImportSite {
  specifier: string;
  line: number;
}

/** Where an import points once resolved: a file of the tree (root-relative, `/`-separated) or a package. */
export type Target = { kind: 'file'; file: string } | { kind: 'package'; name: string } | { kind: 'unresolved'; reason: string };

/**
 * A layer: the files it holds and what they may import. A path ending in `/` is a folder (everything
 * under it), any other path is one file. Packages are named as in package.json; Node's built-ins by
 * their bare name (`fs`, also matched when written `node:fs`); a `/// <reference types="x" />` counts
 * as using package `x`.
 */
export interface Layer {
  name: string;
  files: readonly string[];
  mayImport: readonly string[];
  packages: readonly string[];
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  /** The layer of the importing file, or null when no layer holds it. */
  layer: string | null;
  /** What the import resolved to, as it would be written in the table. */
  target: string;
}

/** Every import, re-export, require, dynamic import and reference directive in one source text. */
export function importsOf(fileName: string, text: string): ImportSite[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const sites: ImportSite[] = [];
  const at = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const add = (spec: ts.Expression | undefined, node: ts.Node): void => {
    // A specifier that is not a string literal cannot be checked; it is reported rather than skipped.
    const specifier = spec && ts.isStringLiteralLike(spec) ? spec.text : `<computed: ${spec ? spec.getText(sf) : '?'}>`;
    sites.push({ specifier, line: at(node.getStart(sf)) });
  };
  for (const ref of sf.typeReferenceDirectives) sites.push({ specifier: ref.fileName, line: at(ref.pos) });
  for (const ref of sf.referencedFiles) sites.push({ specifier: ref.fileName.startsWith('.') ? ref.fileName : `./${ref.fileName}`, line: at(ref.pos) });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return sites;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

/** The package a bare specifier names: `react-dom/client` → `react-dom`, `@scope/x/y` → `@scope/x`, `node:fs` → `fs`. */
function packageName(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const parts = bare.split('/');
  const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare);
  return name;
}

/** Resolves a specifier written in `from` (a file of the tree) against the tree's files, as the compiler would. */
export function resolve(from: string, specifier: string, files: ReadonlySet<string>): Target {
  if (specifier.startsWith('<computed')) return { kind: 'unresolved', reason: specifier };
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return { kind: 'package', name: packageName(specifier) };
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const ext of EXTENSIONS) if (files.has(base + ext)) return { kind: 'file', file: base + ext };
  return { kind: 'unresolved', reason: `no file ${base}` };
}

function inPath(file: string, entry: string): boolean {
  return entry.endsWith('/') ? file.startsWith(entry) : file === entry;
}

/** The first layer of the table that holds the file: an exception listed before its folder wins. */
export function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  return layers.find((l) => l.files.some((entry) => inPath(file, entry)));
}

function allowed(layer: Layer, target: Target): boolean {
  if (target.kind === 'file') return layer.mayImport.some((entry) => inPath(target.file, entry));
  if (target.kind === 'package') return layer.packages.includes(target.name);
  return false;
}

function targetText(target: Target): string {
  if (target.kind === 'file') return target.file;
  if (target.kind === 'package') return `package ${target.name}`;
  return `unresolved (${target.reason})`;
}

/** Every import of the tree (root-relative path → source text) that its file's layer does not allow. */
export function checkLayers(tree: ReadonlyMap<string, string>, layers: readonly Layer[]): Violation[] {
  const files = new Set(tree.keys());
  const violations: Violation[] = [];
  for (const [file, text] of [...tree].sort(([a], [b]) => a.localeCompare(b))) {
    const layer = layerOf(file, layers);
    const sites = importsOf(file, text);
    if (!layer) {
      // A file no layer holds has no rules, so it is itself the finding (a new folder must join the table).
      violations.push({ file, line: 1, specifier: '', layer: null, target: 'belongs to no layer' });
      continue;
    }
    for (const site of sites) {
      const target = resolve(file, site.specifier, files);
      if (!allowed(layer, target)) violations.push({ file, line: site.line, specifier: site.specifier, layer: layer.name, target: targetText(target) });
    }
  }
  return violations;
}

/** One line per violation, naming file, line, the import as written and where it points. */
export function violationText(v: Violation): string {
  if (v.layer === null) return `${v.file}: belongs to no layer of the table`;
  return `${v.file}:${v.line} (${v.layer}) imports '${v.specifier}' → ${v.target}`;
}

/** The TypeScript sources under `dir` of `root`, keyed by their root-relative `/`-separated path. */
export function readTree(root: string, dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (/\.tsx?$/.test(entry.name)) tree.set(child, fs.readFileSync(path.join(root, child), 'utf8'));
    }
  };
  walk(dir);
  return tree;
}
