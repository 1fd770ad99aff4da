/**
 * The “out of date” notice's wording and grouping (renderer/src/components/outdatedModel):
 * reveals, 公示 and documents apart; then against now; a 反馈单 names its branch;
 * a meeting sees only what it made.
 */
import { describe, expect, it } from 'vitest';
import type { OutdatedRecord } from '../../shared/domain/records';
import { figuresText, fileNameOf, groupOutdated, isEmpty, madeAtText } from '../../renderer/src/components/outdatedModel';

const branch = { id: 3, code: 'SL-003', name: '炼油二厂党支部' };
const base: OutdatedRecord = {
  id: 0,
  periodId: 1,
  kind: 'bulletin',
  madeAt: '2026-11-20T09:30:00.000Z',
  fingerprint: 'a'.repeat(64),
  path: null,
  branch: null,
  meetingId: null,
  itemId: null,
  figures: null,
  current: null,
};
const record = (over: Partial<OutdatedRecord>): OutdatedRecord => ({ ...base, ...over });

const records: OutdatedRecord[] = [
  record({ id: 1, kind: 'reveal', branch, meetingId: 7, itemId: 70, figures: { total: 88.5, rank: 2, grade: '优秀' }, current: { total: 86.25, rank: 4, grade: '良好' } }),
  record({ id: 2, kind: 'publication' }),
  record({ id: 3, kind: 'bulletin', path: 'C:\\Users\\组织部\\文档\\2026年度考核结果通报.docx' }),
  record({ id: 4, kind: 'feedback', path: '/home/zzb/反馈单/SL-003 反馈单.docx', branch }),
  record({ id: 5, kind: 'minutesDoc', path: '/tmp/会议纪要.docx', meetingId: 7 }),
  record({ id: 6, kind: 'reveal', branch: { id: 4, code: 'SL-004', name: '机修党支部' }, meetingId: 8, itemId: 80, figures: { total: 80, rank: null, grade: null }, current: null }),
];

describe('figuresText', () => {
  it('prints the total with two decimals and the rank and grade only where they were shown', () => {
    expect(figuresText({ total: 88.5, rank: 2, grade: '优秀' })).toBe('88.50 分 · 第 2 名 · 优秀');
    expect(figuresText({ total: 80, rank: null, grade: null })).toBe('80.00 分');
    expect(figuresText(null)).toBe('暂无结果');
  });
});

describe('fileNameOf', () => {
  it('takes the name from a Windows or a POSIX path', () => {
    expect(fileNameOf('C:\\a\\b\\通报.docx')).toBe('通报.docx');
    expect(fileNameOf('/tmp/x/反馈单.docx')).toBe('反馈单.docx');
    expect(fileNameOf('通报.docx')).toBe('通报.docx');
  });
});

describe('groupOutdated', () => {
  const g = groupOutdated(records);

  it('keeps reveals, 公示 and documents apart, in the order given', () => {
    expect(g.reveals.map((r) => r.id)).toEqual([1, 6]);
    expect(g.publications.map((p) => p.id)).toEqual([2]);
    expect(g.documents.map((d) => d.id)).toEqual([3, 4, 5]);
  });

  it('says what was announced then and what the figures are now', () => {
    const time = madeAtText(base.madeAt);
    expect(g.reveals[0]!.text).toBe(`SL-003 炼油二厂党支部：${time} 会上揭晓 88.50 分 · 第 2 名 · 优秀，现在为 86.25 分 · 第 4 名 · 良好`);
    expect(g.reveals[1]!.text).toContain('会上揭晓 80.00 分，现在为 暂无结果');
    expect(g.publications[0]!.text).toBe(`${time} 标记为已公示`);
    const gone = groupOutdated([record({ id: 7, kind: 'reveal', figures: { total: 90, rank: 1, grade: '优秀' } })]);
    expect(gone.reveals[0]!.text).toBe(`（支部已删除）：${time} 会上揭晓 90.00 分 · 第 1 名 · 优秀，现在为 暂无结果`);
  });

  it('names each document by kind and file, and a 反馈单 by its branch', () => {
    const [bulletin, feedback, minutes] = g.documents;
    expect(bulletin).toMatchObject({ kind: '考核结果通报', fileName: '2026年度考核结果通报.docx', detail: `生成于 ${madeAtText(base.madeAt)}` });
    expect(feedback).toMatchObject({ kind: '支部考核反馈单', fileName: 'SL-003 反馈单.docx', path: '/home/zzb/反馈单/SL-003 反馈单.docx' });
    expect(feedback!.detail).toBe(`SL-003 炼油二厂党支部 · 生成于 ${madeAtText(base.madeAt)}`);
    expect(minutes!.kind).toBe('会议纪要');
  });

  it('shows a meeting only what it made', () => {
    const m = groupOutdated(records, 7);
    expect(m.reveals.map((r) => r.id)).toEqual([1]);
    expect(m.reveals[0]!.itemId).toBe(70);
    expect(m.publications).toEqual([]);
    expect(m.documents.map((d) => d.id)).toEqual([5]);
    expect(isEmpty(groupOutdated(records, 99))).toBe(true);
  });

  it('is empty when nothing is out of date, and skips a document record without a file', () => {
    expect(isEmpty(groupOutdated([]))).toBe(true);
    expect(isEmpty(groupOutdated([record({ id: 9, kind: 'bulletin', path: null })]))).toBe(true);
    expect(isEmpty(g)).toBe(false);
  });
});
