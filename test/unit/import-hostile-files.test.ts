/**
 * Malformed and hostile workbooks, through the real imports: each is refused
 * with a message that says what is wrong (and the limit it passed), and the
 * database is exactly as it was — every table, every row.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../electron/db';
import { checkWorkbookFile, IMPORT_LIMITS } from '../../electron/services/xlsx-guard';
import { editSheetXml, manyRows, zipBomb } from '../helpers/hostile-workbooks';
import { periodSetup } from '../helpers/period-setup';
import { tempDir, tempServices } from '../helpers/tmp';
import { writeBranchesWorkbook } from '../helpers/workbooks';

/** Every row of every table: what “nothing changed” is checked against. */
function snapshot(db: Database): Record<string, unknown[]> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}

type Value = ExcelJS.CellValue;
/** A formula cell as a script writes it (no result) or as Excel saves it (with its result). */
const formula = (f: string, result?: number) => ({ formula: f, ...(result === undefined ? {} : { result }) }) as unknown as Value;

/** Sets cells of one sheet of an existing workbook, and merges ranges, as a user (or a script) would. */
async function edit(file: string, sheetName: string, cells: Record<string, Value>, merges: string[] = []) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet(sheetName)!;
  for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  for (const range of merges) sheet.mergeCells(range);
  await wb.xlsx.writeFile(file);
}

/** A branches service with two branches, and a branches workbook that would import fine. */
async function branchesSetup() {
  const dir = tempDir();
  const services = tempServices();
  for (const [code, name] of [['HG-01', '化工一厂第一党支部'], ['HG-02', '化工一厂第二党支部']] as const) {
    const r = await services.invoke('branches.create', { code, name });
    if (!r.ok) throw new Error(r.error.message);
  }
  const good = path.join(dir, '党支部.xlsx');
  await writeBranchesWorkbook(good, [
    ['HG-01', '化工一厂第一党支部（改）', '化工一厂', '张三', 30, null],
    ['GD-01', '供电公司变电运维党支部', '供电公司', '李四', 25, null],
  ]);
  return { dir, services, invoke: services.invoke, db: services.ctx.db, good };
}

