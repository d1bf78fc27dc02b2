/** Reading and editing a workbook as a unit's clerk would, in ExcelJS: for the split and collect tests. */
import ExcelJS from 'exceljs';

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Types `cells` into `sheet` of `file` and saves it; `unprotect` first lifts the sheet's protection (a clerk editing a locked cell). */
export async function edit(file: string, sheet: string, cells: Record<string, string>, unprotect = false): Promise<void> {
  const wb = await load(file);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  if (unprotect) ws.unprotect();
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  await wb.xlsx.writeFile(file);
}
