/**
 * Issue 9 §1: every contract method × every role × every period phase,
 * against the policy each handler declares (electron/services/handlers):
 * who may call it, which period (and sheet) a rater's call must be about,
 * in which phases it runs, whether it is blind while scoring, what
 * non-admins see. The expected answer of each cell is computed from the
 * declaration; the call goes through the real dispatcher on a copy of a
 * real database. A refusal must be exactly the gate's; a call the gate lets
 * through must not be refused by any gate, nor for its input (so every cell
 * tests something).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import { handlers, type HandlerSpec } from '../../electron/services/handlers';
import { api, type Input, type MethodName } from '../../shared/api';
import { PERIOD_STATUS_LABELS, PERIOD_STATUSES, type PeriodStatus } from '../../shared/domain/period';
import { t } from '../../shared/messages';
import { buildPolicyFixture, type PolicyFixture } from '../helpers/policy-fixture';
import { tempDir } from '../helpers/tmp';

const METHODS = Object.keys(handlers) as MethodName[];
const ROLES = ['nobody', 'otherRater', 'ownRater', 'admin'] as const;
type Role = (typeof ROLES)[number];

/** The fixture plus where this copy's files go (a fresh folder per method). */
type Sample = PolicyFixture & { out: (name: string) => string };

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A valid input for every method, naming the fixture's rows; files are written only into the copy's own folder. */
const SAMPLE_INPUT: { [M in MethodName]: (fx: Sample) => Input<M> } = {
  'app.info': () => ({}),
  'app.dataVersion': () => ({}),
  'app.setCurrentPeriod': (fx) => ({ periodId: fx.periodId }),

  'branches.list': () => ({}),
  'branches.create': () => ({ code: 'JX-02', name: '机修车间第二党支部' }),
  'branches.update': (fx) => ({ id: fx.hg1, fields: { code: 'HG-01', name: '化工一厂一支部' } }),
  'branches.setArchived': (fx) => ({ id: fx.gd1, archived: true }),
  'branches.previewImport': (fx) => ({ path: fx.files.branches }),
  'branches.import': (fx) => ({ path: fx.files.branches }),
  'branches.writeTemplate': (fx) => ({ path: fx.out('党支部模板.xlsx') }),

  'frameworks.list': () => ({}),
  'frameworks.get': (fx) => ({ id: fx.frameworkId }),
  'frameworks.create': () => ({ name: '新指标体系', source: { kind: 'template' } }),
  'frameworks.updateMeta': (fx) => ({ id: fx.spareFrameworkId, name: '备用指标体系', description: '试行' }),
  'frameworks.delete': (fx) => ({ id: fx.spareFrameworkId }),
  'frameworks.newVersion': (fx) => ({ id: fx.frameworkId }),
  'frameworks.renumber': (fx) => ({ id: fx.spareFrameworkId }),
  'frameworks.writeTemplate': (fx) => ({ path: fx.out('指标体系模板.xlsx') }),
  'frameworks.export': (fx) => ({ id: fx.frameworkId, path: fx.out('指标体系导出.xlsx') }),
  'frameworks.previewImport': (fx) => ({ path: fx.files.framework }),
  'frameworks.import': (fx) => ({ path: fx.files.framework, name: '导入的指标体系' }),
  'indicators.add': (fx) => ({
    frameworkId: fx.spareFrameworkId,
    parentId: fx.spareIndicator('1'),
    fields: { code: '1.4', name: '党员教育', tag: 'party', maxPoints: 0, method: { kind: 'rating', step: 0.5 } },
  }),
  'indicators.update': (fx) => ({
    id: fx.spareIndicator('1.3'),
    fields: { code: '1.3', name: '组织生活会', tag: 'party', maxPoints: 10, method: { kind: 'rating', step: 0.5 } },
  }),
  'indicators.delete': (fx) => ({ id: fx.spareIndicator('1.3') }),
  'indicators.move': (fx) => ({ id: fx.spareIndicator('1.3'), parentId: fx.spareIndicator('1'), position: 0 }),

  'periods.list': () => ({}),
  'periods.get': (fx) => ({ id: fx.periodId }),
  'periods.create': (fx) => ({ name: '2027年度', year: 2027, kind: 'annual', frameworkId: fx.frameworkId, branchIds: [fx.hg1, fx.hg2] }),
  'periods.update': (fx) => ({ id: fx.periodId, name: '2026年度综合考评', year: 2026, kind: 'annual' }),
  'periods.setBranches': (fx) => ({ id: fx.periodId, branchIds: [fx.hg1, fx.hg2, fx.gd1] }),
  'periods.setFramework': (fx) => ({ id: fx.periodId, frameworkId: fx.spareFrameworkId }),
  'periods.advance': (fx) => ({
    id: fx.periodId,
    to: PERIOD_STATUSES[Math.min(PERIOD_STATUSES.indexOf(fx.phase) + 1, PERIOD_STATUSES.length - 1)]!,
    override: '张海燕因病缺席，经党委同意不再补评',
  }),
  'periods.readiness': (fx) => ({ periodId: fx.periodId, step: 'finalise' }),
  'periods.overrides': (fx) => ({ periodId: fx.periodId }),
  'periods.reopen': (fx) => ({ id: fx.periodId, reason: '发现 HG-01 评分录入错误' }),
  'periods.delete': (fx) => ({ id: fx.periodId }),
  'periods.publish': (fx) => ({ periodId: fx.periodId, start: '2026-12-01', end: '2026-12-07', objectionContact: '党委组织部 电话 6688', override: '张海燕因病缺席，经党委同意不再补评' }),
  'periods.publication': (fx) => ({ periodId: fx.periodId }),

  'panel.get': (fx) => ({ periodId: fx.periodId }),
  'panel.saveGroup': (fx) => ({ periodId: fx.periodId, name: '第二考评组', weight: 0.5 }),
  'panel.deleteGroup': (fx) => ({ periodId: fx.periodId, id: fx.emptyGroupId }),
  'panel.saveRater': (fx) => ({ periodId: fx.periodId, groupId: fx.groupId, name: '陈卫东', title: '考评组成员' }),
  'panel.deleteRater': (fx) => ({ periodId: fx.periodId, id: fx.r3 }),
  'panel.setRaterPin': (fx) => ({ periodId: fx.periodId, raterId: fx.r1, pin: '1357' }),
  'panel.writeTemplate': (fx) => ({ periodId: fx.periodId, path: fx.out('评委名单.xlsx') }),
  'panel.previewImport': (fx) => ({ periodId: fx.periodId, path: fx.files.panel }),
  'panel.import': (fx) => ({ periodId: fx.periodId, path: fx.files.panel }),

  'session.get': () => ({}),
  'session.signInAdmin': () => ({}),
  'session.signInRater': (fx) => ({ periodId: fx.periodId, raterId: fx.r1 }),
  'session.signOut': () => ({}),
  'session.setAdminPin': () => ({ pin: '864200' }),
  'session.setIdleMinutes': () => ({ minutes: 10 }),

  'scoring.sheet': (fx) => ({ periodId: fx.periodId, raterId: fx.r1 }),
  'scoring.save': (fx) => ({ periodId: fx.periodId, raterId: fx.r1, entries: [{ branchId: fx.hg1, indicatorId: fx.leaf('1.3'), value: 6 }], reason: '按原始评分表更正' }),
  'scoring.setFinished': (fx) => ({ periodId: fx.periodId, raterId: fx.r1, finished: true }),
  'scoring.progress': (fx) => ({ periodId: fx.periodId }),
  'entries.save': (fx) => ({
    periodId: fx.periodId,
    entries: [{ raterId: fx.r1, branchId: fx.hg1, indicatorId: fx.leaf('1.3'), value: 6 }],
    reason: '按原始评分表更正',
  }),

  'measurements.list': (fx) => ({ periodId: fx.periodId }),
  'measurements.save': (fx) => ({ periodId: fx.periodId, rows: [{ branchId: fx.hg1, indicatorId: fx.leaf('2.1'), target: 100, actual: 98 }] }),
  'measurements.writeTemplate': (fx) => ({ periodId: fx.periodId, path: fx.out('业务数据模板.xlsx') }),
  'measurements.previewImport': (fx) => ({ periodId: fx.periodId, path: fx.files.measurements }),
  'measurements.import': (fx) => ({ periodId: fx.periodId, path: fx.files.measurements }),
  'office.list': (fx) => ({ periodId: fx.periodId }),
  'office.save': (fx) => ({
    periodId: fx.periodId,
    rows: [{ branchId: fx.hg2, indicatorId: fx.leaf('4'), value: 1, detail: ['2026年8月发生一般生产安全责任事故'], evidence: '安监〔2026〕12号', evidenceDate: '2026-08-20' }],
    reason: '按安全环保部事故通报核定',
  }),
  'office.writeTemplate': (fx) => ({ periodId: fx.periodId, path: fx.out('考核组核定模板.xlsx') }),
  'office.previewImport': (fx) => ({ periodId: fx.periodId, path: fx.files.office }),
  'office.import': (fx) => ({ periodId: fx.periodId, path: fx.files.office, reason: '按考核组检查记录核定' }),
  'selfAssessment.get': (fx) => ({ periodId: fx.periodId, branchId: fx.hg1 }),
  'selfAssessment.save': (fx) => ({ periodId: fx.periodId, branchId: fx.hg1, entries: [{ indicatorId: fx.leaf('1.3'), value: 8 }] }),
  'selfAssessment.writeTemplate': (fx) => ({ periodId: fx.periodId, path: fx.out('自评模板.xlsx') }),
  'selfAssessment.previewImport': (fx) => ({ periodId: fx.periodId, path: fx.files.self }),
  'selfAssessment.import': (fx) => ({ periodId: fx.periodId, path: fx.files.self }),
  'selfAssessment.compare': (fx) => ({ periodId: fx.periodId, branchId: fx.hg1 }),
  'scores.writeTemplate': (fx) => ({ periodId: fx.periodId, raterId: fx.r1, path: fx.out('评分模板.xlsx') }),
  'scores.previewImport': (fx) => ({ periodId: fx.periodId, path: fx.files.scores }),
  'scores.import': (fx) => ({ periodId: fx.periodId, path: fx.files.scores, reason: '按纸质评分表录入' }),
  'scores.export': (fx) => ({ periodId: fx.periodId, path: fx.out('评分导出.xlsx') }),

  'audit.list': (fx) => ({ periodId: fx.periodId }),
  'audit.export': (fx) => ({ periodId: fx.periodId, path: fx.out('操作日志.xlsx') }),
  'audit.verify': () => ({}),
  'backups.list': () => ({}),
  'backups.create': () => ({}),
  'backups.restore': (fx) => ({ name: fx.backupName }),
  'backups.setKeep': () => ({ keep: 10 }),

  'results.get': (fx) => ({ periodId: fx.periodId }),
  'results.explain': (fx) => ({ periodId: fx.periodId, branchId: fx.hg1 }),
  'results.panel': (fx) => ({ periodId: fx.periodId }),
  'results.trend': (fx) => ({ branchId: fx.hg1 }),
  'results.outdated': (fx) => ({ periodId: fx.periodId }),
  'files.writePng': (fx) => ({ path: fx.out('图表.png'), dataBase64: PNG_1X1 }),

  'documents.defaults': () => ({}),
  'documents.scoreSheet': (fx) => ({ periodId: fx.periodId, raterId: fx.r1, filled: false, path: fx.out('评分表.docx') }),
  'documents.bulletin': (fx) => ({ periodId: fx.periodId, path: fx.out('通报.docx') }),
  'documents.feedback': (fx) => ({ periodId: fx.periodId, branchId: fx.hg1, path: fx.out('反馈.docx') }),
  'documents.startBatch': (fx) => ({ periodId: fx.periodId, mode: 'single', path: fx.out('反馈汇编.docx') }),
  'documents.jobStatus': () => ({ jobId: 'job-1' }),
  'documents.cancelJob': () => ({ jobId: 'job-1' }),
  'documents.meetingPack': (fx) => ({ meetingId: fx.runningMeetingId, path: fx.out('评审会材料.docx') }),
  'documents.minutes': (fx) => ({ meetingId: fx.runningMeetingId, path: fx.out('会议纪要.docx') }),
  'documents.publication': (fx) => ({ periodId: fx.periodId, path: fx.out('公示.docx') }),
  // Rewrites the fixture's 评审会材料 where it was first written (the fixture's temporary folder, not the copy's).
  'documents.regenerate': (fx) => ({ recordId: fx.packRecordId }),

  'meetings.list': (fx) => ({ periodId: fx.periodId }),
  'meetings.get': (fx) => ({ id: fx.runningMeetingId }),
  'meetings.save': (fx) => ({ periodId: fx.periodId, kind: 'exchange', title: '党建工作交流会', date: '2026-11-28' }),
  'meetings.delete': (fx) => ({ id: fx.plannedMeetingId }),
  'meetings.saveAttendees': (fx) => ({ meetingId: fx.plannedMeetingId, attendees: [{ raterId: fx.r1, name: '王建国' }, { name: '王书记', title: '党委书记' }] }),
  'meetings.saveAgenda': (fx) => ({ meetingId: fx.plannedMeetingId, items: [{ kind: 'report', branchId: fx.hg1 }, { kind: 'other', title: '领导讲话' }] }),
  'meetings.start': (fx) => ({ id: fx.plannedMeetingId }),
  'meetings.goTo': (fx) => ({ id: fx.runningMeetingId, itemIndex: 0 }),
  'meetings.close': (fx) => ({ id: fx.runningMeetingId }),
  'meetings.reveal': (fx) => ({ itemId: fx.reportItemId }),
  'meetings.itemResult': (fx) => ({ itemId: fx.reportItemId }),
  'meetings.saveItem': (fx) => ({ itemId: fx.reportItemId, decision: '同意评定等次', notes: '述职 10 分钟' }),
  'meetings.draftMinutes': (fx) => ({ id: fx.runningMeetingId }),
  'meetings.saveMinutes': (fx) => ({ id: fx.runningMeetingId, text: '会议听取了各党支部述职。' }),
  'meetings.current': (fx) => ({ periodId: fx.periodId }),

  'sample.create': () => ({ branches: 2, raters: 1, seed: 7 }),
  'dialog.openFile': () => ({ title: '选择文件' }),
  'dialog.saveFile': () => ({ defaultName: '导出.xlsx' }),
  'dialog.openFolder': () => ({}),
  'shell.showInFolder': (fx) => ({ path: fx.files.framework }),
};

