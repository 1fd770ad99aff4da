import path from 'node:path';
import type { Indicator } from '../../shared/domain/framework';
import { writeFrameworkWorkbook, type Cells } from './framework-workbooks';
import { tempDir, tempServices } from './tmp';

/** A small framework with every method and two quantitative leaves (one of each direction): 100 base points. */
export const PERIOD_FRAMEWORK: Cells[] = [
  ['1', '党的建设', '党建', 40, null, null],
  ['1.1', '三会一课', '党建', 20, '扣分', '每次0.5'],
  ['1.2', '思想政治工作', '党建', 10, '等次', '好=1,较好=0.8,一般=0.6,差=0'],
  ['1.3', '组织生活', '党建', 10, '打分', '步长0.5'],
  ['2', '生产经营', '业务', 60, null, null],
  ['2.1', '产量完成率', '业务', 30, '定量', '越高越好,零分线0.8,超额20%'],
  ['2.2', '单位能耗', '业务', 10, '定量', '越低越好,零分线1.1'],
  ['2.3', '安全生产', '融合', 20, '打分', '步长0.5'],
  ['3', '加分项', '融合', 3, '加分', '每项1'],
  ['4', '重大事故', '业务', 0, '一票否决', '最高等次一般'],
];

/**
 * A period on PERIOD_FRAMEWORK with branches HG-01 and HG-02 in scope (GD-01
 * exists but is not), two raters — 王建国, and 李敏 who belongs to HG-02
 * (回避) — and, unless `status` says otherwise, scoring open.
 */
export async function periodSetup(options: { status?: 'draft' | 'scoring'; now?: () => Date } = {}) {
  const dir = tempDir();
  const services = tempServices(options.now ? { now: options.now } : {});
  const { invoke } = services;
  const fwFile = path.join(dir, '指标体系.xlsx');
  await writeFrameworkWorkbook(fwFile, PERIOD_FRAMEWORK);
  const fw = await invoke('frameworks.import', { path: fwFile, name: '融合考评' });
  const a = await invoke('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' });
  const b = await invoke('branches.create', { code: 'HG-02', name: '化工一厂第二党支部' });
  const c = await invoke('branches.create', { code: 'GD-01', name: '供电公司变电运维党支部' });
  if (!fw.ok || !a.ok || !b.ok || !c.ok) throw new Error('setup');
  const p = await invoke('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId: fw.value.id, branchIds: [a.value.id, b.value.id] });
  if (!p.ok) throw new Error(p.error.message);
  const periodId = p.value.id;
  const g = await invoke('panel.saveGroup', { periodId, name: '考评组', weight: 1 });
  if (!g.ok) throw new Error('group');
  const r1 = await invoke('panel.saveRater', { periodId, groupId: g.value.id, name: '王建国' });
  const r2 = await invoke('panel.saveRater', { periodId, groupId: g.value.id, name: '李敏', branchId: b.value.id });
  if (!r1.ok || !r2.ok) throw new Error('raters');
  if (options.status !== 'draft') {
    const s = await invoke('periods.advance', { id: periodId, to: 'scoring' });
    if (!s.ok) throw new Error(s.error.message);
  }
  const framework = await invoke('frameworks.get', { id: fw.value.id });
  if (!framework.ok) throw new Error('fw');
  const leaf = (code: string): Indicator => framework.value.indicators.find((i) => i.code === code)!;
  return { dir, services, invoke, db: services.ctx.db, periodId, hg1: a.value.id, hg2: b.value.id, gd1: c.value.id, r1: r1.value.id, r2: r2.value.id, leaf };
}

/** Every rater-scored leaf of PERIOD_FRAMEWORK (1.1, 1.2, 1.3, 2.3, 3, 4) for one rater and branch; `only` keeps the first n. */
export function fullSheet(s: PeriodSetup, raterId: number, branchId: number, only = 6) {
  return [
    { raterId, branchId, indicatorId: s.leaf('1.1').id, value: 0 },
    { raterId, branchId, indicatorId: s.leaf('1.2').id, value: 1 },
    { raterId, branchId, indicatorId: s.leaf('1.3').id, value: 8 },
    { raterId, branchId, indicatorId: s.leaf('2.3').id, value: 16 },
    { raterId, branchId, indicatorId: s.leaf('3').id, value: 0 },
    { raterId, branchId, indicatorId: s.leaf('4').id, value: 0 },
  ].slice(0, only);
}

/** A business figure against a target of 100 (actual null: not in yet). */
export const measurementOf = (branchId: number, indicatorId: number, actual: number | null) => ({ branchId, indicatorId, target: 100, actual });

export type PeriodSetup = Awaited<ReturnType<typeof periodSetup>>;
