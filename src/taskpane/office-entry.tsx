/// <reference types="office-js" />
/**
 * The add-in's task pane in Excel: once Office is ready, the pane runs over the Office.js host in
 * the user's display language, with today's date from the user's own clock.
 */
import { createRoot } from 'react-dom/client';
import { ExcelWorkbookHost } from '../hosts/excel/host';
import { App } from './App';
import { paneLang } from './office-lang';
import { OutsideExcel } from './OutsideExcel';
import { localIsoDate } from './today';

function batch<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(work);
}

void Office.onReady((info) => {
  const mount = document.getElementById('root');
  if (!mount) return;
  const lang = paneLang(Office.context?.displayLanguage);
  const root = createRoot(mount);
  if (info.host !== Office.HostType.Excel) {
    root.render(<OutsideExcel lang={lang} />);
    return;
  }
  root.render(<App host={new ExcelWorkbookHost(batch)} lang={lang} today={localIsoDate()} />);
});