interface Refusal {
  code: string;
  message: string;
}

/** The session a role stands for, signed in through the contract as the app does. */
async function signInAs(services: Services, fx: PolicyFixture, role: Role): Promise<void> {
  const answer =
    role === 'nobody'
      ? await services.invoke('session.signOut', {})
      : role === 'admin'
        ? await services.invoke('session.signInAdmin', {})
        : await services.invoke('session.signInRater', role === 'ownRater' ? { periodId: fx.periodId, raterId: fx.r1 } : { periodId: fx.otherPeriodId, raterId: fx.otherRaterId });
  if (!answer.ok) throw new Error(`cannot sign in as ${role}: ${answer.error.message}`);
}

function periodRow(services: Services, id: number): { status: PeriodStatus; name: string } {
  const row = services.ctx.db.prepare<[number], { status: PeriodStatus; name: string }>('SELECT status, name FROM period WHERE id = ?').get(id);
  if (!row) throw new Error(`period ${id} does not exist`);
  return row;
}

/** What the declaration says the dispatcher answers `role` before the service runs: a refusal, or null (the call reaches the service). */
function declaredRefusal(method: MethodName, role: Role, input: never, fx: PolicyFixture, services: Services): Refusal | null {
  const spec = handlers[method] as HandlerSpec<MethodName>;
  const kind = role === 'nobody' ? 'none' : role === 'admin' ? 'admin' : 'rater';
  // Who may call at all: before sign-in only 'anyone'; a rater all but 'admin'; the admin everything.
  if (kind === 'none' && spec.access !== 'anyone') return { code: 'forbidden', message: t('error.dispatch.noSession') };
  if (kind === 'rater' && spec.access === 'admin') return { code: 'forbidden', message: t('error.dispatch.raterForbidden') };
  if (kind === 'rater' && spec.own) {
    const own = spec.own(input);
    const session = role === 'ownRater' ? { periodId: fx.periodId, raterId: fx.r1 } : { periodId: fx.otherPeriodId, raterId: fx.otherRaterId };
    if (own.periodId !== session.periodId) return { code: 'forbidden', message: t('error.dispatch.otherPeriod') };
    if (own.raterId !== undefined && own.raterId !== session.raterId) return { code: 'forbidden', message: t('error.scoring.ownSheetOnly') };
  }
  if (kind !== 'none' && spec.phases?.[kind]) {
    const allowed = spec.phases[kind];
    const { status } = periodRow(services, spec.phases.period(input));
    if (!allowed.includes(status)) {
      return {
        code: 'conflict',
        message: spec.phases.refused
          ? spec.phases.refused(status, kind)
          : t('error.dispatch.wrongPhase', { status: PERIOD_STATUS_LABELS[status], allowed: allowed.map((s) => PERIOD_STATUS_LABELS[s]).join('、') }),
      };
    }
  }
  const blindPeriod = spec.blind?.(input) ?? null;
  if (blindPeriod !== null) {
    const period = periodRow(services, blindPeriod);
    if (period.status === 'draft' || period.status === 'scoring') return { code: 'forbidden', message: t('error.scoring.resultsHidden', { name: period.name }) };
  }
  return null;
}

