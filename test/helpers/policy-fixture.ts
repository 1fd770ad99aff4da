/**
 * The data the policy matrix (test/unit/policy-matrix.test.ts) calls every
 * contract method on: a period under test in a chosen phase, with a panel
 * (王建国 signs in without a PIN; 李敏 has a PIN and, once scoring opened,
 * has finished), scores, business data, an office-recorded leaf (4, 考核组核定)
 * recorded for HG-01, a planned and a running review
 * meeting, a backup, the workbooks the imports read; and another period in
 * scoring with its own rater. Built once per phase with the real services
 * on a real database file, then closed so each method runs on a copy.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createServices } from '../../electron/services';
import type { Invoke, Input, MethodName, Output } from '../../shared/api';
import { PERIOD_STATUSES, type PeriodStatus } from '../../shared/domain/period';
import { writeFrameworkWorkbook } from './framework-workbooks';
import { PERIOD_FRAMEWORK } from './period-setup';
import { ok } from './result';
import { appendRows } from './workbooks';

export interface PolicyFixture {
  phase: PeriodStatus;
  /** The data folder to copy (closed: no services hold it open). */
  dataDir: string;
  periodId: number;
  periodName: string;
  /** Another period, in scoring, with its own rater. */
  otherPeriodId: number;
  otherRaterId: number;
  /** The period's framework version, and an unused copy of it whose indicators may be edited. */
  frameworkId: number;
  spareFrameworkId: number;
  spareIndicator: (code: string) => number;
  leaf: (code: string) => number;
  /** HG-01 and HG-02 are in the period's scope; GD-01 is not. */
  hg1: number;
  hg2: number;
  gd1: number;
  groupId: number;
  /** A group with nobody in it. */
  emptyGroupId: number;
  /** 王建国: no PIN, signs in as "own rater". */
  r1: number;
  /** 李敏: a PIN, a member of HG-02 (recused), finished once scoring opened. */
  r2: number;
  /** 张海燕: no entries, may be deleted. */
  r3: number;
  plannedMeetingId: number;
  runningMeetingId: number;
  /** The running meeting's current item: HG-01's report. */
  reportItemId: number;
  /** The record of the running meeting's 评审会材料, written before scoring (in the fixture's own temporary folder). */
  packRecordId: number;
  backupName: string;
  /** Workbooks the imports read (outside the data folder; never written by a method). */
  files: { framework: string; branches: string; measurements: string; self: string; scores: string; panel: string; office: string };
}

