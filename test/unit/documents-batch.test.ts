/**
 * Feedback sheets in batches: one file per branch into a folder (named
 * "SL-001 化工一厂生产运行党支部 反馈单.docx") or every sheet in one file (a
 * section each, numbered from 1); progress that can be followed while the
 * main process keeps answering; cancelling; the CLI's `export`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { BatchJobStatus } from '../../shared/domain/documents';
import { cli } from '../helpers/cli';
import { createServices } from '../../electron/services';
import { feedbackFileName, waitForJob } from '../../electron/services/documents';
import { tempDir, tempServices } from '../helpers/tmp';

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const documentXml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function sample(branches: number) {
  const services = tempServices();
  const s = await value(services.invoke('sample.create', { branches, raters: 5, seed: 3 }));
  const results = await value(services.invoke('results.get', { periodId: s.period.id }));
  return { ...services, periodId: s.period.id, results };
}

describe('batches of feedback sheets', () => {
  it('one file per branch into a folder, named by code and name, each with its own branch', async () => {
    const s = await sample(6);
    const dir = path.join(tempDir(), '反馈单'); // made if missing
    const started = await value(s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'perBranch', path: dir }));
    expect(started).toMatchObject({ state: 'running', total: 6, done: 0, folder: dir, mode: 'perBranch' });
    const seen: BatchJobStatus[] = [];
    const done = await waitForJob(s.ctx, started.jobId, (st) => seen.push(st));
    expect(done).toMatchObject({ state: 'done', done: 6, total: 6, error: null, warnings: [] });
    // Progress was visible on the way, and only went up.
    const counts = seen.map((x) => x.done);
    expect(counts.some((c) => c > 0 && c < 6)).toBe(true);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);

    const names = s.results.result.branches.map((b) => `${b.code} ${b.name} 反馈单.docx`);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    expect(done.files.map((f) => path.basename(f))).toEqual(names);
    for (const b of s.results.result.branches) {
      const text = textOf(await documentXml(path.join(dir, `${b.code} ${b.name} 反馈单.docx`)));
      expect(text).toContain(`第 ${b.rank} 名（共 6 个）`);
      expect(text).toContain(`${b.total.toFixed(2)} 分`);
    }
  });

  it('every sheet in one file: a section per branch, pages numbered from 1 for each', async () => {
    const s = await sample(5);
    const file = path.join(tempDir(), '全部.docx');
    const ids = s.results.result.branches.slice(0, 4).map((b) => b.branchId);
    const started = await value(s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'single', path: file, branchIds: ids, fontScheme: 'gb2312' }));
    expect(started.total).toBe(4);
    const done = await waitForJob(s.ctx, started.jobId);
    expect(done).toMatchObject({ state: 'done', done: 4, files: [file] });
    const xml = await documentXml(file);
    const sections = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(4);
    expect(sections[0]).toContain('<w:pgNumType/>');
    for (const sect of sections.slice(1)) {
      expect(sect).toContain('<w:pgNumType w:start="1"/>');
      expect(sect).not.toContain('footerReference'); // inherited from the first
    }
    expect(xml.match(/<w:drawing>/g)).toHaveLength(4);
    const text = textOf(xml);
    for (const b of s.results.result.branches.slice(0, 4)) expect(text).toContain(`${b.code}\u3000${b.name}`);
    expect(text).not.toContain(s.results.result.branches[4]!.name + '党支部考核反馈单');
  });

  it('can be cancelled: files written so far stay, the rest are not written; the main process answers meanwhile', async () => {
    const s = await sample(30);
    const dir = tempDir();
    const started = await value(s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'perBranch', path: dir }));
    // While it runs, other calls are answered between branches.
    const t0 = performance.now();
    expect(await value(s.invoke('app.info', {}))).toMatchObject({ counts: { branchesActive: 30 } });
    expect(performance.now() - t0).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = await value(s.invoke('documents.cancelJob', { jobId: started.jobId }));
    expect(asked.state).toBe('running');
    const done = await waitForJob(s.ctx, started.jobId);
    expect(done.state).toBe('cancelled');
    expect(done.done).toBeLessThan(30);
    expect(readdirSync(dir)).toHaveLength(done.files.length);

    // A single-file batch cancelled writes nothing.
    const file = path.join(dir, 'all.docx');
    const one = await value(s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'single', path: file }));
    await value(s.invoke('documents.cancelJob', { jobId: one.jobId }));
    expect(await waitForJob(s.ctx, one.jobId)).toMatchObject({ state: 'cancelled', files: [] });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a folder that cannot be made and a branch outside the period', async () => {
    const s = await sample(3);
    const dir = tempDir();
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    expect(await s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'perBranch', path: path.join(blocker, 'sub') })).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(await s.invoke('documents.startBatch', { periodId: s.periodId, mode: 'perBranch', path: dir, branchIds: [9999] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('names files as Windows allows', () => {
    expect(feedbackFileName({ code: 'SL-001', name: '化工一厂生产运行党支部' })).toBe('SL-001 化工一厂生产运行党支部 反馈单.docx');
    expect(feedbackFileName({ code: 'A/B', name: '一:二*三?' })).toBe('A_B 一_二_三_ 反馈单.docx');
  });
});

describe('CLI: export', () => {
  it('writes score sheets, the bulletin and feedback sheets (one, all in a folder, all in one file)', async () => {
    const dir = tempDir();
    expect((await cli('sample', '--branches', '4', '--raters', '3', '--seed', '1', '--data-dir', dir)).code).toBe(0);
    const run = (...args: string[]) => cli('export', ...args, '--period', '1', '--data-dir', dir);

    const bulletin = path.join(dir, '通报.docx');
    const b = await run('bulletin', '--out', bulletin, '--fonts', 'gb2312', '--issuer', '中共示例公司委员会', '--date', '2026-11-21');
    expect(b).toMatchObject({ code: 0, out: `已写出考核结果通报：${bulletin}` });
    const text = textOf(await documentXml(bulletin));
    expect(text).toContain('中共示例公司委员会2026年11月21日');

    const one = path.join(dir, 'one.docx');
    expect(await run('feedback', '--branch', 'sl-002', '--out', one)).toMatchObject({ code: 0, out: `已写出支部考核反馈单：${one}` });
    expect(textOf(await documentXml(one))).toContain('SL-002');

    const folder = path.join(dir, 'fb');
    expect(await run('feedback', '--out', folder)).toMatchObject({ code: 0, out: `已写出 4 份反馈单到 ${folder}` });
    expect(readdirSync(folder)).toHaveLength(4);
    const all = path.join(dir, 'all.docx');
    expect(await run('feedback', '--out', all)).toMatchObject({ code: 0, out: `已把 4 个党支部的反馈单写入 ${all}` });

    const sheet = path.join(dir, 'sheet.docx');
    expect(await run('scoresheet', '--rater', '1', '--out', sheet)).toMatchObject({ code: 0, out: `已写出评分表（空白）：${sheet}` });
    const blankSheet = readFileSync(sheet);
    // The same file again: refused, the blank sheet kept; --force replaces it.
    expect(await run('scoresheet', '--branch', 'SL-001', '--filled', '--out', sheet)).toMatchObject({ code: 1, err: expect.stringContaining('已存在，未覆盖') });
    expect(readFileSync(sheet)).toEqual(blankSheet);
    expect(await run('scoresheet', '--branch', 'SL-001', '--filled', '--out', sheet, '--force')).toMatchObject({ code: 0, out: `已写出评分表（已填）：${sheet}` });
    expect(readFileSync(sheet)).not.toEqual(blankSheet);

    // Wrong command lines exit 2; failures exit 1 with the reason.
    expect((await run('scoresheet', '--out', sheet)).code).toBe(2);
    expect((await run('bulletin')).code).toBe(2);
    expect((await run('bulletin', '--out', bulletin, '--fonts', 'comic')).code).toBe(2);
    expect((await run('report', '--out', bulletin)).code).toBe(2);
    expect(await run('feedback', '--branch', 'XX-9', '--out', one)).toMatchObject({ code: 1, err: '错误：找不到编码为“XX-9”的党支部' });
    const json = await run('bulletin', '--out', bulletin, '--json', '--force');
    expect(JSON.parse(json.out)).toEqual({ path: bulletin });
 
    // The meeting's documents: refused in words until there is a meeting and a publicity period.
    const minutes = path.join(dir, '纪要.docx');
    expect(await run('minutes', '--out', minutes)).toMatchObject({ code: 1, err: '错误：本考核周期还没有评审会：请先在“评审会”中安排' });
    expect(await run('publication', '--out', minutes)).toMatchObject({ code: 1, err: expect.stringContaining('公示期') });
    const services = createServices({ dataDir: dir });
    try {
      await value(services.invoke('meetings.save', { periodId: 1, kind: 'assessment', title: '考核会', date: '2026-11-20', withPanel: true, withAllBranches: true }));
      await value(services.invoke('periods.publish', { periodId: 1, start: '2026-11-21', end: '2026-11-27', objectionContact: '党委组织部' }));
    } finally {
      services.close();
    }
    expect(await run('minutes', '--out', minutes)).toMatchObject({ code: 0, out: `已写出会议纪要：${minutes}` });
    expect(textOf(await documentXml(minutes))).toContain('考核会会议纪要');
    const pack = path.join(dir, '材料.docx');
    expect(await run('meeting-pack', '--meeting', '1', '--out', pack)).toMatchObject({ code: 0, out: `已写出评审会材料：${pack}` });
    const notice = path.join(dir, '公示.docx');
    expect(await run('publication', '--out', notice)).toMatchObject({ code: 0, out: `已写出考核结果公示：${notice}` });
    expect(textOf(await documentXml(notice))).toContain('公示期：2026年11月21日至2026年11月27日');
  });
});