/** Every refusal a gate can answer with for `method`: a call the gate lets through must answer none of these. */
function gateMessages(method: MethodName, fx: PolicyFixture): Set<string> {
  const spec = handlers[method] as HandlerSpec<MethodName>;
  const messages = new Set([
    t('error.dispatch.noSession'),
    t('error.dispatch.raterForbidden'),
    t('error.dispatch.otherPeriod'),
    t('error.scoring.ownSheetOnly'),
    t('error.scoring.resultsHidden', { name: fx.periodName }),
  ]);
  for (const kind of ['rater', 'admin'] as const) {
    const allowed = spec.phases?.[kind];
    if (!spec.phases || !allowed) continue;
    for (const status of PERIOD_STATUSES) {
      if (allowed.includes(status)) continue;
      messages.add(spec.phases.refused ? spec.phases.refused(status, kind) : t('error.dispatch.wrongPhase', { status: PERIOD_STATUS_LABELS[status], allowed: allowed.map((s) => PERIOD_STATUS_LABELS[s]).join('、') }));
    }
  }
  return messages;
}

/** How the cells came out, for the summary printed at the end. */
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/** The data folder of `fx` copied into a fresh folder, with the real services opened on it. */
function openCopy(fx: PolicyFixture): { services: Services; sample: Sample; outDir: string } {
  const dir = tempDir('rongping-policy-');
  const dataDir = path.join(dir, 'data');
  const outDir = path.join(dir, 'out');
  cpSync(fx.dataDir, dataDir, { recursive: true });
  mkdirSync(outDir);
  const services = createServices({ dataDir });
  return { services, sample: { ...fx, out: (name) => path.join(outDir, name) }, outDir };
}

