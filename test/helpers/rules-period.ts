/**
 * A period on a framework with a 细则 leaf (issue 11 §1), made through the services as a user would:
 *   1     党的建设 (30)
 *   1.1   组织建设 (10)  细则扣分, 扣完为止: ① 未按时召开支委会 每次扣1分; ② 会议记录不规范 每次扣0.5—1分，最多扣2分;
 *                        ③ 未建立党员管理台账 扣2分 (once)
 *   1.2   三会一课 (10)  扣分 0.5 per occurrence, recorded by the office
 *   1.3   思想政治 (10)  打分, by the panel
 * HG-01 and HG-02 in scope, one group with one rater; the period is a draft.
 */
import type { LeafRule } from '../../shared/domain/framework';
import { ok } from './result';
import { tempServices } from './tmp';

export const RULES: LeafRule[] = [
  { text: '未按时召开支委会', basis: 'each', min: 1, max: 1, cap: null },
  { text: '会议记录不规范', basis: 'each', min: 0.5, max: 1, cap: 2 },
  { text: '未建立党员管理台账', basis: 'once', min: 2, max: 2, cap: null },
];

export async function rulesPeriod(now = () => new Date('2026-11-20T08:00:00Z')) {
  const services = tempServices({ now });
  const { invoke } = services;
  const frameworkId = ok(await invoke('frameworks.create', { name: '考核细则', source: { kind: 'empty' } })).id;
  const party = ok(await invoke('indicators.add', { frameworkId, parentId: null, fields: { code: '1', name: '党的建设', tag: 'party', maxPoints: 30 } }));
  const add = async (code: string, name: string, method: unknown) =>
    ok(await invoke('indicators.add', { frameworkId, parentId: party.id, fields: { code, name, tag: 'party', maxPoints: 10, method } as never })).id;
  const leaves = {
    rules: await add('1.1', '组织建设', { kind: 'rules', effect: 'deduct', floorAtZero: true, rules: RULES }),
    deduction: await add('1.2', '三会一课', { kind: 'deduction', perOccurrence: 0.5, entry: 'office' }),
    rating: await add('1.3', '思想政治', { kind: 'rating', step: 0.5 }),
  };
  const hg1 = ok(await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' })).id;
  const hg2 = ok(await invoke('branches.create', { code: 'HG-02', name: '化工一厂第二党支部' })).id;
  const periodId = ok(await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId, branchIds: [hg1, hg2] })).id;
  const group = ok(await invoke('panel.saveGroup', { periodId, name: '考评组', weight: 1 }));
  const raterId = ok(await invoke('panel.saveRater', { periodId, groupId: group.id, name: '王建国' })).id;
  return { ...services, db: services.ctx.db, frameworkId, periodId, hg1, hg2, raterId, leaves };
}
