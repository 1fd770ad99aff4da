// npm run docs:render [-- --out DIR] [--branches N] [--only bulletin,feedback-vetoed,…]
//
// Writes every kind of Word document the app produces for a fresh sample period
// (in a temporary data folder, through the services, as the app does), then,
// where LibreOffice (soffice) and pdftoppm are installed, renders each to PNG
// pages with build/render-docx.mjs so they can be looked at the way a 组织部
// would print them. RONGPING_RENDER_DOCX names another renderer, run as
// `RENDERER FILE.docx OUT_DIR`. Not run in CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServices } from '../electron/services/index.ts';
import { waitForJob } from '../electron/services/documents.ts';
import { INSTALL_HINT, missingTools, renderDocx } from './render-docx.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' }, branches: { type: 'string' }, only: { type: 'string' } } });
const only = values.only ? new Set(values.only.split(',')) : null;
const out = path.resolve(values.out ?? path.join('test', 'artifacts', 'documents'));
const branches = Number(values.branches ?? 12);
mkdirSync(out, { recursive: true });

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rongping-docs-'));
const services = createServices({ dataDir });
const value = async (promise) => {
  const r = await promise;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

try {
  const sample = await value(services.invoke('sample.create', { branches, raters: 7, seed: 2026 }));
  const periodId = sample.period.id;
  const results = await value(services.invoke('results.get', { periodId }));
  const panel = await value(services.invoke('panel.get', { periodId }));
  const ranked = results.result.branches;
  const vetoed = ranked.find((b) => b.vetoed) ?? ranked.at(-1);
  const middle = ranked[Math.floor(ranked.length / 2)];

  // A self-assessment for one branch, so its sheet shows the comparison: full marks on every rating leaf.
  // (Self-assessment is entered before review; the sample period is already in review.)
  const self = await value(services.invoke('selfAssessment.get', { periodId, branchId: middle.branchId }));
  const entries = self.items.filter((i) => i.method.kind === 'rating').map((i) => ({ indicatorId: i.indicatorId, value: i.maxPoints, note: '' }));
  services.ctx.db.prepare("UPDATE period SET status = 'scoring' WHERE id = ?").run(periodId);
  await value(services.invoke('selfAssessment.save', { periodId, branchId: middle.branchId, entries }));
  services.ctx.db.prepare("UPDATE period SET status = 'review' WHERE id = ?").run(periodId);

  const written = [];
  const write = async (name, method, input) => {
    if (only && !only.has(name)) return;
    const file = path.join(out, `${name}.docx`);
    const r = await value(services.invoke(method, { periodId, path: file, ...input }));
    for (const w of r.warnings ?? []) console.warn(`  ! ${name}: ${w}`);
    written.push(file);
  };
  const rater = panel.raters[0];
  await write('score-sheet-rater-blank', 'documents.scoreSheet', { raterId: rater.id, filled: false });
  await write('score-sheet-branch-filled', 'documents.scoreSheet', { branchId: middle.branchId, filled: true, fontScheme: 'gb2312' });
  await write('bulletin', 'documents.bulletin', { fontScheme: 'gb2312', issuer: '中共示例石化公司委员会组织部' });
  await write('bulletin-windows-fonts', 'documents.bulletin', { fontScheme: 'windows' });
  await write('feedback-self-assessed', 'documents.feedback', { branchId: middle.branchId, fontScheme: 'gb2312' });
  await write('feedback-vetoed', 'documents.feedback', { branchId: vetoed.branchId, fontScheme: 'gb2312' });
  // A 考核会 with the panel and every branch on the agenda, held: three branches revealed, decisions taken,
  // the minutes saved from the draft; then the results published.
  const meeting = await value(
    services.invoke('meetings.save', {
      periodId,
      kind: 'assessment',
      title: `${sample.period.name}考核会`,
      date: '2026-11-20',
      startTime: '09:00',
      place: '公司办公楼三楼会议室',
      chair: '王建国',
      recorder: '李海燕',
      withPanel: true,
      withAllBranches: true,
      reportMinutes: 8,
    }),
  );
  await value(services.invoke('meetings.start', { id: meeting.id }));
  for (const [index, item] of meeting.items.slice(0, 3).entries()) {
    await value(services.invoke('meetings.goTo', { id: meeting.id, itemIndex: index }));
    await value(services.invoke('meetings.reveal', { itemId: item.id }));
    await value(services.invoke('meetings.saveItem', { itemId: item.id, decision: '同意考评组评分意见', notes: '' }));
  }
  await value(services.invoke('meetings.close', { id: meeting.id }));
  const draft = await value(services.invoke('meetings.draftMinutes', { id: meeting.id }));
  await value(services.invoke('meetings.saveMinutes', { id: meeting.id, text: draft.text }));
  await value(services.invoke('periods.publish', { periodId, start: '2026-11-21', end: '2026-11-27', objectionContact: '公司党委组织部（办公楼 305 室，电话 0000-1234567）' }));
  await write('meeting-pack', 'documents.meetingPack', { meetingId: meeting.id, fontScheme: 'gb2312' });
  await write('minutes', 'documents.minutes', { meetingId: meeting.id, fontScheme: 'gb2312' });
  await write('publication', 'documents.publication', { fontScheme: 'gb2312', issuer: '中共示例石化公司委员会组织部' });

  const batchFile = path.join(out, 'feedback-batch-3.docx');
  if (!only || only.has('feedback-batch-3')) {
    const ids = ranked.slice(0, 3).map((b) => b.branchId);
    const job = await value(services.invoke('documents.startBatch', { periodId, mode: 'single', path: batchFile, branchIds: ids }));
    const done = await waitForJob(services.ctx, job.jobId);
    if (done.state !== 'done') throw new Error(`batch ${done.state}: ${done.error?.message ?? ''}`);
    written.push(batchFile);
  }

  console.log(`Wrote ${written.length} documents to ${out}`);
  const renderer = process.env.RONGPING_RENDER_DOCX;
  const missing = renderer ? [] : missingTools();
  if (missing.length > 0) {
    console.log(`${missing.join(' and ')} not found on the PATH: documents written, not rendered (${INSTALL_HINT}).`);
  } else {
    for (const file of written) {
      const dir = file.replace(/\.docx$/, '');
      rmSync(dir, { recursive: true, force: true });
      const said = renderer ? execFileSync(renderer, [file, dir], { encoding: 'utf8' }).trim() : `${renderDocx(file, dir).length} page(s) in ${dir}`;
      console.log(`  ${path.basename(file)}: ${said}`);
    }
  }
} finally {
  services.close();
  rmSync(dataDir, { recursive: true, force: true });
}
