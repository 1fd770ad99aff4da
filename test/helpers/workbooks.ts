import ExcelJS from 'exceljs';

/** Writes a branches workbook the way a user fills the template: header row, then one row per branch. */
export async function writeBranchesWorkbook(file: string, rows: (string | number | null)[][], options: { header?: string[] } = {}) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('党支部');
  sheet.addRow(options.header ?? ['支部编码*', '支部名称*', '所属单位', '支部书记', '党员人数', '备注']);
  for (const row of rows) sheet.addRow(row);
  await wb.xlsx.writeFile(file);
}

/** Adds data rows to an existing workbook's first sheet (e.g. the template the app wrote). */
export async function appendRows(file: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0]!;
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      sheet.getCell(2 + i, 1 + j).value = value;
    });
  });
  await wb.xlsx.writeFile(file);
}
