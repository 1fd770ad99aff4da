/**
 * Issue 9 §4 “One set of figures everywhere”: what the app makes from a
 * period's results — a reveal, the 公示 marked published, each document —
 * keeps the fingerprint of the results it came from; once the results change,
 * those records are listed as out of date with the figures then and now, and
 * the documents can be written again in their place.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../electron/db/sqlite';
import { registerAuditFunctions } from '../../electron/db/audit-chain';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { createServices } from '../../electron/services';
import { FileAccess } from '../../electron/services/grants';
import { fullSheet, measurementOf, periodSetup } from '../helpers/period-setup';
import { ok } from '../helpers/result';
import { tempDir } from '../helpers/tmp';
import { docxText } from '../helpers/docx-text';

const docText = docxText;

const publication = { start: '2026-12-14', end: '2026-12-18', objectionContact: '党委组织部 电话 6688' };

/**
 * A complete period: HG-01 scored by both raters, HG-02 by 王建国 (李敏 is
 * recused), every business figure in; a meeting whose HG-01 report is revealed
 * while scoring is still open; then (unless told otherwise) review.
 */
async function revealedPeriod(o: { review: boolean } = { review: true }) {
  const clock = { now: new Date('2026-12-10T04:00:00.000Z') };
  const s = await periodSetup({ now: () => clock.now });
  ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [...fullSheet(s, s.r1, s.hg1), ...fullSheet(s, s.r1, s.hg2), ...fullSheet(s, s.r2, s.hg1)] }));
  ok(
    await s.invoke('measurements.save', {
      periodId: s.periodId,
      rows: [s.hg1, s.hg2].flatMap((b) => [measurementOf(b, s.leaf('2.1').id, 96), measurementOf(b, s.leaf('2.2').id, 95)]),
    }),
  );
  const meeting = ok(
    await s.invoke('meetings.save', { periodId: s.periodId, kind: 'assessment', title: '2026年度考核评审会', date: '2026-12-12', withPanel: true, withAllBranches: true }),
  );
  const item = meeting.items.find((i) => i.kind === 'report' && i.branch?.id === s.hg1)!;
  ok(await s.invoke('meetings.start', { id: meeting.id }));
  ok(await s.invoke('meetings.goTo', { id: meeting.id, itemIndex: meeting.items.indexOf(item) }));
  ok(await s.invoke('meetings.reveal', { itemId: item.id }));
  if (o.review) ok(await s.invoke('periods.advance', { id: s.periodId, to: 'review' }));
  const out = path.join(s.dir, 'out');
  mkdirSync(out);
  const file = (name: string) => path.join(out, name);
  const hg1Now = async () => ok(await s.invoke('results.get', { periodId: s.periodId })).result.branches.find((b) => b.branchId === s.hg1)!;
  return { ...s, clock, meeting, item, file, hg1Now };
}

