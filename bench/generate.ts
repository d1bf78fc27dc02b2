/**
 * Generated responsibility tables for benchmarks: the layout of seed 000 (title, header, tasks of
 * four quarterly nodes, category and weight per task) repeated to the wanted number of node rows.
 * Node rows continue their task with blank cells; `generateXlsx` can merge each task's cells over
 * them instead (the normal layout), written into the package directly, because ExcelJS checks each
 * new merge against all earlier ones and would make writing 100k rows quadratic.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const CATEGORIES = ['区委区政府重点工作', '民生实事', '职能工作', '党建工作'];
const OWNERS = ['陆伟明 87730990', '罗志敏 87709456', '范子健 87752246', '梁玉勤 87709465'];
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];
const DUE = ['2018.03.31', '2018.06.30', '2018.09.30', '2018.12.31'];

export function generateWorkbook(nodeRows: number, nodesPerTask = 4): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['区卫生计生局 单位2018年度绩效目标任务责任分解表']);
  ws.mergeCells(1, 1, 1, 10);
  ws.addRow(['工作类别', '序号', '工作任务/职能工作', '年度目标', '工作目标节点分解', '衡量节点任务完成的标准', '节点完成期限',
    '是否为牵头单位', '责任人及联系电话', '权重设置']);
  const tasks = Math.ceil(nodeRows / nodesPerTask);
  let written = 0;
  for (let t = 0; t < tasks && written < nodeRows; t++) {
    for (let n = 0; n < nodesPerTask && written < nodeRows; n++, written++) {
      const q = n % 4;
      const node = `${QUARTERS[q]}完成第${t + 1}项任务的第${n + 1}个节点工作。`;
      const criteria = `完成第${t + 1}项任务第${n + 1}个节点。`;
      ws.addRow(
        n === 0
          ? [CATEGORIES[Math.floor(t / 25) % CATEGORIES.length], t + 1, `${t + 1}. 推进第${t + 1}项重点工作。`,
              `全年完成第${t + 1}项工作的建设目标。`, node, criteria, DUE[q], '是', OWNERS[t % OWNERS.length], 10]
          : [null, null, null, null, node, criteria, DUE[q], null, null, null],
      );
    }
  }
  return wb;
}

/** The task columns merged over a task's node rows: category, number, task, goal, lead, owner, weight. */
const MERGED_COLUMNS = ['A', 'B', 'C', 'D', 'H', 'I', 'J'];

/** The merges of `generateWorkbook`'s table with each task's cells merged over its node rows. */
export function taskMerges(nodeRows: number, nodesPerTask = 4): string[] {
  const out: string[] = [];
  for (let top = 3; top < 3 + nodeRows; top += nodesPerTask) {
    const bottom = Math.min(top + nodesPerTask - 1, 2 + nodeRows);
    if (bottom > top) for (const c of MERGED_COLUMNS) out.push(`${c}${top}:${c}${bottom}`);
  }
  return out;
}

/** `generateWorkbook` as .xlsx bytes; `merged`: task cells merged over their node rows. */
export async function generateXlsx(nodeRows: number, o: { merged?: boolean; nodesPerTask?: number } = {}): Promise<Uint8Array> {
  const per = o.nodesPerTask ?? 4;
  const bytes = new Uint8Array(await generateWorkbook(nodeRows, per).xlsx.writeBuffer());
  if (!o.merged) return bytes;
  const files = unzipSync(bytes);
  const part = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(files[part] as Uint8Array);
  const refs = ['A1:J1', ...taskMerges(nodeRows, per)];
  const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
  const replaced = xml.replace(/<mergeCells[^>]*>.*?<\/mergeCells>/s, merges);
  if (replaced === xml) throw new Error(`${part}: no mergeCells element to replace`);
  files[part] = strToU8(replaced);
  return zipSync(files, { level: 6 });
}
