/**
 * The Excel API requirement sets the Office.js host uses, checked at run time through one injectable
 * function, so that an older Excel degrades (a slower path in the same batch) instead of failing
 * in the middle of a batch, and says clearly what is missing when it cannot.
 */
import { t, type Lang, type MessageKey } from '../../core/i18n';

export type IsSetSupported = (name: string, version: string) => boolean;

export interface Requirement {
  set: 'ExcelApi';
  version: string;
  /** What needs it. */
  uses: string;
  /** Without it the host cannot work at all; otherwise it takes a slower path. */
  required: boolean;
}

/** For the manifest: the minimum is the highest required version. */
export const EXCEL_REQUIREMENTS: readonly Requirement[] = [
  { set: 'ExcelApi', version: '1.8', uses: 'used ranges or null objects, custom conditional formats, data validation, defined names, very hidden sheets', required: true },
  { set: 'ExcelApi', version: '1.9', uses: 'RangeAreas for fills, bold and dropdowns; cell, row and column properties (hidden rows and columns, formats of many cells in one load)', required: false },
  { set: 'ExcelApi', version: '1.13', uses: 'merged areas of a used range', required: false },
  { set: 'ExcelApi', version: '1.18', uses: 'selecting several areas at once (all cells of a rule)', required: false },
  { set: 'ExcelApi', version: '1.20', uses: 'one step of Excel’s undo for a whole apply, revert or fix (Excel.run’s mergeUndoGroup)', required: false },
];

/**
 * What manifest.xml asks for (test/hosts/excel-api-sets.test.ts ties them). It is above the host's
 * own required 1.8: the builds it turns away show add-ins in IE 11 or EdgeHTML webviews, where the
 * pane's bundle cannot parse and no message could be shown (see the manifest's comment).
 */
export const EXCEL_MINIMUM = { name: 'ExcelApi', minVersion: '1.9' } as const;

export interface Capabilities {
  /** RangeAreas (`getRanges`), `getCellProperties`, `getRowProperties`, `getColumnProperties`. */
  areas: boolean;
  merges: boolean;
  /** `RangeAreas.select`: several areas selected at once. */
  selectAreas?: boolean;
  /** `Excel.run({ mergeUndoGroup: true }, …)`: every sync of one run is one step of Excel's undo. */
  undoGroup?: boolean;
}

/** Asks Office itself; outside Office (tests, the workbench) nothing is supported. */
export const officeIsSetSupported: IsSetSupported = (name, version) => {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } } } }).Office;
  return office?.context?.requirements?.isSetSupported(name, version) ?? false;
};

export class HostError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    /** Parameters that are themselves message keys, translated with the message. */
    readonly keyParams: Record<string, MessageKey> = {},
  ) {
    super(t('en-US', key, { ...params, ...translate('en-US', keyParams) }));
  }

  format(lang: Lang): string {
    return t(lang, this.key, { ...this.params, ...translate(lang, this.keyParams) });
  }
}

function translate(lang: Lang, keys: Record<string, MessageKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, t(lang, v)]));
}

export function capabilities(isSupported: IsSetSupported, feature: MessageKey): Capabilities {
  for (const r of EXCEL_REQUIREMENTS) {
    if (r.required && !isSupported(r.set, r.version)) throw new HostError('host.requirement-missing', { version: r.version }, { feature });
  }
  return { areas: isSupported('ExcelApi', '1.9'), merges: isSupported('ExcelApi', '1.13'), selectAreas: isSupported('ExcelApi', '1.18'), undoGroup: isSupported('ExcelApi', '1.20') };
}