describe('result records', () => {
  it('lists every record and document made before a score changed, with the figures then and now, and regenerates a document in its place', async () => {
    const s = await revealedPeriod();
    const before = await s.hg1Now();
    ok(await s.invoke('documents.bulletin', { periodId: s.periodId, path: s.file('通报.docx'), issuer: '公司党委组织部', date: '2026-12-15' }));
    ok(await s.invoke('documents.feedback', { periodId: s.periodId, branchId: s.hg1, path: s.file('反馈单.docx') }));
    ok(await s.invoke('periods.publish', { periodId: s.periodId, ...publication, published: true }));
    ok(await s.invoke('documents.publication', { periodId: s.periodId, path: s.file('公示.docx') }));
    ok(await s.invoke('documents.minutes', { meetingId: s.meeting.id, path: s.file('纪要.docx') }));

    // Nothing has changed since: nothing is out of date, and the list names the fingerprint results.get shows.
    const current = ok(await s.invoke('results.get', { periodId: s.periodId })).fingerprint;
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId }))).toEqual({ fingerprint: current, records: [] });
    // Saving a score unchanged changes no result either.
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: fullSheet(s, s.r1, s.hg1, 3), reason: '核对' }));
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId })).records).toEqual([]);

    // A late change in review needs its reason; with it, HG-01's 组织生活 goes from 8 to 4.
    const changed = [{ raterId: s.r1, branchId: s.hg1, indicatorId: s.leaf('1.3').id, value: 4 }];
    expect(await s.invoke('entries.save', { periodId: s.periodId, entries: changed })).toMatchObject({ ok: false });
    s.clock.now = new Date('2026-12-16T04:00:00.000Z');
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: changed, reason: '复核更正' }));
    const after = await s.hg1Now();
    expect(after.total).toBeLessThan(before.total);

    const outdated = ok(await s.invoke('results.outdated', { periodId: s.periodId }));
    expect(outdated.fingerprint).not.toBe(current);
    expect(outdated.records.map((r) => r.kind).sort()).toEqual(['bulletin', 'feedback', 'minutesDoc', 'publication', 'publicationDoc', 'reveal']);
    for (const r of outdated.records) expect(r.fingerprint).toBe(current);
    const reveal = outdated.records.find((r) => r.kind === 'reveal')!;
    // Revealed while scoring was open: the total only, as the meeting saw it; now with rank and grade (review).
    expect(reveal).toMatchObject({ branch: { id: s.hg1, code: 'HG-01' }, meetingId: s.meeting.id, itemId: s.item.id, path: null });
    expect(reveal.figures).toEqual({ total: before.total, rank: null, grade: null });
    expect(reveal.current).toEqual({ total: after.total, rank: after.rank, grade: after.grade });
    const feedback = outdated.records.find((r) => r.kind === 'feedback')!;
    expect(feedback).toMatchObject({ path: s.file('反馈单.docx'), figures: { total: before.total, rank: before.rank, grade: before.grade }, current: { total: after.total } });
    expect(outdated.records.find((r) => r.kind === 'bulletin')).toMatchObject({ path: s.file('通报.docx'), branch: null, figures: null, current: null });

    // Written again: the old file replaced in place (no dialog, no “file exists”), with the options it was made with.
    const bulletin = outdated.records.find((r) => r.kind === 'bulletin')!;
    // HG-01's row of the ranking table: its name, then its total.
    const hg1Row = (total: number) => `化工一厂第一党支部${total.toFixed(2)}`;
    const oldText = await docText(s.file('通报.docx'));
    expect(oldText).toContain(hg1Row(before.total));
    expect(oldText).not.toContain(hg1Row(after.total));
    expect(ok(await s.invoke('documents.regenerate', { recordId: bulletin.id }))).toMatchObject({ path: s.file('通报.docx') });
    const newText = await docText(s.file('通报.docx'));
    expect(newText).toContain(hg1Row(after.total));
    expect(newText).not.toContain(hg1Row(before.total));
    expect(newText).toContain('公司党委组织部');
    expect(newText).toContain('2026年12月15日');
    // Regenerating leaves the remembered defaults alone (the issuer was given once, on the first writing, and is remembered from then).
    expect(ok(await s.invoke('documents.defaults', {})).issuer).toBe('公司党委组织部');

    const left = ok(await s.invoke('results.outdated', { periodId: s.periodId })).records.map((r) => r.kind).sort();
    expect(left).toEqual(['feedback', 'minutesDoc', 'publication', 'publicationDoc', 'reveal']);

    // The feedback sheet, written again, is recorded with the figures it now prints.
    const sheet = ok(await s.invoke('results.outdated', { periodId: s.periodId })).records.find((r) => r.kind === 'feedback')!;
    ok(await s.invoke('documents.regenerate', { recordId: sheet.id }));
    expect(await docText(s.file('反馈单.docx'))).toContain(after.total.toFixed(2));
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId })).records.some((r) => r.kind === 'feedback')).toBe(false);

    // An announcement cannot be written again.
    expect(await s.invoke('documents.regenerate', { recordId: reveal.id })).toMatchObject({ ok: false, error: { code: 'validation', message: '这条记录不是文档，无法重新生成' } });
    expect(await s.invoke('documents.regenerate', { recordId: 99_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps the figure announced at the reveal in the minutes, beside the figure now once scores changed', async () => {
    const s = await revealedPeriod();
    const before = await s.hg1Now();
    const draft = ok(await s.invoke('meetings.draftMinutes', { id: s.meeting.id })).text;
    expect(draft).toContain(`评议得分：${before.total.toFixed(2)} 分（`);
    expect(draft).not.toContain('会上揭晓');

    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: s.leaf('1.3').id, value: 4 }], reason: '复核更正' }));
    const after = await s.hg1Now();
    const changed = ok(await s.invoke('meetings.draftMinutes', { id: s.meeting.id })).text;
    expect(changed).toContain(`评议得分：会上揭晓 ${before.total.toFixed(2)} 分；现为 ${after.total.toFixed(2)} 分（`);
    expect(changed).toContain('，揭晓后评分有变动。');
  });

  it('records each file of a batch; the one-file book is written again with every sheet', async () => {
    const s = await revealedPeriod();
    const folder = s.file('反馈单');
    const perBranch = ok(await s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'perBranch', path: folder }));
    const book = ok(await s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'single', path: s.file('汇编.docx') }));
    for (const job of [perBranch, book]) {
      for (let i = 0; ; i++) {
        const st = ok(await s.invoke('documents.jobStatus', { jobId: job.jobId }));
        if (st.state !== 'running') {
          expect(st.state).toBe('done');
          break;
        }
        if (i > 500) throw new Error('batch did not finish');
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg2, indicatorId: s.leaf('1.3').id, value: 4 }], reason: '复核更正' }));
    const records = ok(await s.invoke('results.outdated', { periodId: s.periodId })).records;
    const sheets = records.filter((r) => r.kind === 'feedback');
    expect(sheets.map((r) => [r.branch?.code ?? null, r.path ? path.relative(s.dir, r.path) : null]).sort()).toEqual([
      [null, path.join('out', '汇编.docx')],
      ['HG-01', path.join('out', '反馈单', 'HG-01 化工一厂第一党支部 反馈单.docx')],
      ['HG-02', path.join('out', '反馈单', 'HG-02 化工一厂第二党支部 反馈单.docx')],
    ]);
    // HG-01's figures did not change, HG-02's did.
    const hg1 = sheets.find((r) => r.branch?.id === s.hg1)!;
    expect(hg1.current!.total).toBe(hg1.figures!.total);
    const hg2 = sheets.find((r) => r.branch?.id === s.hg2)!;
    expect(hg2.current!.total).toBeLessThan(hg2.figures!.total);

    const bookRecord = sheets.find((r) => r.branch === null)!;
    ok(await s.invoke('documents.regenerate', { recordId: bookRecord.id }));
    const text = await docText(s.file('汇编.docx'));
    expect(text).toContain('化工一厂第一党支部');
    expect(text).toContain('化工一厂第二党支部');
    expect(text).toContain(hg2.current!.total.toFixed(2));
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId })).records.filter((r) => r.kind === 'feedback')).toHaveLength(2);
  });

  it('lists a reveal made while scoring is open without the figures now (hidden until review)', async () => {
    const s = await revealedPeriod({ review: false });
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: s.leaf('1.3').id, value: 4 }] }));
    const records = ok(await s.invoke('results.outdated', { periodId: s.periodId })).records;
    expect(records.map((r) => [r.kind, r.figures === null, r.current])).toEqual([['reveal', false, null]]);
  });

  it('after a reopen, lists what the changed scores made out of date and writes it again', async () => {
    const s = await revealedPeriod();
    ok(await s.invoke('documents.bulletin', { periodId: s.periodId, path: s.file('通报.docx') }));
    ok(await s.invoke('periods.publish', { periodId: s.periodId, ...publication, published: true }));
    ok(await s.invoke('periods.advance', { id: s.periodId, to: 'finalised', override: '其余议程另行议定' }));
    // Moving on changes no figure: nothing is out of date.
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId })).records).toEqual([]);
    ok(await s.invoke('periods.reopen', { id: s.periodId, reason: '补录漏评' }));
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg2, indicatorId: s.leaf('1.3').id, value: 4 }], reason: '补录' }));
    const records = ok(await s.invoke('results.outdated', { periodId: s.periodId })).records;
    expect(records.map((r) => r.kind)).toEqual(['publication', 'bulletin', 'reveal']);
    ok(await s.invoke('documents.regenerate', { recordId: records[1]!.id }));
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId })).records.map((r) => r.kind)).toEqual(['publication', 'reveal']);
    // Withdrawn, the 公示 is no longer out there to be out of date; published again from these results, it is current.
    ok(await s.invoke('periods.publish', { periodId: s.periodId, ...publication, published: false }));
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId })).records.map((r) => r.kind)).toEqual(['reveal']);
    ok(await s.invoke('periods.publish', { periodId: s.periodId, ...publication, published: true }));
    expect(ok(await s.invoke('results.outdated', { periodId: s.periodId })).records.map((r) => r.kind)).toEqual(['reveal']);
  });

  it('in the app (paths from dialogs only), rewrites a recorded document without a new dialog, while the same path from the renderer is refused', async () => {
    const s = await revealedPeriod();
    ok(await s.invoke('documents.bulletin', { periodId: s.periodId, path: s.file('通报.docx') }));
    ok(await s.invoke('entries.save', { periodId: s.periodId, entries: [{ raterId: s.r1, branchId: s.hg1, indicatorId: s.leaf('1.3').id, value: 4 }], reason: '复核更正' }));
    const dataDir = s.services.ctx.dataDir;
    s.services.close();
    const app = createServices({ dataDir, paths: 'dialog' });
    try {
      expect(await app.invoke('documents.bulletin', { periodId: s.periodId, path: s.file('通报.docx') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const [record] = ok(await app.invoke('results.outdated', { periodId: s.periodId })).records.filter((r) => r.kind === 'bulletin');
      expect(await app.invoke('documents.regenerate', { recordId: record!.id })).toEqual({ ok: true, value: { path: s.file('通报.docx') } });
    } finally {
      app.close();
    }
  });

  it('rewrites only a recorded path: absolute, and not a folder', () => {
    const dir = tempDir();
    const files = new FileAccess('dialog');
    expect(() => files.mayRewriteRecorded(path.join(dir, '通报.docx'))).not.toThrow();
    expect(() => files.mayRewriteRecorded('通报.docx')).toThrow(/完整路径|绝对|路径/);
    expect(() => files.mayRewriteRecorded(dir)).toThrow();
  });
});

describe('migration 9', () => {
  it('adds result_record to a version-8 database: STRICT, checked, going with its period', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v8.db');
    const db = openSqlite(file);
    registerAuditFunctions(db);
    migrate(db, migrations.slice(0, 8), { file, backupDir: dir });
    db.exec(`INSERT INTO framework (id, name, created_at, updated_at) VALUES (1, '融合考评', 'x', 'x');
             INSERT INTO period (id, name, year, kind, framework_id, settings_json, created_at, updated_at) VALUES (1, '2026年度', 2026, 'annual', 1, '{}', 'x', 'x');`);
    migrate(db, migrations, { file, backupDir: dir });
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'result_record'").get()).toEqual({ strict: 1 });
    const insert = db.prepare('INSERT INTO result_record (period_id, kind, made_at, fingerprint, path) VALUES (?, ?, ?, ?, ?)');
    const fp = 'a'.repeat(64);
    insert.run(1, 'bulletin', 'x', fp, '/tmp/通报.docx');
    insert.run(1, 'reveal', 'x', fp, null);
    expect(() => insert.run(1, 'letter', 'x', fp, '/tmp/x.docx')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'bulletin', 'x', 'abc', '/tmp/x.docx')).toThrow(/CHECK/);
    // A document has a file, an announcement none.
    expect(() => insert.run(1, 'bulletin', 'x', fp, null)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'reveal', 'x', fp, '/tmp/x.docx')).toThrow(/CHECK/);
    expect(() => insert.run(2, 'bulletin', 'x', fp, '/tmp/x.docx')).toThrow(/FOREIGN KEY/);
    db.exec('DELETE FROM period WHERE id = 1');
    expect(db.prepare('SELECT count(*) AS n FROM result_record').get()).toEqual({ n: 0 });
    db.close();
  });
});
