/**
 * A framework's grade scheme (issue 11 §8): set with the framework's meta, copied with a new version or a copy,
 * and the grades a period made on the framework starts with — unless the period's own settings say otherwise.
 */
import { describe, expect, it } from 'vitest';
import { rowProblems, rowsScheme, schemeRows } from '../../renderer/src/pages/framework/gradeSchemeModel';
import { DEFAULT_GRADES } from '../../shared/domain/period';
import { ok } from '../helpers/result';
import { tempServices } from '../helpers/tmp';

const SCHEME = {
  grades: [
    { label: '好', min: 90 },
    { label: '较好', min: 80 },
    { label: '一般', min: 60 },
    { label: '差', min: 0 },
  ],
  quotas: [{ label: '好', maxShare: 0.15 }],
};
/** 达标 / 基本达标 / 不达标, without a quota: not every scheme has one. */
const NO_QUOTA = {
  grades: [
    { label: '达标', min: 80 },
    { label: '基本达标', min: 60 },
    { label: '不达标', min: 0 },
  ],
  quotas: [],
};

async function framework() {
  const services = tempServices();
  const fw = ok(await services.invoke('frameworks.create', { name: '党建考评', source: { kind: 'template' } }));
  return { ...services, id: fw.id };
}

describe('framework grade scheme', () => {
  it('names a veto whose 最高等次 is not one of the framework’s own grades, in the editor’s checks', async () => {
    const { invoke, id } = await framework();
    const veto = ok(await invoke('frameworks.get', { id })).indicators.find((i) => i.method?.kind === 'veto' && i.method.capGrade !== null)!;
    const cap = veto.method?.kind === 'veto' ? veto.method.capGrade : null;
    const wrong = async () => ok(await invoke('frameworks.get', { id })).issues.filter((i) => i.message.includes('不在指标体系设定的等次中'));
    expect(await wrong()).toEqual([]); // the app's defaults: not checked here (the period's grades are, when it starts)
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: NO_QUOTA }));
    expect((await wrong()).map((i) => [i.severity, i.message])).toEqual([
      ['error', `${veto.code} ${veto.name}：否决后的最高等次“${cap}”不在指标体系设定的等次中（达标、基本达标、不达标）`],
    ]);
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: { ...NO_QUOTA, grades: [...NO_QUOTA.grades.slice(0, 2), { label: cap!, min: 0 }] } }));
    expect(await wrong()).toEqual([]);
  });

  it('starts with none (the app’s defaults), is set and cleared with the meta, and a new period takes it', async () => {
    const { invoke, id } = await framework();
    expect(ok(await invoke('frameworks.get', { id })).gradeScheme).toBeNull();
    const before = ok(await invoke('periods.create', { name: '2025年度', year: 2025, kind: 'annual', frameworkId: id }));
    expect([before.settings.grades, before.settings.quotas]).toEqual([DEFAULT_GRADES, [{ label: '优秀', maxShare: 0.2 }]]);

    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: SCHEME }));
    expect(ok(await invoke('frameworks.get', { id })).gradeScheme).toEqual(SCHEME);
    expect(ok(await invoke('frameworks.list', {}))[0]!.gradeScheme).toEqual(SCHEME);
    const period = ok(await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: id }));
    expect([period.settings.grades, period.settings.quotas]).toEqual([SCHEME.grades, SCHEME.quotas]);
    // The period keeps its own copy: changing the scheme later leaves it as it was.
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: NO_QUOTA }));
    expect(ok(await invoke('periods.get', { id: period.id })).settings.grades).toEqual(SCHEME.grades);
    const third = ok(await invoke('periods.create', { name: '2027年度', year: 2027, kind: 'annual', frameworkId: id }));
    expect([third.settings.grades, third.settings.quotas]).toEqual([NO_QUOTA.grades, []]);

    // Renaming without the scheme keeps it; null goes back to the defaults.
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评（修订）', description: '' }));
    expect(ok(await invoke('frameworks.get', { id })).gradeScheme).toEqual(NO_QUOTA);
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: null }));
    expect(ok(await invoke('frameworks.get', { id })).gradeScheme).toBeNull();
  });

  it('lets explicit settings win over the scheme', async () => {
    const { invoke, id } = await framework();
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: SCHEME }));
    const own = ok(
      await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: id, settings: { grades: NO_QUOTA.grades, quotas: [] } }),
    );
    expect([own.settings.grades, own.settings.quotas]).toEqual([NO_QUOTA.grades, []]);
    // Other settings alone do not count as choosing grades: the scheme still applies, next to them.
    const bonus = ok(await invoke('periods.create', { name: '2027年度', year: 2027, kind: 'annual', frameworkId: id, settings: { bonusCap: 3 } }));
    expect([bonus.settings.grades, bonus.settings.quotas, bonus.settings.bonusCap]).toEqual([SCHEME.grades, SCHEME.quotas, 3]);
  });

  it('goes with a new version and a copy, and may be set on a frozen version', async () => {
    const { invoke, id } = await framework();
    // SCHEME keeps 一般, the grade the template's veto caps at: a period on it can start scoring.
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: SCHEME }));
    const next = ok(await invoke('frameworks.newVersion', { id }));
    expect(ok(await invoke('frameworks.get', { id: next.id })).gradeScheme).toEqual(SCHEME);
    const copy = ok(await invoke('frameworks.create', { name: '副本', source: { kind: 'copy', frameworkId: id } }));
    expect(ok(await invoke('frameworks.get', { id: copy.id })).gradeScheme).toEqual(SCHEME);

    // Freeze it: a period on it starts scoring with an entry.
    const branch = ok(await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' }));
    const period = ok(await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: id, branchIds: [branch.id] }));
    const group = ok(await invoke('panel.saveGroup', { periodId: period.id, name: '考评组', weight: 1 }));
    const rater = ok(await invoke('panel.saveRater', { periodId: period.id, groupId: group.id, name: '王建国' }));
    ok(await invoke('periods.advance', { id: period.id, to: 'scoring' }));
    const leaf = ok(await invoke('frameworks.get', { id })).indicators.find((i) => i.method?.kind === 'rating')!;
    ok(await invoke('entries.save', { periodId: period.id, entries: [{ raterId: rater.id, branchId: branch.id, indicatorId: leaf.id, value: leaf.maxPoints }] }));
    expect(ok(await invoke('frameworks.get', { id })).frozenAt).not.toBeNull();
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: NO_QUOTA }));
    expect(ok(await invoke('frameworks.get', { id })).gradeScheme).toEqual(NO_QUOTA);
    // The period made before keeps its grades.
    expect(ok(await invoke('periods.get', { id: period.id })).settings.grades).toEqual(SCHEME.grades);
  });

  it('refuses a scheme that breaks a rule, naming it in the settings form’s words, and keeps the stored one', async () => {
    const { invoke, id } = await framework();
    ok(await invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: NO_QUOTA }));
    const set = (gradeScheme: unknown) => invoke('frameworks.updateMeta', { id, name: '党建考评', description: '', gradeScheme: gradeScheme as typeof SCHEME });
    expect(await set({ grades: [{ label: '合格', min: 60 }], quotas: [] })).toMatchObject({ ok: false, error: { code: 'validation', message: '等次划分：至少要有两个等次' } });
    expect(
      await set({
        grades: [
          { label: '好', min: 90 },
          { label: '较好', min: 95 },
          { label: '差', min: 0 },
        ],
        quotas: [],
      }),
    ).toMatchObject({ ok: false, error: { message: '等次划分第 2 项：各等次的最低分应从上到下依次降低' } });
    const unknown = await set({ ...SCHEME, quotas: [{ label: '优秀', maxShare: 0.2 }] });
    expect(unknown).toMatchObject({ ok: false, error: { message: '名额限制中的等次“优秀”不在等次设置中' } });
    expect(!unknown.ok && unknown.error.details).toEqual([{ field: 'gradeScheme.quotas.0.label', message: '名额限制中的等次“优秀”不在等次设置中' }]);
    // A quota above 100% never reaches the service: the contract's edge refuses it.
    expect(await set({ ...SCHEME, quotas: [{ label: '好', maxShare: 1.2 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ok(await invoke('frameworks.get', { id })).gradeScheme).toEqual(NO_QUOTA);
  });
});

