import ExcelJS from 'exceljs';

export type Cells = (string | number | null)[];

export const FRAMEWORK_HEADER = ['指标编码*', '指标名称*', '类别*', '分值*', '评分方法', '方法参数', '评分细则', '佐证材料'];

/**
 * Writes a framework workbook the way a user fills it: sheet 指标体系 with the
 * header in row 1 and one indicator per row; optionally a 框架信息 sheet.
 */
export async function writeFrameworkWorkbook(
  file: string,
  rows: Cells[],
  options: { header?: string[]; info?: [string, string][] } = {},
) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('指标体系');
  sheet.addRow(options.header ?? FRAMEWORK_HEADER);
  for (const row of rows) sheet.addRow(row);
  if (options.info) {
    const info = wb.addWorksheet('框架信息');
    for (const row of options.info) info.addRow(row);
  }
  await wb.xlsx.writeFile(file);
}

/** A small framework that passes every check: 100 base points and a bonus item. */
export const SMALL_FRAMEWORK: Cells[] = [
  ['1', '党的建设', '党建', 40, null, null, '党建工作总体情况', null],
  ['1.1', '三会一课', '党建', 20, '扣分', '每次0.5', '每缺 1 次扣 0.5 分', '会议记录'],
  ['1.2', '思想政治工作', '党建', 20, '等次', '好=1,较好=0.8,一般=0.6,差=0', null, null],
  ['2', '生产经营', '业务', 60, null, null, null, null],
  ['2.1', '产量完成率', '业务', 40, '定量', '越高越好,零分线0.8,超额20%', null, '生产月报'],
  ['2.2', '安全生产', '融合', 20, '打分', '步长0.5', null, null],
  ['3', '加分项', '融合', 3, '加分', '每项1', null, null],
  ['4', '重大事故', '业务', 0, '一票否决', '最高等次一般', null, null],
];
