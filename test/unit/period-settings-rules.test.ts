/**
 * The rules across a period's grades and quotas live in the settings schema
 * (shared/domain/period.ts): creating and updating a period both apply them,
 * and the settings form asks the same function.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADES, PeriodSettings, settingsProblems } from '../../shared/domain/period';
import { tempServices } from '../helpers/tmp';

async function setup() {
  const { invoke } = tempServices();
  const fw = await invoke('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } });
  const b = await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' });
  if (!fw.ok || !b.ok) throw new Error('setup');
  return { invoke, frameworkId: fw.value.id };
}

const UNKNOWN_QUOTA = { quotas: [{ label: '特等', maxShare: 0.1 }] };

describe('period settings: grades and quotas', () => {
  it('refuses a quota for a grade that does not exist when a period is created (taken before), as on update', async () => {
    const { invoke, frameworkId } = await setup();
    const created = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId, settings: UNKNOWN_QUOTA });
    expect(created).toMatchObject({ ok: false, error: { code: 'validation', message: '名额限制中的等次“特等”不在等次设置中' } });
    const list = await invoke('periods.list', {});
    expect(list.ok && list.value).toEqual([]);
    const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId });
    if (!p.ok) throw new Error(p.error.message);
    expect(await invoke('periods.update', { id: p.value.id, name: '2026年度', year: 2026, kind: 'annual', settings: UNKNOWN_QUOTA })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '名额限制中的等次“特等”不在等次设置中' },
    });
  });

  it('refuses grades out of order or with a repeated label, naming the grade', async () => {
    const { invoke, frameworkId } = await setup();
    const create = (grades: { label: string; min: number }[]) =>
      invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId, settings: { grades, quotas: [] } });
    expect(await create([{ label: '良好', min: 80 }, { label: '优秀', min: 90 }, { label: '较差', min: 0 }])).toMatchObject({
      ok: false,
      error: { message: '等次划分第 2 项：各等次的最低分应从上到下依次降低' },
    });
    expect(await create([{ label: '优秀', min: 90 }, { label: '优秀', min: 80 }, { label: '较差', min: 0 }])).toMatchObject({
      ok: false,
      error: { message: '等次划分第 2 项：等次名称不能重复' },
    });
    // The last grade's minimum is ignored: it takes everything below the others.
    expect(await create([{ label: '优秀', min: 90 }, { label: '较差', min: 95 }])).toMatchObject({ ok: true });
  });

  it('says where each problem is, for the schema and for the form', () => {
    expect(settingsProblems(DEFAULT_GRADES, [{ label: '优秀' }, { label: '优秀' }])).toEqual([{ path: ['quotas', 1, 'label'], key: 'settings.quotas.duplicate' }]);
    expect(settingsProblems([{ label: '优秀', min: 90 }], [])).toEqual([{ path: ['grades'], key: 'settings.grades.tooFew' }]);
    const parsed = PeriodSettings.safeParse({ quotas: [{ label: '优良', maxShare: 0.1 }] });
    expect(!parsed.success && parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['quotas.0.label', '名额限制中的等次“优良”不在等次设置中']]);
    expect(PeriodSettings.safeParse({}).success).toBe(true);
  });
});
