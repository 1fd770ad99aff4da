/**
 * Issue 11 §9: a whole period run headless from an empty data folder —
 * branches, framework, period, the panel (评委名单), a rater's PIN, the
 * period's settings, scoring, review and the results — with the CLI only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, cliWith } from '../helpers/cli';
import { SMALL_FRAMEWORK } from '../helpers/framework-workbooks';
import { tempDir } from '../helpers/tmp';

type Cell = string | number | null;

/** Writes rows from row 2 of a workbook's first sheet (a template the CLI wrote). */
async function fillRows(file: string, rows: Cell[][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0]!;
  rows.forEach((row, i) => row.forEach((v, j) => (sheet.getCell(i + 2, j + 1).value = v)));
  await wb.xlsx.writeFile(file);
}

describe('CLI: a whole period without the window', () => {
  it('sets up branches, framework, period, panel, PIN and settings, then scores, reviews and computes', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const run = (...args: string[]) => cli(...args, '--data-dir', data);

    // 党支部 and 指标体系 from their templates.
    const branches = path.join(dir, '党支部.xlsx');
    expect((await run('branches', 'template', branches)).code).toBe(0);
    await fillRows(branches, [
      ['HG-01', '化工一厂第一党支部'],
      ['HG-02', '化工一厂第二党支部'],
    ]);
    expect(await run('branches', 'import', branches)).toMatchObject({ code: 0, out: '已导入 党支部.xlsx：新增 2 个，更新 0 个' });
    const framework = path.join(dir, '指标体系.xlsx');
    expect((await run('framework', 'template', framework)).code).toBe(0);
    await fillRows(framework, SMALL_FRAMEWORK);
    expect((await run('framework', 'import', framework, '--name', '2026 年度考评')).code).toBe(0);
    expect(await run('period', 'create', '--name', '2026年度', '--framework', '1', '--year', '2026')).toMatchObject({ code: 0, out: expect.stringContaining('已新建考核周期 1“2026年度”：2 个党支部') });

    // The panel: an empty template, filled; a bad file first, refused whole.
    expect(await run('panel', 'list', '--period', '1')).toMatchObject({ code: 0, out: '本周期还没有评委组和评委' });
    const panel = path.join(dir, '评委名单.xlsx');
    expect(await run('panel', 'template', panel, '--period', '1')).toMatchObject({ code: 0, out: `已写出评委名单（0 位评委）到 ${panel}` });
    await fillRows(panel, [
      [null, '考评组', 0.7, '王建国', '党委书记', null, null, null],
      [null, '考评组', 0.6, '李敏', '纪委书记', 'HG-02', null, null],
      [null, '职工代表组', 0.3, '张海燕', '职工代表', null, 'HG-01', null],
    ]);
    expect(await run('panel', 'import', panel, '--period', '1')).toEqual({
      code: 1,
      out: '',
      err: [
        '错误：“评委名单.xlsx”中有 2 处错误，未导入任何数据',
        '  - 第 3 行，C 列（组权重）：评委组“考评组”在第 2 行的权重是 0.7，这里是 0.6；同一评委组只能有一个权重',
        '  - 第 4 行，H 列（回避原因）：填写了回避支部，必须写明回避原因',
      ].join('\n'),
    });
    expect((await run('panel', 'list', '--period', '1')).out).toBe('本周期还没有评委组和评委');
    await fillRows(panel, [
      [null, '考评组', 0.7, '王建国', '党委书记', null, null, null],
      [null, '考评组', 0.7, '李敏', '纪委书记', 'HG-02', null, null],
      [null, '职工代表组', 0.3, '张海燕', '职工代表', null, 'HG-01', '亲属在该支部'],
    ]);
    expect(await run('panel', 'import', panel, '--period', '1')).toEqual({
      code: 0,
      out: '已导入 评委名单.xlsx：新建评委组 2 个，更新 0 个；新增评委 3 位，更新 0 位，0 位未变',
      err: '',
    });

    // Rater ids from the listing; a PIN for one of them.
    const listed = JSON.parse((await run('panel', 'list', '--period', '1', '--json')).out) as {
      groups: { name: string; weight: number; raters: number }[];
      raters: { id: number; name: string; group: string; branchCode: string | null; hasPin: boolean; recusals: { branchCode: string; reason: string }[] }[];
    };
    expect(listed.groups).toEqual([
      { id: expect.any(Number), name: '考评组', weight: 0.7, combine: null, trimMinRaters: null, scope: [], scopeInWords: '全部指标', raters: 2 },
      { id: expect.any(Number), name: '职工代表组', weight: 0.3, combine: null, trimMinRaters: null, scope: [], scopeInWords: '全部指标', raters: 1 },
    ]);
    const rater = (name: string) => listed.raters.find((r) => r.name === name)!;
    expect(rater('李敏')).toMatchObject({ group: '考评组', branchCode: 'HG-02', hasPin: false, recusals: [{ branchCode: 'HG-02', reason: '本支部成员' }] });
    expect(rater('张海燕').recusals).toEqual([{ branchCode: 'HG-01', reason: '亲属在该支部' }]);
    const wang = String(rater('王建国').id);
    expect(await cliWith({ input: '2468\n' }, 'pin', 'rater', '--period', '1', '--rater', wang, '--data-dir', data)).toMatchObject({ code: 0 });
    const table = (await run('panel', 'list', '--period', '1')).out.split('\n');
    expect(table[0]).toMatch(/^评委组\s+权重\s+评委数\s+组内汇总\s+去极值最少人数\s+评分范围$/);
    expect(table[2]).toMatch(/^考评组\s+0\.7\s+2\s+沿用周期设置\s+沿用周期设置\s+全部指标$/);
    expect(table).toContainEqual(expect.stringMatching(new RegExp(`^${wang}\\s+王建国\\s+考评组\\s+党委书记\\s+已设\\s*$`)));
    expect(table).toContainEqual(expect.stringMatching(/^\d+\s+张海燕\s+职工代表组\s+职工代表\s+未设\s+HG-01（亲属在该支部）\s*$/));
    expect(table.at(-1)).toBe('共 2 个评委组，3 位评委');

    // Settings: shown as JSON, refused with every field named, then replaced.
    expect(JSON.parse((await run('period', 'settings', '--period', '1')).out)).toMatchObject({ combine: 'trimmed', trimMinRaters: 5, bonusCap: 5 });
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ trimMinRaters: 2, grades: [{ label: '优秀', min: 90 }, { label: '优秀', min: 0 }] }));
    const refused = await run('period', 'settings', '--period', '1', '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')).toEqual([
      '错误：设置文件“bad.json”中有 2 处错误，设置没有修改',
      expect.stringMatching(/^ {2}- trimMinRaters：.+3/),
      expect.stringMatching(/^ {2}- grades\[1\]\.label：.*等次名称不能重复/),
    ]);
    writeFileSync(bad, '{ combine: mean');
    expect(await run('period', 'settings', '--period', '1', '--file', bad)).toMatchObject({ code: 1, err: expect.stringMatching(/^错误：无法读取设置文件“bad\.json”：不是有效的 JSON/) });
    expect(JSON.parse((await run('period', 'settings', '--period', '1')).out)).toMatchObject({ trimMinRaters: 5, bonusCap: 5 });
    const good = path.join(dir, '设置.json');
    writeFileSync(good, JSON.stringify({ combine: 'mean', bonusCap: 3 }));
    expect(await run('period', 'settings', '--period', '1', '--file', good)).toEqual({ code: 0, out: '已替换考核周期 1“2026年度”的设置', err: '' });
    expect(JSON.parse((await run('period', 'settings', '--period', '1')).out)).toMatchObject({ combine: 'mean', bonusCap: 3, trimMinRaters: 5 });

    // Scoring: 王建国's sheet, one score, imported; then review and the results.
    expect(await run('period', 'advance', '--period', '1', '--to', 'scoring')).toMatchObject({ code: 0 });
    const sheet = path.join(dir, '王建国.xlsx');
    expect(await run('scores', 'template', sheet, '--period', '1', '--rater', wang)).toMatchObject({ code: 0, out: expect.stringMatching(/^已写出评委“王建国”的评分表/) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const scores = wb.getWorksheet('评分')!;
    let row = 2;
    while (!String(scores.getCell(`D${row}`).value).startsWith('打分')) row++;
    scores.getCell(`E${row}`).value = 18;
    await wb.xlsx.writeFile(sheet);
    expect(await run('scores', 'import', sheet, '--period', '1')).toMatchObject({ code: 0, out: expect.stringMatching(/^已导入 王建国\.xlsx（评委“王建国”）：保存 1 条评分/) });
    expect(await run('period', 'advance', '--period', '1', '--to', 'review', '--override', '其余评分在纸质表上，另行录入')).toMatchObject({ code: 0, out: expect.stringContaining('评审中') });
    const computed = await run('compute', '--period', '1');
    expect(computed.code).toBe(0);
    expect(computed.out.split('\n').filter((l) => /^\d+\s+HG-0\d/.test(l))).toHaveLength(2);

    // Once scored, 王建国 cannot be recused from the branch he scored: the import says where, and changes nothing.
    expect(await run('panel', 'template', panel, '--period', '1', '--force')).toMatchObject({ code: 0, out: `已写出评委名单（3 位评委）到 ${panel}` });
    const firstBranch = String(scores.getCell('E1').value).split('\n')[0]!;
    await fillRows(panel, [[Number(wang), '考评组', 0.7, '王建国', '党委书记', firstBranch, null, null]]);
    expect(await run('panel', 'import', panel, '--period', '1')).toMatchObject({ code: 1, err: expect.stringContaining('第 2 行，F 列（所在支部编码）：王建国已为') });
  });

  it('refuses a wrong command line with the usage (exit 2)', async () => {
    const data = tempDir();
    expect(await cli('panel', 'list', '--data-dir', data)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --period') });
    expect(await cli('panel', 'import', '--period', '1', '--data-dir', data)).toMatchObject({ code: 2, err: expect.stringContaining('“panel import”需要一个文件路径') });
    expect(await cli('panel', 'frobnicate', '--data-dir', data)).toMatchObject({ code: 2, err: expect.stringContaining('未知命令“panel frobnicate”') });
    expect(await cli('period', 'settings', '--period', '9', '--data-dir', data)).toMatchObject({ code: 1, err: expect.stringContaining('找不到这个考核周期') });
  });
});
