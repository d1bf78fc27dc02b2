/** Office's display language → the pane's: any Chinese UI gets Chinese, everything else English. */
import type { Lang } from '../core/i18n';

export function paneLang(displayLanguage: string | undefined): Lang {
  return /^zh(-|_|$)/i.test(displayLanguage ?? '') ? 'zh-CN' : 'en-US';
}
