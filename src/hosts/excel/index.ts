export * from './read-grid';
export * from './requirements';
export * from './widths';
export { ExcelWorkbookHost, type ExcelRun, type ExcelRunOptions, type ExcelHostOptions } from './workbook-host';
export { applyPlanExcel } from './apply';
export { revertExcel, loadJournal } from './revert';
