/**
 * 分工评分 (issue 11 §6) where the panel is set up: a group's and a rater's 评分范围 saved, listed, copied with the
 * panel and logged in words; refused when a code names no indicator or a rater's lies outside the group's; the
 * 评委名单 workbook's two columns round trip with located errors; 开始评分 refused for a leaf nobody scores.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditValueText } from '../../shared/domain/audit-text';
import { cli } from '../helpers/cli';
import { periodSetup, type PeriodSetup } from '../helpers/period-setup';

type Cell = string | number | null;

async function panelOf(s: PeriodSetup) {
  const panel = await s.invoke('panel.get', { periodId: s.periodId });
  if (!panel.ok) throw new Error(panel.error.message);
  return panel.value;
}

async function groupOf(s: PeriodSetup) {
  return (await panelOf(s)).groups[0]!;
}

/** The panel's audit rows, old and new as logged. */
function panelAudit(s: PeriodSetup) {
  return s.db
    .prepare<[], { action: string; old_json: string | null; new_json: string | null }>("SELECT action, old_json, new_json FROM audit WHERE entity = 'panel' ORDER BY id")
    .all()
    .map((r) => ({ action: r.action, old: r.old_json === null ? null : (JSON.parse(r.old_json) as unknown), new: r.new_json === null ? null : (JSON.parse(r.new_json) as unknown) }));
}

/** The 评委 sheet's cells by header, from row 2. */
async function sheetRows(file: string): Promise<Record<string, Cell>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('评委')!;
  const headers = (sheet.getRow(1).values as Cell[]).slice(1).map(String);
  const rows: Record<string, Cell>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push(Object.fromEntries(headers.map((h, c) => [h, (sheet.getCell(r, c + 1).value as Cell) ?? null])));
  return rows;
}

/** Sets cells by header on data rows (row 2 = index 0). */
async function setCells(file: string, edits: { row: number; header: string; value: Cell }[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('评委')!;
  const headers = (sheet.getRow(1).values as Cell[]).slice(1).map(String);
  for (const e of edits) sheet.getCell(e.row + 2, headers.indexOf(e.header) + 1).value = e.value;
  await wb.xlsx.writeFile(file);
}

describe('分工评分: saving the panel', () => {
  it('saves, lists and replaces a group’s and a rater’s scope; a save without scope means the whole framework', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    expect(g.scope).toEqual([]);
    const saved = await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['2', ' 1.3 ', '2'] });
    expect(saved).toMatchObject({ ok: true, value: { scope: ['2', '1.3'] } });
    const rater = await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: g.id, name: '王建国', scope: ['2.3'] });
    expect(rater).toMatchObject({ ok: true, value: { scope: ['2.3'] } });
    expect((await panelOf(s)).raters.map((r) => r.scope)).toEqual([['2.3'], []]);
    // The form sends the whole rater: without scope it is the whole of the group's again.
    await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: g.id, name: '王建国' });
    expect((await panelOf(s)).raters[0]!.scope).toEqual([]);
    expect(s.db.prepare('SELECT scope_json FROM rater WHERE id = ?').get(s.r1)).toEqual({ scope_json: null });
  });

  it('refuses a code that names no indicator, and a rater’s scope outside the group’s, naming them', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    const unknown = await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['2', '9.9'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', message: '评分范围中的“9.9”不是本周期指标体系中的指标编码', details: [{ field: 'scope' }] } });
    expect((await groupOf(s)).scope).toEqual([]);

    await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['2'] });
    const outside = await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: g.id, name: '王建国', scope: ['2.3', '1.2'] });
    expect(outside).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '王建国 的评分范围中的“1.2”不在评委组“考评组”的评分范围（只评 2 生产经营）之内', details: [{ field: 'scope' }] },
    });
    expect(await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: g.id, name: '王建国', scope: ['2.3'] })).toMatchObject({ ok: true });

    // Narrowing the group below the rater's scope is refused too, naming the rater.
    const narrowed = await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['1'] });
    expect(narrowed).toMatchObject({ ok: false, error: { code: 'conflict', message: '评委组“考评组”的新评分范围（只评 1 党的建设）不含评委 王建国 的评分范围中的“2.3”；请先修改该评委的评分范围' } });
    expect((await groupOf(s)).scope).toEqual(['2']);
  });

  it('logs scope changes old → new in words', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['2'] });
    await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: g.id, name: '王建国', scope: ['2.3'] });
    const rows = panelAudit(s).slice(-2);
    expect(rows[0]).toMatchObject({ old: { name: '考评组', weight: 1 }, new: { name: '考评组', weight: 1, scope: '只评 2 生产经营' } });
    expect(rows[0]!.old).not.toHaveProperty('scope');
    expect(rows[1]).toMatchObject({ new: { name: '王建国', scope: '只评 2.3 安全生产' } });
    expect(auditValueText('panel', rows[0]!.new, undefined)).toBe('考评组，权重 1，评分范围：只评 2 生产经营');
    expect(auditValueText('panel', rows[1]!.new, undefined)).toBe('王建国（考评组），评分范围：只评 2.3 安全生产');
  });

  it('copies the scopes with the panel to a new period', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['1', '2'] });
    await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r2, groupId: g.id, name: '李敏', branchId: s.hg2, scope: ['1.1'] });
    const period = await s.invoke('periods.get', { id: s.periodId });
    if (!period.ok) throw new Error(period.error.message);
    const copy = await s.invoke('periods.create', { name: '2027年度', year: 2027, kind: 'annual', frameworkId: period.value.frameworkId, branchIds: [s.hg1], copyPanelFrom: s.periodId });
    if (!copy.ok) throw new Error(copy.error.message);
    const panel = await s.invoke('panel.get', { periodId: copy.value.id });
    expect(panel).toMatchObject({ ok: true, value: { groups: [{ scope: ['1', '2'] }], raters: [{ name: '王建国', scope: [] }, { name: '李敏', scope: ['1.1'] }] } });
  });
});

