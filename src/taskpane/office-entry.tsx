/// <reference types="office-js" />
/**
 * The add-in's task pane in Excel: once Office is ready, the pane runs over the Office.js host in
 * the user's display language, with today's date from the user's own clock.
 */
import { createRoot } from 'react-dom/client';
import { ExcelWorkbookHost, type ExcelRun } from '../hosts/excel';
import { App } from './App';
import { paneLang } from './office-lang';
import { OutsideExcel } from './OutsideExcel';
import { localIsoDate } from '../core/dates/today';

const run: ExcelRun = (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch));

/** The workbook's name names the report; an Excel that cannot say it gets the file name from its URL. */
async function workbookName(): Promise<string> {
  try {
    return await run(async (context) => {
      const wb = context.workbook;
      wb.load('name');
      await context.sync();
      return wb.name;
    });
  } catch {
    const last = (Office.context.document?.url ?? '').split(/[\\/]/).pop() ?? '';
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  }
}

void Office.onReady(async (info) => {
  const mount = document.getElementById('root');
  if (!mount) return;
  const lang = paneLang(Office.context?.displayLanguage);
  const root = createRoot(mount);
  if (info.host !== Office.HostType.Excel) {
    root.render(<OutsideExcel lang={lang} />);
    return;
  }
  const host = new ExcelWorkbookHost(run, await workbookName());
  root.render(<App host={host} lang={lang} today={localIsoDate()} />);
});
