/**
 * Whether a formula reaches outside the workbook: another program (DDE `cmd|' /C calc'!A0`), another
 * file (`[1]Sheet1!A1`, `'C:\x\[a.xlsx]S'!A1`), an address on the network (HYPERLINK, WEBSERVICE…),
 * or code (CALL, REGISTER, an XLL's `_xll.` function). A journal read from a workbook may only put
 * back formulas that reach nowhere: it proves its own consistency, not who wrote it.
 */

/** Functions that call out of the workbook or run code; `_xlfn.` and `_xlws.` prefixes are taken off first. */
export const OUTSIDE_FUNCTIONS: ReadonlySet<string> = new Set([
  'HYPERLINK', 'WEBSERVICE', 'FILTERXML', 'ENCODEURL', 'RTD', 'CALL', 'REGISTER', 'REGISTER.ID', 'UNREGISTER',
  'EXEC', 'EXECUTE', 'DDE', 'DDEAUTO', 'INITIATE', 'REQUEST', 'POKE', 'EVALUATE', 'RUN', 'FOPEN', 'FWRITE',
  'FWRITELN', 'FREAD', 'FREADLN', 'FCLOSE', 'FILES', 'DIRECTORY', 'INFO', 'IMAGE', 'STOCKHISTORY', 'IMPORTDATA',
  'IMPORTXML', 'IMPORTHTML', 'IMPORTFEED', 'IMPORTRANGE', 'CUBEKPIMEMBER', 'CUBEMEMBER', 'CUBEMEMBERPROPERTY',
  'CUBERANKEDMEMBER', 'CUBESET', 'CUBESETCOUNT', 'CUBEVALUE', 'SQL.REQUEST', 'PY',
]);

/** The formula with its string literals blanked, so that words inside quotes are not read as calls. */
function withoutStrings(f: string): string {
  return f.replace(/"(?:[^"]|"")*"/g, '""');
}

/** The part of a formula that reaches outside, or null when none does. */
export function outsideReach(formula: string): string | null {
  const f = withoutStrings(formula);
  // DDE: program|topic!item.
  const dde = /[^\s(),;]*\|/.exec(f);
  if (dde) return dde[0];
  // External workbooks: an index `[1]`, or a bracketed file name before a sheet or name, quoted or not.
  const external = /'[^']*[[\]\\/:][^']*'!|\[[^\]]*\][^\s(),;+\-*/&=<>^%[\]]*!|\[\d+\]/.exec(f);
  if (external) return external[0];
  if (/_xll\./i.test(f)) return '_xll.';
  for (const m of f.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) {
    const name = (m[1] as string).toUpperCase().replace(/^(?:_XLFN\.|_XLWS\.)+/, '');
    if (OUTSIDE_FUNCTIONS.has(name)) return `${m[1]}(`;
  }
  return null;
}
