/**
 * A complete demo period on the built-in template: branches of a chemical
 * and power complex, a three-group panel, business data and plausible
 * entries (each branch has a Party-building and a business strength, each
 * rater a leniency), so a newcomer sees a scored, reportable period at once.
 * Deterministic for a given seed.
 */
import { entryModeOf, type LeafMethod } from '../../shared/domain/framework';
import type { OfficeRecordInput } from '../../shared/domain/office';
import { UNIFIED_TEMPLATE } from '../../shared/domain/templates/unified';
import type { SampleSummary } from '../../shared/domain/views';
import { inTransaction, type Database } from '../db';
import { createBranch, findBranchByCode } from './branches';
import { type EntryInput, type MeasurementInput, saveEntries, saveMeasurements } from './entries';
import { createFrameworkFromDraft, getIndicators } from './frameworks';
import { writeOfficeRecords } from './office';
import { SYSTEM } from './actor';
import { saveGroup, saveRater } from './panel';
import { createPeriod } from './periods';
import { advancePeriod } from './period-steps';

/** Sample data is written as the system, under a name that says what it is. */
const SAMPLE_ACTOR = { kind: 'system', name: '示例数据' } as const;

/** mulberry32: small, fast, good enough for demo data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  return { next, normal, pick };
}

const UNITS = ['化工一厂', '化工二厂', '热电厂', '供电公司', '采油一厂', '采油二厂', '储运公司', '机械制造厂', '质量检验中心', '研究院'];
const TEAMS = ['生产运行', '设备维护', '安全环保', '技术质量', '综合管理', '检修', '调度', '营销服务', '仪表电气', '后勤保障'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = ['建国', '志强', '海燕', '秀英', '卫东', '晓明', '丽华', '国庆', '红梅', '振华', '文斌', '桂兰', '军', '敏', '静', '磊', '洋', '勇', '艳', '涛'];
const DEDUCTION_REASONS = ['未按期召开', '记录不完整', '未按时报送材料', '台账更新不及时', '检查发现问题未及时整改', '党费未按月足额收缴'];
const BONUS_ITEMS = ['获集团公司表彰', '技术革新成果获厂级奖励', '经验做法在全厂推广', '合理化建议被采纳'];

/** A plausible entry for a leaf, with its reasons (q: how good the branch is, 0–1; `vetoed`: the branch the sample vetoes). */
function sampleValue(m: LeafMethod, maxPoints: number, q: number, vetoed: boolean, year: number, rnd: ReturnType<typeof prng>): { value: number; detail: string[] } {
  switch (m.kind) {
    case 'deduction': {
      const n = rnd.next() < (1 - q) * 1.2 ? 1 + Math.floor(rnd.next() * 2) : 0;
      const count = Math.min(n, Math.floor(maxPoints / m.perOccurrence));
      return { value: count, detail: Array.from({ length: count }, () => rnd.pick(DEDUCTION_REASONS)) };
    }
    case 'bonus': {
      const count = rnd.next() < q - 0.7 ? 1 : 0;
      return { value: count, detail: Array.from({ length: count }, () => rnd.pick(BONUS_ITEMS)) };
    }
    case 'veto':
      return { value: vetoed ? 1 : 0, detail: vetoed ? [`${year}年8月发生一般及以上生产安全责任事故，经调查认定负有责任`] : [] };
    case 'rating':
      return { value: Math.round((q * maxPoints) / m.step) * m.step, detail: [] };
    case 'level':
      return { value: m.levels.reduce((best, l, i) => (Math.abs(l.fraction - q) < Math.abs(m.levels[best]!.fraction - q) ? i : best), 0), detail: [] };
    case 'rules': // no 细则 leaf in the sample's framework; were there one: checked, nothing found
    case 'quantitative':
      return { value: 0, detail: [] };
  }
}

const GROUPS = [
  { name: '考评组', weight: 0.6, share: 0.7 },
  { name: '上级党委', weight: 0.25, share: 0.2 },
  { name: '职工代表', weight: 0.15, share: 0.1 },
];


