/// <reference types="office-js" />
/**
 * A deliberately unguarded ExcelApi 1.13 call, for test/hosts/excel-api-sets.test.ts: the check must
 * flag the first function and pass the second, whose call sits under a capability flag.
 */
export function unguarded(range: Excel.Range): Excel.RangeAreas {
  return range.getMergedAreasOrNullObject();
}

export function guarded(range: Excel.Range, caps: { merges: boolean }): Excel.RangeAreas | null {
  return caps.merges ? range.getMergedAreasOrNullObject() : null;
}
