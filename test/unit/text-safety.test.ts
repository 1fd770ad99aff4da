/**
 * Text every file format can carry (issue 10, part 5). The contract refuses
 * characters XML 1.0 cannot hold — C0 controls other than tab and line
 * breaks, U+FFFE/U+FFFF, lone surrogates — naming the field, the code point
 * and where it is; and text that reached the database some other way (an
 * older version, a hand edit) is stripped by the writers, so every Word
 * document and workbook stays well-formed XML that Word, WPS and LibreOffice
 * open. Each file is unzipped and every XML part parsed by a strict parser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { firstXmlInvalid, stripXmlInvalid } from '../../shared/domain/text';
import { BranchFields } from '../../shared/domain/branch';
import type { Result } from '../../shared/result';
import { tempDir, tempServices } from '../helpers/tmp';

const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** The XML parts of a zip (docx, xlsx) that a strict parser refuses, with the reason. */
async function malformedParts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const bad: string[] = [];
  const names = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
  expect(names.length).toBeGreaterThan(2);
  for (const name of names) {
    const xml = await zip.file(name)!.async('string');
    const parser = new SaxesParser();
    let error: string | null = null;
    parser.on('error', (e) => {
      error ??= e.message;
    });
    parser.write(xml).close();
    if (error) bad.push(`${path.basename(file)} ${name}: ${error}`);
  }
  return bad;
}