describe('the declaration', () => {
  it('names, for every rater-access method, the period (and sheet) the call is about', () => {
    expect(METHODS.filter((m) => handlers[m].access === 'rater' && !handlers[m].own)).toEqual([]);
  });

  it('has a sample input for every method, valid against the contract', () => {
    const samples: Partial<Record<string, unknown>> = SAMPLE_INPUT;
    expect(METHODS.filter((m) => !samples[m]), 'methods without a SAMPLE_INPUT').toEqual([]);
    expect(Object.keys(SAMPLE_INPUT).filter((m) => !(m in handlers)), 'samples for methods that do not exist').toEqual([]);
  });
});

describe.each(PERIOD_STATUSES)('with the period in phase %s', (phase) => {
  let fixture: PolicyFixture;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), `rongping-policy-${phase}-`));
    fixture = await buildPolicyFixture(phase, root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(METHODS)('%s answers each role as declared', async (method) => {
    const makeSample = SAMPLE_INPUT[method] as ((fx: Sample) => unknown) | undefined;
    if (!makeSample) throw new Error(`${method} has no SAMPLE_INPUT`);
    const { services, sample, outDir } = openCopy(fixture);
    try {
      const raw = makeSample(sample);
      const input = api[method].input.parse(raw) as never;
      const spec = handlers[method] as HandlerSpec<MethodName>;
      const allGates = gateMessages(method, fixture);
      // Refusals change nothing, so the roles share the copy; the admin, who may change most, goes last.
      for (const role of ROLES) {
        await signInAs(services, fixture, role);
        const cell = `${method} as ${role} in ${phase}`;
        const expected = declaredRefusal(method, role, input, fixture, services);
        const changesBefore = totalChanges(services);
        const answer = await services.invoke(method, raw as Input<typeof method>);
        if (expected) {
          expect.soft(answer, `${cell}: refused by the declaration`).toEqual({ ok: false, error: expected });
          expect.soft(totalChanges(services), `${cell}: a refusal writes nothing`).toBe(changesBefore);
          expect.soft(readdirSync(outDir), `${cell}: a refusal writes no file`).toEqual([]);
          count(`${role}: refused by the gate`);
          continue;
        }
        if (answer.ok) {
          count(`${role}: ok`);
          if (spec.redact && role !== 'admin') {
            const redact = spec.redact as (value: unknown) => unknown;
            expect.soft(redact(answer.value), `${cell}: only the redacted answer`).toEqual(answer.value);
          }
        } else {
          expect.soft(['invalid_input', 'unknown_method'], `${cell}: the sample input is valid (${answer.error.message})`).not.toContain(answer.error.code);
          expect.soft(allGates.has(answer.error.message), `${cell}: passes every gate, but answered “${answer.error.message}”`).toBe(false);
          count(`${role}: ${answer.error.code} from the service`);
          if (role === 'admin') count(`admin ${answer.error.code}: ${method} (${phase}) ${answer.error.message.slice(0, 60)}`);
        }
        // Independent of `own`: a rater of another period gets nothing of this period from a rater method.
        if (role === 'otherRater' && spec.access === 'rater') expect.soft(answer.ok, `${cell}: another period's rater is refused`).toBe(false);
      }
    } finally {
      services.close();
    }
  });

  it('shows the panel, and the period, to all but the admin without PIN state, finished marks or entry counts', async () => {
    const { services } = openCopy(fixture);
    try {
      const seen = async (role: Role) => {
        await signInAs(services, fixture, role);
        const panel = await services.invoke('panel.get', { periodId: fixture.periodId });
        const list = await services.invoke('periods.list', {});
        const period = role === 'ownRater' || role === 'admin' ? await services.invoke('periods.get', { id: fixture.periodId }) : null;
        if (!panel.ok || !list.ok || (period && !period.ok)) throw new Error(`${role} cannot read the panel or the period`);
        const thisPeriod = list.value.find((p) => p.id === fixture.periodId);
        return { raters: panel.value.raters, listed: thisPeriod?.entryCount, entryCount: period?.ok ? period.value.entryCount : undefined };
      };
      const admin = await seen('admin');
      // The fixture holds what is to be hidden: a PIN, and (once scoring opened) a finished rater and entries.
      expect(admin.raters.some((r) => r.hasPin)).toBe(true);
      expect(admin.raters.some((r) => r.recusals.length > 0)).toBe(true);
      if (phase !== 'draft') {
        expect(admin.raters.some((r) => r.finishedAt !== null)).toBe(true);
        expect(admin.listed).toBeGreaterThan(0);
        expect(admin.entryCount).toBeGreaterThan(0);
      }
      for (const role of ['nobody', 'otherRater', 'ownRater'] as const) {
        const view = await seen(role);
        expect(view.raters.map((r) => r.id), role).toEqual(admin.raters.map((r) => r.id));
        expect(view.raters.filter((r) => r.hasPin || r.finishedAt !== null || r.recusals.length > 0), role).toEqual([]);
        expect(view.listed, role).toBe(0);
        if (role === 'ownRater') expect(view.entryCount, role).toBe(0);
      }
    } finally {
      services.close();
    }
  });
});

describe('the matrix as a whole', () => {
  // Runs after the phases above (vitest runs a file's tests in order). Guards against a fixture gone
  // stale: cells the gate lets through must mostly reach a service that does the work, not fail on data.
  it('lets most of the admin’s calls through the gate succeed', () => {
    const admin = [...tally.entries()].filter(([key]) => key.startsWith('admin: ') && key !== 'admin: refused by the gate');
    const reached = admin.reduce((sum, [, n]) => sum + n, 0);
    if (reached === 0) return; // a filtered run (-t) ran no cells
    expect((tally.get('admin: ok') ?? 0) / reached).toBeGreaterThan(0.8);
  });
});

function totalChanges(services: Services): number {
  return services.ctx.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n;
}

afterAll(() => {
  const lines = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `  ${String(n).padStart(4)}  ${key}`);
  console.log(`policy matrix: ${METHODS.length} methods × ${ROLES.length} roles × ${PERIOD_STATUSES.length} phases\n${lines.join('\n')}`);
});