/** Builds the fixture in `root` (root/data, root/in) with the period under test in `phase`. */
export async function buildPolicyFixture(phase: PeriodStatus, root: string): Promise<PolicyFixture> {
  const dataDir = path.join(root, 'data');
  const inDir = path.join(root, 'in');
  mkdirSync(inDir, { recursive: true });
  // No admin PIN: the services start as the admin.
  const services = createServices({ dataDir });
  const call = services.invoke as Invoke;
  const run = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => ok(await call(method, input));
  try {
    const files = {
      framework: path.join(inDir, '指标体系.xlsx'),
      branches: path.join(inDir, '党支部.xlsx'),
      measurements: path.join(inDir, '业务数据.xlsx'),
      self: path.join(inDir, '自评.xlsx'),
      scores: path.join(inDir, '评分.xlsx'),
      panel: path.join(inDir, '评委名单.xlsx'),
      office: path.join(inDir, '考核组核定.xlsx'),
    };
    await writeFrameworkWorkbook(files.framework, PERIOD_FRAMEWORK);
    const frameworkId = (await run('frameworks.import', { path: files.framework, name: '融合考评' })).id;
    // 4 (重大事故) is recorded by the office (考核组核定), not by raters.
    const vetoLeaf = (await run('frameworks.get', { id: frameworkId })).indicators.find((i) => i.code === '4') ?? fail('no indicator 4');
    const { id: vetoId, code, name, criteria, evidence, tag, maxPoints, method } = vetoLeaf;
    await run('indicators.update', { id: vetoId, fields: { code, name, criteria, evidence, tag, maxPoints, method: method?.kind === 'veto' ? { ...method, entry: 'office' } : fail('4 is not a veto') } });
    const spareFrameworkId = (await run('frameworks.create', { name: '备用体系', source: { kind: 'copy', frameworkId } })).id;
    const codes = async (id: number) => new Map((await run('frameworks.get', { id })).indicators.map((i) => [i.code, i.id]));
    const mainCodes = await codes(frameworkId);
    const spareCodes = await codes(spareFrameworkId);
    const hg1 = (await run('branches.create', { code: 'HG-01', name: '化工一厂第一党支部' })).id;
    const hg2 = (await run('branches.create', { code: 'HG-02', name: '化工一厂第二党支部' })).id;
    const gd1 = (await run('branches.create', { code: 'GD-01', name: '供电公司变电运维党支部' })).id;

    const period = await run('periods.create', { name: '2026年度', year: 2026, kind: 'annual', frameworkId, branchIds: [hg1, hg2] });
    const periodId = period.id;
    const groupId = (await run('panel.saveGroup', { periodId, name: '考评组', weight: 1 })).id;
    const emptyGroupId = (await run('panel.saveGroup', { periodId, name: '列席组', weight: 1 })).id;
    const r1 = (await run('panel.saveRater', { periodId, groupId, name: '王建国' })).id;
    const r2 = (await run('panel.saveRater', { periodId, groupId, name: '李敏', branchId: hg2 })).id;
    const r3 = (await run('panel.saveRater', { periodId, groupId, name: '张海燕' })).id;
    await run('panel.setRaterPin', { periodId, raterId: r2, pin: '2468' });

    const other = await run('periods.create', { name: '2026年上半年', year: 2026, kind: 'half', frameworkId, branchIds: [hg1] });
    const otherGroup = (await run('panel.saveGroup', { periodId: other.id, name: '考评组', weight: 1 })).id;
    const otherRaterId = (await run('panel.saveRater', { periodId: other.id, groupId: otherGroup, name: '刘志强' })).id;
    await run('periods.advance', { id: other.id, to: 'scoring' });

    const leaf = (code: string) => mainCodes.get(code) ?? fail(`no indicator ${code}`);
    const spareIndicator = (code: string) => spareCodes.get(code) ?? fail(`no indicator ${code}`);
    await run('measurements.save', {
      periodId,
      rows: [hg1, hg2].flatMap((branchId) => [
        { branchId, indicatorId: leaf('2.1'), target: 100, actual: 96 },
        { branchId, indicatorId: leaf('2.2'), target: 1, actual: 0.95 },
      ]),
    });
    await run('office.save', { periodId, rows: [{ branchId: hg1, indicatorId: leaf('4'), value: 0 }] });

    const meeting = (title: string) =>
      run('meetings.save', { periodId, kind: 'assessment', title, date: '2026-11-21', startTime: '09:00', withPanel: true, withAllBranches: true });
    const plannedMeetingId = (await meeting('2026年度考核会（预备）')).id;
    const running = await meeting('2026年度考核会');
    const report = running.items.find((i) => i.kind === 'report' && i.branch?.id === hg1) ?? fail('no report item for HG-01');
    await run('meetings.start', { id: running.id });
    await run('meetings.goTo', { id: running.id, itemIndex: running.items.indexOf(report) });
    mkdirSync(path.join(root, 'docs'));
    await run('documents.meetingPack', { meetingId: running.id, path: path.join(root, 'docs', '评审会材料.docx') });
    const packRecordId =
      services.ctx.db.prepare<[], { id: number }>("SELECT id FROM result_record WHERE kind = 'meetingPack'").get()?.id ?? fail('the meeting pack was not recorded');

    await run('branches.writeTemplate', { path: files.branches });
    await appendRows(files.branches, [['JX-01', '机修车间党支部']]);
    await run('measurements.writeTemplate', { periodId, path: files.measurements });
    await run('selfAssessment.writeTemplate', { periodId, path: files.self });
    await run('scores.writeTemplate', { periodId, raterId: r1, path: files.scores });
    await run('office.writeTemplate', { periodId, path: files.office });
    await run('panel.writeTemplate', { periodId, path: files.panel });
    // Filled as a user would, so the imports have something to import: HG-01's 1.3 self-assessed, no deduction on 1.1.
    await fillCell(files.self, '自评', 'G4', 8);
    await fillCell(files.scores, '评分', 'E2', 0);

    const reached = PERIOD_STATUSES.indexOf(phase);
    if (reached >= PERIOD_STATUSES.indexOf('scoring')) {
      await run('periods.advance', { id: periodId, to: 'scoring' });
      const sheet = (raterId: number, branchId: number, rating: number) => [
        { raterId, branchId, indicatorId: leaf('1.1'), value: 0 },
        { raterId, branchId, indicatorId: leaf('1.2'), value: 1 },
        { raterId, branchId, indicatorId: leaf('1.3'), value: rating / 2 },
        { raterId, branchId, indicatorId: leaf('2.3'), value: rating },
        { raterId, branchId, indicatorId: leaf('3'), value: 0 },
      ];
      await run('entries.save', { periodId, entries: [...sheet(r1, hg1, 16), ...sheet(r1, hg2, 14), ...sheet(r2, hg1, 18)] });
      await run('scoring.setFinished', { periodId, raterId: r2, finished: true });
      await run('meetings.reveal', { itemId: report.id });
    }
    if (reached >= PERIOD_STATUSES.indexOf('review')) {
      // 张海燕 has not scored, and the meeting's other items are open: each gated step goes on with a reason.
      await run('periods.advance', { id: periodId, to: 'review', override: '张海燕因病缺席，经党委同意不再补评' });
      await run('periods.publish', { periodId, start: '2026-12-01', end: '2026-12-07', objectionContact: '党委组织部 电话 6688', override: '张海燕因病缺席，经党委同意不再补评' });
    }
    if (reached >= PERIOD_STATUSES.indexOf('finalised')) await run('periods.advance', { id: periodId, to: 'finalised', override: '考核会议程已由党委会另行议定' });
    const backupName = (await run('backups.create', {})).name;
    await run('app.setCurrentPeriod', { periodId });
    return {
      phase,
      dataDir,
      periodId,
      periodName: period.name,
      otherPeriodId: other.id,
      otherRaterId,
      frameworkId,
      spareFrameworkId,
      spareIndicator,
      leaf,
      hg1,
      hg2,
      gd1,
      groupId,
      emptyGroupId,
      r1,
      r2,
      r3,
      plannedMeetingId,
      runningMeetingId: running.id,
      reportItemId: report.id,
      packRecordId,
      backupName,
      files,
    };
  } finally {
    services.close();
  }
}

async function fillCell(file: string, sheet: string, cell: string, value: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  (wb.getWorksheet(sheet) ?? fail(`no sheet ${sheet} in ${file}`)).getCell(cell).value = value;
  await wb.xlsx.writeFile(file);
}

function fail(message: string): never {
  throw new Error(message);
}