describe('分工评分: 开始评分', () => {
  it('refuses a rater-scored leaf that no rater is assigned to, naming it; goes ahead once one is', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    // 1.1–1.3, 2.3, 3 and 4 are rater-scored; the group covers 1 and 2 only.
    await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['1', '2'] });
    const refused = await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (refused.ok) return;
    expect(refused.error.details).toEqual([
      { field: 'raters', message: '指标 3 加分项 没有评委评分：各评委组的分工都不含此项' },
      { field: 'raters', message: '指标 4 重大事故 没有评委评分：各评委组的分工都不含此项' },
    ]);
    expect(refused.error.message).toContain('指标 3 加分项 没有评委评分');

    // A second group for the rest: every leaf has a rater.
    const other = await s.invoke('panel.saveGroup', { periodId: s.periodId, name: '纪检组', weight: 0.5, scope: ['3', '4'] });
    if (!other.ok) throw new Error(other.error.message);
    await s.invoke('panel.saveRater', { periodId: s.periodId, groupId: other.value.id, name: '赵纪', scope: ['4'] });
    expect(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' })).toMatchObject({ ok: false, error: { details: [{ message: '指标 3 加分项 没有评委评分：各评委组的分工都不含此项' }] } });
    await s.invoke('panel.saveRater', { periodId: s.periodId, groupId: other.value.id, name: '钱审' });
    expect(await s.invoke('periods.advance', { id: s.periodId, to: 'scoring' })).toMatchObject({ ok: true, value: { status: 'scoring' } });
  });
});