describe('the XML-safe text helper', () => {
  it('finds the first character XML cannot hold, counting characters as a person does', () => {
    expect(firstXmlInvalid('支部\uFFFE一')).toEqual({ position: 3, code: 'U+FFFE' });
    expect(firstXmlInvalid('😀\uD800')).toEqual({ position: 2, code: 'U+D800' });
    expect(firstXmlInvalid('a\u0001')).toEqual({ position: 2, code: 'U+0001' });
    expect(firstXmlInvalid('制表\t换行\n回车\r😀 ￾'.replace('￾', ''))).toBeNull();
    expect(stripXmlInvalid('化工\uFFFF一厂\uDC00\u0007😀')).toBe('化工一厂😀');
  });

  it('the branch schema (form, contract, import) refuses such text, naming field, code point and position', () => {
    const r = BranchFields.safeParse({ code: 'HG-01', name: '化工\uFFFE一厂' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('支部名称含有文件无法保存的字符 U+FFFE（第 3 个字符），请删除后再试');
  });
});

describe('the contract edge refuses text XML cannot hold, and changes nothing', () => {
  it('branches, frameworks, indicators, periods, panel, entries, meetings', async () => {
    const { invoke } = tempServices();
    const refused = async (method: string, input: unknown, field: string, message: RegExp) => {
      const r = await invoke(method as never, input as never);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
      if (!r.ok) expect(r.error.details?.map((d) => d.field), method).toContain(field);
    };
    await refused('branches.create', { code: 'HG-01', name: '化工\uFFFE一厂' }, 'name', /支部名称含有文件无法保存的字符 U\+FFFE（第 3 个字符）/);
    await refused('branches.create', { code: 'HG-01', name: '化工一厂', unit: '\uD800' }, 'unit', /所属单位.*U\+D800（第 1 个字符）/);
    await refused('branches.create', { code: 'HG-01', name: '化工一厂', note: 'ab\u000Bc' }, 'note', /备注.*U\+000B（第 3 个字符）/);
    expect(ok(await invoke('branches.list', {}))).toEqual([]);

    const sample = ok(await invoke('sample.create', { branches: 2, raters: 2, seed: 1 }));
    const periodId = sample.period.id;
    const period = ok(await invoke('periods.get', { id: periodId }));
    const fw = ok(await invoke('frameworks.get', { id: period.frameworkId }));
    const panel = ok(await invoke('panel.get', { periodId }));
    await refused('frameworks.create', { name: '体系\uFFFF', source: { kind: 'empty' } }, 'name', /名称含有.*U\+FFFF/);
    await refused('indicators.add', { frameworkId: fw.id, parentId: null, fields: { code: '9', name: '指标', criteria: '细则\u0000', tag: 'party', maxPoints: 1 } }, 'fields.criteria', /评分细则.*U\+0000/);
    await refused('periods.update', { id: periodId, name: '年度\uFFFE', year: 2026, kind: 'annual', settings: period.settings }, 'name', /周期名称/);
    await refused('periods.update', { id: periodId, name: '年度', year: 2026, kind: 'annual', settings: { ...period.settings, grades: [{ label: '优\uFFFE', min: 90 }, { label: '差', min: 0 }] } }, 'settings.grades.0.label', /等次名称/);
    await refused('panel.saveRater', { periodId, groupId: panel.groups[0]!.id, name: '王\u0008' }, 'name', /姓名.*U\+0008/);
    await refused('meetings.save', { periodId, kind: 'assessment', title: '考核会\uFFFE', date: '2026-11-20' }, 'title', /会议名称/);
    await refused('periods.publish', { periodId, start: '2026-11-21', end: '2026-11-27', objectionContact: '\uDBFF组织部' }, 'objectionContact', /异议受理方式.*U\+DBFF/);
    const leaf = fw.indicators.find((i) => i.method?.kind === 'deduction')!;
    await refused('entries.save', { periodId, entries: [{ raterId: panel.raters[0]!.id, branchId: period.branchIds[0]!, indicatorId: leaf.id, value: 1, detail: ['迟到\uFFFF'] }] }, 'entries.0.detail.0', /说明/);

    // Nothing was changed by the refusals.
    expect(ok(await invoke('periods.get', { id: periodId })).name).toBe(period.name);
    expect(ok(await invoke('meetings.list', { periodId }))).toEqual([]);
    expect(ok(await invoke('frameworks.list', {}))).toHaveLength(1);
  });
});

describe('the writers strip what the database should never have held', () => {
  it('every document and workbook of a period stays well-formed XML', async () => {
    const dir = tempDir();
    const { invoke, ctx } = tempServices();
    const sample = ok(await invoke('sample.create', { branches: 3, raters: 3, seed: 5 }));
    const periodId = sample.period.id;
    const period = ok(await invoke('periods.get', { id: periodId }));
    const panel = ok(await invoke('panel.get', { periodId }));
    const meeting = ok(await invoke('meetings.save', { periodId, kind: 'assessment', title: '考核会', date: '2026-11-20', withPanel: true, withAllBranches: true }));
    ok(await invoke('periods.publish', { periodId, start: '2026-11-21', end: '2026-11-27', objectionContact: '党委组织部' }));

    // Text the edge would refuse, written behind its back (an older version, a hand edit of the file).
    const [b1, b2] = period.branchIds;
    ctx.db.prepare("UPDATE branch SET name = name || char(65534), unit = unit || char(55296) WHERE id = ?").run(b1);
    ctx.db.prepare("UPDATE branch SET name = char(1) || name, secretary = secretary || char(65535) WHERE id = ?").run(b2);
    ctx.db.prepare('UPDATE rater SET name = name || char(65534) WHERE id = ?').run(panel.raters[0]!.id);
    ctx.db.prepare("UPDATE period SET name = name || char(11) WHERE id = ?").run(periodId);
    ctx.db.prepare("UPDATE meeting SET title = title || char(65534), place = char(56320), minutes_text = '纪要' || char(65535) WHERE id = ?").run(meeting.id);
    ctx.results.invalidate();

    const file = (name: string) => path.join(dir, name);
    const written: string[] = [];
    const write = async (name: string, method: string, input: Record<string, unknown>) => {
      const r = await invoke(method as never, { ...input, path: file(name) } as never);
      expect(r, method).toMatchObject({ ok: true });
      written.push(file(name));
    };
    await write('通报.docx', 'documents.bulletin', { periodId });
    await write('反馈单.docx', 'documents.feedback', { periodId, branchId: b1 });
    await write('公示.docx', 'documents.publication', { periodId });
    await write('评审会材料.docx', 'documents.meetingPack', { meetingId: meeting.id });
    await write('纪要.docx', 'documents.minutes', { meetingId: meeting.id });
    await write('评分表-评委.docx', 'documents.scoreSheet', { periodId, raterId: panel.raters[0]!.id, filled: true });
    await write('评分表-支部.docx', 'documents.scoreSheet', { periodId, branchId: b1, filled: true });
    await write('评分.xlsx', 'scores.export', { periodId });
    await write('评分表.xlsx', 'scores.writeTemplate', { periodId, raterId: panel.raters[0]!.id });
    await write('操作记录.xlsx', 'audit.export', { periodId });
    await write('业务数据.xlsx', 'measurements.writeTemplate', { periodId });
    await write('自评.xlsx', 'selfAssessment.writeTemplate', { periodId });
    await write('指标体系.xlsx', 'frameworks.export', { id: period.frameworkId });

    const bad = (await Promise.all(written.map(malformedParts))).flat();
    expect(bad).toEqual([]);
    // The text is kept, only the impossible characters are gone.
    const bulletin = await (await JSZip.loadAsync(readFileSync(file('通报.docx')))).file('word/document.xml')!.async('string');
    const name = (ctx.db.prepare('SELECT name FROM branch WHERE id = ?').get(b1) as { name: string }).name;
    expect(bulletin).toContain(stripXmlInvalid(name));
  });
});