export function createSample(db: Database, options: { branches: number; raters: number; seed?: number }, now: Date): SampleSummary {
  const rnd = prng(options.seed ?? 2026);
  return inTransaction(db, () => {
    // Branches: reuse sample codes that exist, create the rest.
    const branchIds: number[] = [];
    for (let i = 0; i < options.branches; i++) {
      const unit = UNITS[i % UNITS.length]!;
      const team = TEAMS[Math.floor(i / UNITS.length) % TEAMS.length]!;
      const round = Math.floor(i / (UNITS.length * TEAMS.length));
      const code = `SL-${String(i + 1).padStart(3, '0')}`;
      const existing = findBranchByCode(db, code);
      branchIds.push(
        existing?.id ??
          createBranch(
            db,
            {
              code,
              name: `${unit}${team}${round ? `第${round + 1}` : ''}党支部`,
              unit,
              secretary: `${rnd.pick([...SURNAMES])}${rnd.pick(GIVEN)}`,
              memberCount: 8 + Math.floor(rnd.next() * 40),
              note: '示例数据',
            },
            now,
          ).id,
      );
    }

    const frameworkId = createFrameworkFromDraft(db, { ...UNIFIED_TEMPLATE, name: `${UNIFIED_TEMPLATE.name}（示例）` }, now);
    const year = now.getUTCFullYear();
    // 示例, 示例2, 示例3 …: each sample is its own period.
    const samples = db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM period WHERE name LIKE ?").get(`${year}年度党建业务一体化考评（示例%`)!.n;
    const period = createPeriod(
      db,
      { name: `${year}年度党建业务一体化考评（示例${samples ? samples + 1 : ''}）`, year, kind: 'annual', frameworkId, branchIds, settings: {} },
      now,
    );

    // The panel: three groups; the first rater of the staff group belongs to the first branch (回避).
    const raterIds: number[] = [];
    const leniency = new Map<number, number>();
    const ownBranch = new Map<number, number>();
    let made = 0;
    GROUPS.forEach((g, gi) => {
      const group = saveGroup(db, period.id, { name: g.name, weight: g.weight }, { actor: SYSTEM, now });
      const count = gi === GROUPS.length - 1 ? options.raters - made : Math.max(1, Math.round(options.raters * g.share));
      for (let k = 0; k < count && made < options.raters; k++, made++) {
        const rater = saveRater(db, period.id, {
          groupId: group.id,
          name: `${SURNAMES[(made * 7) % SURNAMES.length]}${GIVEN[(made * 3) % GIVEN.length]}`,
          title: g.name === '职工代表' ? '职工代表' : g.name === '上级党委' ? '党委委员' : '组织部',
          branchId: gi === 2 && k === 0 ? branchIds[0]! : null,
          recusals: [],
        }, { actor: SYSTEM, now });
        raterIds.push(rater.id);
        if (rater.branchId !== null) ownBranch.set(rater.id, rater.branchId);
        leniency.set(rater.id, rnd.normal(0, 0.03));
      }
    });

    const indicators = getIndicators(db, frameworkId);
    const parents = new Set(indicators.map((i) => i.parentId));
    const leaves = indicators.filter((i) => !parents.has(i.id) && i.method);
    const strength = new Map(
      branchIds.map((b) => {
        const q = rnd.normal(0.8, 0.07);
        return [b, { party: Math.min(0.99, q + rnd.normal(0, 0.05)), business: Math.min(0.99, q + rnd.normal(0, 0.05)) }];
      }),
    );
    const vetoed = branchIds.length >= 6 ? branchIds[branchIds.length - 2]! : null;
    // The veto someone records (a data-triggered one, 由业务数据触发, follows the measurements instead).
    const vetoLeaf = leaves.find((l) => l.method?.kind === 'veto' && entryModeOf(l.method) !== 'data');

    const measurements: MeasurementInput[] = [];
    for (const b of branchIds) {
      for (const leaf of leaves) {
        if (leaf.method?.kind !== 'quantitative') continue;
        const s = strength.get(b)!.business;
        const target = leaf.method.direction === 'higher' ? 100 : 50;
        const delta = rnd.normal((s - 0.84) * 0.4, 0.03);
        measurements.push({
          branchId: b,
          indicatorId: leaf.id,
          target,
          actual: Math.round(target * (leaf.method.direction === 'higher' ? 1 + delta : 1 - delta) * 100) / 100,
          floor: null,
          source: '生产经营计划部',
        });
      }
    }
    saveMeasurements(db, period.id, measurements, { now, actor: { kind: 'system', name: '示例数据' } });

    // 考核组核定: one value per branch on each office-recorded leaf, with the check record it rests on.
    const officeLeaves = leaves.filter((l) => l.method && entryModeOf(l.method) === 'office');
    const officeRows: OfficeRecordInput[] = [];
    for (const b of branchIds) {
      const s = strength.get(b)!;
      for (const leaf of officeLeaves) {
        const q = Math.max(0, Math.min(1, (leaf.tag === 'business' ? s.business : leaf.tag === 'party' ? s.party : (s.party + s.business) / 2) + rnd.normal(0, 0.05)));
        const flagged = vetoed === b && leaf.id === vetoLeaf?.id;
        const { value, detail } = sampleValue(leaf.method!, leaf.maxPoints, q, flagged, year, rnd);
        officeRows.push({ branchId: b, indicatorId: leaf.id, value, detail, findings: [], evidence: `${year}年党建工作检查记录第${officeRows.length + 1}号`, evidenceDate: `${year}-11-15` });
      }
    }
    if (officeRows.length) writeOfficeRecords(db, period.id, officeRows, { now, actor: SAMPLE_ACTOR });

    const entries: EntryInput[] = [];
    for (const r of raterIds) {
      for (const b of branchIds) {
        if (ownBranch.get(r) === b) continue;
        const s = strength.get(b)!;
        for (const leaf of leaves) {
          const m = leaf.method!;
          if (entryModeOf(m) === 'office') continue; // recorded once by the office, above
          const q = Math.max(0, Math.min(1, (leaf.tag === 'business' ? s.business : leaf.tag === 'party' ? s.party : (s.party + s.business) / 2) + leniency.get(r)! + rnd.normal(0, 0.05)));
          if (entryModeOf(m) === 'data') continue; // business data, above (quantitative leaves and those it triggers)
          entries.push({ raterId: r, branchId: b, indicatorId: leaf.id, ...sampleValue(m, leaf.maxPoints, q, vetoed === b && leaf.id === vetoLeaf?.id, year, rnd) });
        }
      }
    }
    advancePeriod(db, period.id, 'scoring', now, SAMPLE_ACTOR);
    saveEntries(db, period.id, entries, { now, actor: SAMPLE_ACTOR });
    const final = advancePeriod(db, period.id, 'review', now, SAMPLE_ACTOR);
    return { period: final, branches: branchIds.length, raters: raterIds.length, entries: entries.length, measurements: measurements.length };
  });
}