describe('the framework dialog’s grade scheme (rows as edited)', () => {
  it('turns a scheme into rows in percent and back, the last grade taking everything below', () => {
    const scheme = { grades: [...SCHEME.grades.slice(0, 3), { label: '差', min: 0 }], quotas: [{ label: '好', maxShare: 0.15 }, { label: '较好', maxShare: 0.333 }] };
    const rows = schemeRows(scheme)!;
    expect(rows.map((r) => r.quota)).toEqual([15, 33.3, null, null]);
    expect(rowsScheme(rows)).toEqual(scheme);
    expect(schemeRows(null)).toBeNull();
    expect(rowsScheme([{ label: ' 达标 ', min: 80, quota: null }, { label: '不达标', min: null, quota: null }])).toEqual({
      grades: [{ label: '达标', min: 80 }, { label: '不达标', min: 0 }],
      quotas: [],
    });
  });

  it('shows each broken rule on its row in the settings form’s words', () => {
    const { byRow, list } = rowProblems([
      { label: '好', min: 90, quota: 20 },
      { label: '较好', min: 95, quota: null },
      { label: '', min: null, quota: null },
      { label: '好', min: 50, quota: 10 },
      { label: '差', min: null, quota: null },
    ]);
    expect(list).toEqual([]);
    expect(Object.fromEntries(byRow)).toEqual({
      1: ['各等次的最低分应从上到下依次降低'],
      2: ['请填写等次名称', '请填写最低分'],
      3: ['等次名称不能重复', '同一等次只能设一个名额限制'],
    });
    expect(rowProblems([{ label: '合格', min: 60, quota: null }]).list).toEqual(['至少要有两个等次']);
  });
});
