/**
 * The workbench page: `workbench.html?sample=seed-003&lang=en-US`. Opens the bundled sample (seed 000
 * unless the URL names another) beside the task pane, in the language the URL asks for (zh-CN else).
 */
import { createRoot } from 'react-dom/client';
import { isLang, type Lang } from '../core/i18n';
import { localIsoDate } from '../core/dates/today';
import { isSampleName } from './document';
import { Workbench } from './Workbench';

const params = new URLSearchParams(window.location.search);
const langParam = params.get('lang');
const lang: Lang = langParam && isLang(langParam) ? langParam : 'zh-CN';
const sampleParam = params.get('sample');
const samples = WORKBENCH_SAMPLES;
const sample = sampleParam && isSampleName(sampleParam) && samples.includes(sampleParam) ? sampleParam : 'seed-000';

document.documentElement.lang = lang;
const root = document.getElementById('root');
if (!root) throw new Error('workbench.html has no #root');
createRoot(root).render(<Workbench initialLang={lang} initialSample={sample} samples={samples} today={localIsoDate()} />);
