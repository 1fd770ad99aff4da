/**
 * 分类施策 where it is set up (issue 11 §7): a framework's 支部类别 and its indicators' 适用类别 stored, kept, copied
 * with a new version or a copy; the checks of categoryIssues; and 开始评分 refused for a branch whose category the
 * framework does not know.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain/framework';
import { categoryIssues } from '../../shared/domain/framework-categories';
import { ok } from '../helpers/result';
import { tempServices } from '../helpers/tmp';

const CATEGORIES = ['生产', '机关', '科研'];

async function framework() {
  const services = tempServices();
  const fw = ok(await services.invoke('frameworks.create', { name: '党建考评', source: { kind: 'template' } }));
  return { ...services, id: fw.id };
}

const fieldsOf = (n: Indicator) => ({ code: n.code, name: n.name, criteria: n.criteria, evidence: n.evidence, tag: n.tag, maxPoints: n.maxPoints, method: n.method });

describe('framework 支部类别 and 适用类别 (real SQLite)', () => {
  it('stores both, keeps 适用类别 an update leaves out, and carries them to a new version and a copy', async () => {
    const { invoke, id } = await framework();
    expect(ok(await invoke('frameworks.get', { id })).categories).toEqual([]);
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', categories: ['生产', '机关', '机关', '科研'] }));
    expect(ok(await invoke('frameworks.get', { id })).categories).toEqual(CATEGORIES);
    // Absent = keep (a caller that knows only the grade scheme does not drop the categories).
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '' }));
    expect(ok(await invoke('frameworks.get', { id })).categories).toEqual(CATEGORIES);

    const leaf = ok(await invoke('frameworks.get', { id })).indicators.find((n) => n.method?.kind === 'quantitative')!;
    const updated = ok(await invoke('indicators.update', { id: leaf.id, fields: { ...fieldsOf(leaf), appliesTo: ['生产'] } }));
    expect(updated.appliesTo).toEqual(['生产']);
    const renamed = ok(await invoke('indicators.update', { id: leaf.id, fields: { ...fieldsOf(leaf), name: `${leaf.name}（改）` } }));
    expect(renamed.appliesTo).toEqual(['生产']);
    const added = ok(await invoke('indicators.add', { frameworkId: id, parentId: leaf.parentId, fields: { ...fieldsOf(leaf), code: '9.9.9', appliesTo: ['机关', '科研'] } }));
    expect(added.appliesTo).toEqual(['机关', '科研']);

    // A label not among the framework's categories is refused, naming it; so is removing a category still named.
    const unknown = await invoke('indicators.update', { id: leaf.id, fields: { ...fieldsOf(leaf), appliesTo: ['后勤'] } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', message: `${leaf.code} ${leaf.name}：适用类别“后勤”不是本指标体系的支部类别（生产、机关、科研）` } });
    const removing = await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', categories: ['机关', '科研'] });
    expect(removing).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!removing.ok && removing.error.message).toContain('支部类别“生产”仍被 1 个指标的适用类别使用');

    const next = ok(await invoke('frameworks.newVersion', { id }));
    const copy = ok(await invoke('frameworks.create', { name: '副本', source: { kind: 'copy', frameworkId: id } }));
    for (const other of [next.id, copy.id]) {
      const fw = ok(await invoke('frameworks.get', { id: other }));
      expect(fw.categories).toEqual(CATEGORIES);
      expect(fw.indicators.filter((n) => n.appliesTo).map((n) => [n.code, n.appliesTo])).toEqual([
        [leaf.code, ['生产']],
        ['9.9.9', ['机关', '科研']],
      ]);
    }

    // [] = applies to all again: stored as nothing, the indicator reads as before.
    const cleared = ok(await invoke('indicators.update', { id: leaf.id, fields: { ...fieldsOf(leaf), appliesTo: [] } }));
    expect('appliesTo' in cleared).toBe(false);
  });

  it('refuses 开始评分 while a branch of the period has a category the framework does not distinguish, naming the branches', async () => {
    const { invoke, id } = await framework();
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', categories: CATEGORIES }));
    const a = ok(await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部', category: '生产' }));
    const b = ok(await invoke('branches.create', { code: 'HG-03', name: '后勤党支部', category: '后勤' }));
    const c = ok(await invoke('branches.create', { code: 'JG-01', name: '机关第一党支部' }));
    const period = ok(await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: id, branchIds: [a.id, b.id, c.id] }));
    const group = ok(await invoke('panel.saveGroup', { periodId: period.id, name: '考评组', weight: 1 }));
    ok(await invoke('panel.saveRater', { periodId: period.id, groupId: group.id, name: '王建国' }));

    const refused = await invoke('periods.advance', { id: period.id, to: 'scoring' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.details).toEqual([{ field: 'branches', message: '党支部 HG-03 的类别“后勤”不是指标体系的支部类别（生产、机关、科研）' }]);
    expect(refused.error.message).toContain('党支部 HG-03 的类别“后勤”');

    ok(await invoke('branches.update', { id: b.id, fields: { code: 'HG-03', name: '后勤党支部', category: '机关' } }));
    expect(ok(await invoke('periods.advance', { id: period.id, to: 'scoring' })).status).toBe('scoring');
  });
});

describe('categoryIssues', () => {
  let nextId = 1;
  const node = (code: string, parent: Indicator | null, maxPoints: number, appliesTo?: string[]): Indicator => ({
    id: nextId++,
    parentId: parent?.id ?? null,
    position: 0,
    code,
    name: `指标${code}`,
    criteria: '',
    evidence: '',
    tag: 'party',
    maxPoints,
    method: null,
    ...(appliesTo ? { appliesTo } : {}),
  });
  const rated = (n: Indicator): Indicator => ({ ...n, method: { kind: 'rating', step: 0.5 } as Indicator['method'] });

  it('says nothing of a framework without 适用类别, or whose every category can earn points', () => {
    const s1 = node('1', null, 100);
    expect(categoryIssues([s1, rated(node('1.1', s1, 50)), rated(node('1.2', s1, 50))], [])).toEqual([]);
    const leaves = [rated(node('1.1', s1, 50)), rated(node('1.2', s1, 50, ['生产']))];
    expect(categoryIssues([s1, ...leaves], CATEGORIES)).toEqual([]);
  });

  it('names an unknown label, a category nothing applies to, and a restriction disjoint from its section’s', () => {
    const s1 = node('1', null, 60, ['生产']);
    const s2 = node('2', null, 40, ['生产', '科研']);
    const a = rated(node('1.1', s1, 60));
    const b = rated(node('2.1', s2, 20, ['机关'])); // disjoint from 2's 生产、科研
    const c = rated(node('2.2', s2, 20, ['后勤'])); // not a category
    const d = rated(node('2.3', s2, 20)); // what 科研 branches earn
    const issues = categoryIssues([s1, s2, a, b, c, d], CATEGORIES);
    expect(issues.map((i) => [i.severity, i.code, i.message])).toEqual([
      ['warning', '2.1', '2.1 指标2.1：适用类别（机关）与上级“2 指标2”的适用范围（生产、科研）没有交集，本项对任何支部都不适用'],
      ['error', '2.2', '2.2 指标2.2：适用类别“后勤”不是本指标体系的支部类别（生产、机关、科研）'],
      ['warning', '2.2', '2.2 指标2.2：适用类别（后勤）与上级“2 指标2”的适用范围（生产、科研）没有交集，本项对任何支部都不适用'],
      ['error', null, '支部类别“机关”没有任何适用的基本分指标，该类别的支部无法得分'],
    ]);
    expect(issues[1]!.indicatorId).toBe(c.id);
  });

  it('refuses a data-triggered leaf wider than its source: branches the source skips have no figure to judge', () => {
    const s1 = node('1', null, 100);
    const profit = { ...node('1.1', s1, 100, ['生产']), method: { kind: 'quantitative', direction: 'higher', floorRatio: 0.8, excessCap: 0 } as Indicator['method'] };
    const veto = { ...node('9', null, 0), method: { kind: 'veto', capGrade: null, trigger: { source: '1.1', below: 1 } } as Indicator['method'] };
    const wider = categoryIssues([s1, profit, veto], CATEGORIES).filter((i) => i.code === '9');
    expect(wider.map((i) => [i.severity, i.message])).toEqual([
      ['error', '9 指标9：由业务数据触发，但依据指标 1.1 指标1.1 不适用于机关、科研支部：这些支部没有业务数据可判断，请把本项的适用类别限定在依据指标的范围内'],
    ]);
    expect(categoryIssues([s1, profit, { ...veto, appliesTo: ['生产'] }], CATEGORIES).filter((i) => i.code === '9')).toEqual([]);
  });
});