describe('分工评分: the 评委名单 workbook and the CLI', () => {
  it('writes both scopes, imports them back unchanged, and imports an edited scope', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['1', '2.3'] });
    await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: g.id, name: '王建国', scope: ['1.1', '1.2'] });
    const file = path.join(s.dir, '评委名单.xlsx');
    expect(await s.invoke('panel.writeTemplate', { periodId: s.periodId, path: file })).toMatchObject({ ok: true });
    expect((await sheetRows(file)).map((r) => [r['姓名*'], r['组评分范围'], r['评委评分范围']])).toEqual([
      ['王建国', '1、2.3', '1.1、1.2'],
      ['李敏', '1、2.3', null],
    ]);
    const before = await panelOf(s);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: true, value: { groupsUpdated: 0, ratersUpdated: 0, ratersUnchanged: 2 } });
    expect(await panelOf(s)).toEqual(before);

    // Full-width codes and commas as typed in WPS; the rater's scope cleared = all of the group's.
    await setCells(file, [
      { row: 0, header: '组评分范围', value: '１，２' },
      { row: 1, header: '组评分范围', value: '1,2' },
      { row: 0, header: '评委评分范围', value: null },
      { row: 1, header: '评委评分范围', value: '2.3' },
    ]);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: true, value: { groupsUpdated: 1, ratersUpdated: 2 } });
    const after = await panelOf(s);
    expect(after.groups[0]!.scope).toEqual(['1', '2']);
    expect(after.raters.map((r) => r.scope)).toEqual([[], ['2.3']]);
  });

  it('names the sheet, row and column of an unknown code, differing group scopes and a rater outside the group, and stores nothing', async () => {
    const s = await periodSetup({ status: 'draft' });
    const file = path.join(s.dir, '评委名单.xlsx');
    await s.invoke('panel.writeTemplate', { periodId: s.periodId, path: file });
    await setCells(file, [
      { row: 0, header: '组评分范围', value: '1' },
      { row: 0, header: '评委评分范围', value: '1.1、7' },
      { row: 1, header: '组评分范围', value: '2' },
      { row: 1, header: '评委评分范围', value: '1.1' },
    ]);
    const preview = await s.invoke('panel.previewImport', { periodId: s.periodId, path: file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'L', expect.stringContaining('“7”不是本周期指标体系中的指标编码')],
      [3, 'K', expect.stringContaining('评委组“考评组”在第 2 行的组评分范围是')],
      [3, 'L', expect.stringContaining('“1.1”不在评委组“考评组”的评分范围（只评 2 生产经营）之内')],
    ]);
    expect(preview.value.errors[0]!.message).toMatch(/^第 2 行，L 列（评委评分范围）/);
    expect(await s.invoke('panel.import', { periodId: s.periodId, path: file })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await groupOf(s)).scope).toEqual([]);
  });

  it('refuses a file that narrows a group below the scope of a rater it leaves out', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r2, groupId: g.id, name: '李敏', branchId: s.hg2, scope: ['2.3'] });
    const file = path.join(s.dir, '评委名单.xlsx');
    await s.invoke('panel.writeTemplate', { periodId: s.periodId, path: file });
    await setCells(file, [
      { row: 0, header: '组评分范围', value: '1' },
      ...['评委编号', '评委组*', '组权重*', '姓名*', '所在支部编码', '评委评分范围'].map((header) => ({ row: 1, header, value: null })),
    ]);
    const preview = await s.invoke('panel.previewImport', { periodId: s.periodId, path: file });
    expect(preview).toMatchObject({ ok: true, value: { kept: [{ name: '李敏' }], errors: [{ row: 2, column: 'K', message: expect.stringContaining('不含评委 李敏 的评分范围中的“2.3”') }] } });
  });

  it('panel list shows the scopes in words', async () => {
    const s = await periodSetup({ status: 'draft' });
    const g = await groupOf(s);
    await s.invoke('panel.saveGroup', { periodId: s.periodId, id: g.id, name: g.name, weight: 1, scope: ['2'] });
    await s.invoke('panel.saveRater', { periodId: s.periodId, id: s.r1, groupId: g.id, name: '王建国', scope: ['2.3'] });
    const listed = await cli('panel', 'list', '--period', String(s.periodId), '--data-dir', s.services.ctx.dataDir);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/考评组.*只评 2 生产经营/);
    expect(listed.out).toMatch(/王建国.*只评 2\.3 安全生产/);
    expect(listed.out).toMatch(/李敏.*\n|李敏\s*$/);
    const json = await cli('panel', 'list', '--period', String(s.periodId), '--data-dir', s.services.ctx.dataDir, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ groups: [{ scope: ['2'], scopeInWords: '只评 2 生产经营' }], raters: [{ name: '王建国', scope: ['2.3'] }, { name: '李敏', scope: [], scopeInWords: '' }] });
  });
});