describe('imports are bounded: files too large to read are refused before they are parsed', () => {
  it('a zip bomb (a 1.4 MB file whose sheet inflates to 300 MB, its declared size a lie) is refused quickly, naming the part and the limit', async () => {
    const { dir, invoke, db, good } = await branchesSetup();
    const bomb = path.join(dir, 'bomb.xlsx');
    await zipBomb(good, bomb, { inflatedMB: 300, declaredSize: 2000 });
    const before = snapshot(db);
    const started = performance.now();
    for (const method of ['branches.previewImport', 'branches.import'] as const) {
      expect(await invoke(method, { path: bomb })).toEqual({
        ok: false,
        error: {
          code: 'validation',
          message: `文件“bomb.xlsx”中的“xl/worksheets/sheet1.xml”解压后超过 ${IMPORT_LIMITS.partBytes / 1024 / 1024} MB（导入上限），未导入任何数据。文件可能已损坏，或不是融评的导入表格`,
        },
      });
    }
    expect(performance.now() - started).toBeLessThan(5000); // was 30 s and 2.9 GB
    expect(snapshot(db)).toEqual(before);
  });

  it('a part declared larger than the limit is refused too', async () => {
    const { dir, invoke, good } = await branchesSetup();
    const bomb = path.join(dir, 'honest-bomb.xlsx');
    await zipBomb(good, bomb, { inflatedMB: 70 });
    const r = await invoke('branches.import', { path: bomb });
    expect(!r.ok && r.error.message).toContain('“xl/worksheets/sheet1.xml”解压后超过 60 MB（导入上限）');
  });

  it('a sheet with 100,000 rows is refused with the count and the limit, and the database is unchanged', async () => {
    const { dir, invoke, db, good } = await branchesSetup();
    const huge = path.join(dir, '十万行.xlsx');
    await manyRows(good, huge, 100_000);
    const before = snapshot(db);
    expect(await invoke('branches.import', { path: huge })).toEqual({
      ok: false,
      error: { code: 'validation', message: '文件“十万行.xlsx”的工作表“党支部”有 100001 行，超过上限 80000 行，未导入任何数据。请只保留需要导入的行' },
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('a sheet of exactly the row limit passes the checks (the limit is not off by one)', async () => {
    const { dir, good } = await branchesSetup();
    const file = path.join(dir, 'limit.xlsx');
    await manyRows(good, file, IMPORT_LIMITS.rowsPerSheet - 1, 2); // and the header row
    await expect(checkWorkbookFile(file, 'limit.xlsx')).resolves.toMatchObject({ sheets: [{ name: '党支部', merges: [] }] });
  });

  it('a sheet within the row limit but with too many cells is refused with the limit', async () => {
    const { dir, invoke, db, good } = await branchesSetup();
    const wide = path.join(dir, 'wide.xlsx');
    await manyRows(good, wide, 40_000, 26);
    const before = snapshot(db);
    expect(await invoke('branches.import', { path: wide })).toEqual({
      ok: false,
      error: { code: 'validation', message: '文件“wide.xlsx”的单元格超过 1000000 个（导入上限），未导入任何数据。请只保留需要导入的行和列' },
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const { dir, invoke, db } = await branchesSetup();
    const big = path.join(dir, 'big.xlsx');
    await writeFile(big, Buffer.alloc(31 * 1024 * 1024));
    const before = snapshot(db);
    expect(await invoke('branches.import', { path: big })).toEqual({
      ok: false,
      error: { code: 'validation', message: '文件“big.xlsx”有 31 MB，超过导入上限 30 MB，未导入任何数据。融评的导入表格通常只有几 MB，请确认选择的文件' },
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('a zip whose local header names another part than its directory says is refused (what is checked is what is read)', async () => {
    const { dir, invoke, db, good } = await branchesSetup();
    const forged = path.join(dir, 'forged.xlsx');
    const bytes = await readFile(good);
    const at = bytes.indexOf('xl/worksheets/sheet1.xml'); // the local header comes first, the directory at the end
    bytes.write('xl/worksheets/sheet9.xml', at);
    await writeFile(forged, bytes);
    const before = snapshot(db);
    expect(await invoke('branches.import', { path: forged })).toMatchObject({ ok: false, error: { message: '无法读取“forged.xlsx”：它不是有效的 Excel（.xlsx）文件' } });
    expect(snapshot(db)).toEqual(before);
  });

  it('a workbook in another legitimate layout — streamed, no shared strings, data descriptors — still imports', async () => {
    const { dir, invoke } = await branchesSetup();
    const file = path.join(dir, '流式.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const help = wb.addWorksheet('说明');
    help.addRow(['先写的一张说明表']).commit();
    help.commit();
    const sheet = wb.addWorksheet('党支部');
    sheet.addRow(['支部编码*', '支部名称*', '所属单位', '支部书记', '党员人数', '备注']).commit();
    sheet.addRow(['HG-03', '化工一厂第三党支部', '化工一厂', '王五', 18, null]).commit();
    sheet.commit();
    await wb.commit();
    expect(await invoke('branches.import', { path: file })).toEqual({ ok: true, value: { file: '流式.xlsx', created: 1, updated: 0 } });
  });

  it('a file that is not a zip at all is still “not a valid Excel file”', async () => {
    const { dir, invoke } = await branchesSetup();
    const csv = path.join(dir, 'branches.xlsx');
    await writeFile(csv, '支部编码,支部名称\nHG-03,第三支部\n');
    expect(await invoke('branches.import', { path: csv })).toMatchObject({ ok: false, error: { message: '无法读取“branches.xlsx”：它不是有效的 Excel（.xlsx）文件' } });
  });
});

describe('cells that are not what they seem are refused, located, and nothing is written', () => {
  it('formulas without a saved result (a script wrote the file) refuse the rater’s workbook, naming the cells and the fix', async () => {
    const { invoke, db, periodId, r1, dir } = await periodSetup();
    const file = path.join(dir, '王建国.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    // Half the scores typed, half computed by a script that never calculated them.
    await edit(file, '评分', { E3: '较好', E4: 8.5, F4: formula('E4'), E5: formula('9*2'), F5: formula('9*2') });
    const before = snapshot(db);
    const message = '“评分”工作表 F4、E5、F5 是公式，但文件中没有保存计算结果（文件多半由程序写出），按空白导入会丢失数据。请在 Excel 或 WPS 中打开并保存后再导入';
    const preview = await invoke('scores.previewImport', { periodId, path: file });
    expect(preview.ok && preview.value.errors).toEqual([{ row: 4, column: 'F', message }]);
    expect(preview.ok && preview.value.entries.map((e) => `${e.column}${e.row}`)).toEqual(['E3', 'E4']);
    expect(await invoke('scores.import', { periodId, path: file })).toEqual({
      ok: false,
      error: { code: 'validation', message: '“王建国.xlsx”中有 1 处错误，未导入任何数据', details: [{ row: 4, column: 'F', message }] },
    });
    expect(snapshot(db)).toEqual(before);

    // Opened and saved in Excel, the results are there: the same workbook imports every score.
    await edit(file, '评分', { F4: formula('E4', 8.5), E5: formula('9*2', 18), F5: formula('9*2', 18) });
    expect(await invoke('scores.import', { periodId, path: file })).toMatchObject({ ok: true, value: { saved: 5 } });
  });

  it('the empty saved value openpyxl writes (<v></v>) is no result either', async () => {
    const { invoke, db, periodId, r1, dir } = await periodSetup();
    const file = path.join(dir, 'w.xlsx');
    const scripted = path.join(dir, 'openpyxl.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await edit(file, '评分', { E4: 8, F4: formula('E4') });
    let edited = '';
    await editSheetXml(file, scripted, (xml) => (edited = xml.replace(/(<f>[^<]*<\/f>)(?!<v>)/g, '$1<v></v>')));
    expect(edited).toContain('<f>E4</f><v></v>');
    const before = snapshot(db);
    const r = await invoke('scores.import', { periodId, path: scripted });
    expect(!r.ok && r.error.details?.map((d) => d.message)).toEqual([expect.stringContaining('“评分”工作表 F4 是公式，但文件中没有保存计算结果')]);
    expect(snapshot(db)).toEqual(before);
  });

  it('error values (#DIV/0!, #N/A), typed or computed, are refused rather than read as blanks', async () => {
    const { invoke, db, periodId, r1, dir } = await periodSetup();
    const file = path.join(dir, '王建国.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await edit(file, '评分', { E3: '较好', E4: { formula: '8/0', result: { error: '#DIV/0!' } }, F4: { error: '#N/A' } } as unknown as Record<string, Value>);
    const before = snapshot(db);
    expect(await invoke('scores.import', { periodId, path: file })).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: '“王建国.xlsx”中有 1 处错误，未导入任何数据',
        details: [{ row: 4, column: 'E', message: '“评分”工作表 E4、F4 的值是错误值（如 #DIV/0!、#N/A），按空白导入会丢失数据。请改正公式或直接填写数值后再导入' }],
      },
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('a merged range in a rater’s workbook (one score spread over two branches) is refused, naming the range', async () => {
    const { invoke, db, periodId, r1, dir } = await periodSetup();
    const file = path.join(dir, '王建国.xlsx');
    await invoke('scores.writeTemplate', { periodId, raterId: r1, path: file });
    await edit(file, '评分', { E4: 8, E3: '较好' }, ['E4:F4']);
    const before = snapshot(db);
    const r = await invoke('scores.import', { periodId, path: file });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: '“王建国.xlsx”中有 1 处错误，未导入任何数据',
        details: [{ row: 4, column: 'E', message: '“评分”工作表 E4:F4 是合并单元格，合并后只有左上角一格有内容，其余各格的值无法确定。请取消合并，逐格填写后再导入' }],
      },
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('a date typed into a code or text column is refused, not turned into a code like “2026-01-02”', async () => {
    const { dir, invoke, db } = await branchesSetup();
    const file = path.join(dir, '党支部.xlsx');
    await writeBranchesWorkbook(file, [
      ['HG-03', '化工一厂第三党支部', null, null, null, null],
      ['HG-04', '化工二厂党支部', null, null, 12, null],
      ['HG-05', '化工三厂党支部', null, null, null, null],
    ]);
    await edit(file, '党支部', { A3: new Date(Date.UTC(2026, 0, 2)), D4: new Date(Date.UTC(2026, 2, 1)) });
    const before = snapshot(db);
    const r = await invoke('branches.import', { path: file });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: '“党支部.xlsx”中有 1 处错误，未导入任何数据',
        details: [
          {
            row: 3,
            column: 'A',
            message: '“党支部”工作表 A3、D4 是日期（如读出为“2026-01-02”），不是这一列要填的内容；多半是输入时被 Excel 自动转成了日期。请把这些单元格的格式改为“文本”（编码、名称）或“常规”（数字）后重新输入',
          },
        ],
      },
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('a date in a business-data text column is refused the same way, among the import’s own errors', async () => {
    const { invoke, db, periodId, dir } = await periodSetup();
    const file = path.join(dir, '业务数据.xlsx');
    await invoke('measurements.writeTemplate', { periodId, path: file });
    await edit(file, '业务数据', { I2: new Date(Date.UTC(2026, 0, 1)), F2: 100, G2: 95, F3: 100, G3: 'abc' });
    const before = snapshot(db);
    const r = await invoke('measurements.import', { periodId, path: file });
    expect(!r.ok && r.error.details?.map((d) => `${d.column}${d.row} ${d.message}`)).toEqual([
      expect.stringMatching(/^I2 “业务数据”工作表 I2 是日期（如读出为“2026-01-01”）/),
      expect.stringMatching(/^G3 第 3 行，G 列（实际值）：实际值应为数字/),
    ]);
    expect(snapshot(db)).toEqual(before);
  });
});
