import type { Indicator } from '../../shared/domain/framework';
import type { Harness } from '../harness/server';
import { value } from './result';

/**
 * The small period the shared-PC browser tests start from: the built-in
 * template, branches GD-01 and HG-01, one group with 王建国 (党委副书记) and
 * 李敏, current, and — after `beforeScoring` (e.g. a PIN) — scoring open.
 */
export async function sharedPcPeriod(harness: Harness, beforeScoring?: (ids: { periodId: number; wang: number; li: number }) => Promise<unknown>) {
  const inv = harness.services.invoke;
  const fw = await value(inv('frameworks.create', { name: '党建业务一体化考评', source: { kind: 'template' } }));
  for (const [code, name] of [
    ['GD-01', '供电公司变电运维党支部'],
    ['HG-01', '化工一厂第一党支部'],
  ] as const) {
    await value(inv('branches.create', { code, name }));
  }
  const period = await value(inv('periods.create', { name: '2026年度考核', year: 2026, kind: 'annual', frameworkId: fw.id }));
  const periodId = period.id;
  await value(inv('app.setCurrentPeriod', { periodId }));
  const group = await value(inv('panel.saveGroup', { periodId, name: '考评组', weight: 1 }));
  const wang = (await value(inv('panel.saveRater', { periodId, groupId: group.id, name: '王建国', title: '党委副书记' }))).id;
  const li = (await value(inv('panel.saveRater', { periodId, groupId: group.id, name: '李敏' }))).id;
  await beforeScoring?.({ periodId, wang, li });
  await value(inv('periods.advance', { id: periodId, to: 'scoring' }));
  const framework = await value(inv('frameworks.get', { id: fw.id }));
  const parents = new Set(framework.indicators.map((i) => i.parentId));
  const leaves: Indicator[] = framework.indicators.filter((i) => !parents.has(i.id));
  return { periodId, wang, li, leaves };
}
