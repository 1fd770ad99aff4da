/**
 * The 报告 screen's decisions (renderer/src/pages/reports/reportsModel): which
 * kind is shown, when 生成 may be pressed, the offered file name, and what a
 * batch leaves as the saved result.
 */
import { describe, expect, it } from 'vitest';
import type { BatchJobStatus } from '../../shared/domain/documents';
import { t } from '../../shared/messages';
import { chooseKind, defaultFileName, reportReady, safeName, savedOutcome, type ReportChoice } from '../../renderer/src/pages/reports/reportsModel';

const choice = (over: Partial<ReportChoice> = {}): ReportChoice => ({
  kind: 'scoreSheet',
  sheetBy: 'rater',
  raterId: null,
  sheetBranchId: null,
  filled: false,
  scope: 'one',
  feedbackBranchId: null,
  ...over,
});
const open = { resultsHidden: false, hasMeeting: true, publicationReady: true };

describe('chooseKind', () => {
  it('takes the kind asked for, unless unknown or waiting for results', () => {
    expect(chooseKind('feedback', false)).toBe('feedback');
    expect(chooseKind('feedback', true)).toBe('scoreSheet');
    expect(chooseKind('minutes', true)).toBe('minutes');
    expect(chooseKind('nonsense', false)).toBe('bulletin');
    expect(chooseKind(null, true)).toBe('scoreSheet');
  });
});

describe('reportReady', () => {
  it('needs a rater or a branch for a score sheet', () => {
    expect(reportReady(choice(), open)).toBe(false);
    expect(reportReady(choice({ raterId: 3 }), open)).toBe(true);
    expect(reportReady(choice({ sheetBy: 'branch', raterId: 3 }), open)).toBe(false);
    expect(reportReady(choice({ sheetBy: 'branch', sheetBranchId: 5 }), open)).toBe(true);
  });
  it('needs a branch for one feedback form, nothing for all of them', () => {
    expect(reportReady(choice({ kind: 'feedback' }), open)).toBe(false);
    expect(reportReady(choice({ kind: 'feedback', feedbackBranchId: 5 }), open)).toBe(true);
    expect(reportReady(choice({ kind: 'feedback', scope: 'all' }), open)).toBe(true);
  });
  it('refuses result documents while results are hidden, meeting documents without a meeting, a publication without its settings', () => {
    expect(reportReady(choice({ kind: 'bulletin' }), { ...open, resultsHidden: true })).toBe(false);
    expect(reportReady(choice({ kind: 'bulletin' }), open)).toBe(true);
    expect(reportReady(choice({ kind: 'minutes' }), { ...open, hasMeeting: false })).toBe(false);
    expect(reportReady(choice({ kind: 'publication' }), { ...open, publicationReady: false })).toBe(false);
  });
});

describe('defaultFileName', () => {
  const ctx = {
    periodName: '2026年度',
    meetingTitle: '考评会',
    branchById: new Map([[5, { code: 'D01', name: '机关支部' }]]),
    raterName: (id: number | null) => (id === 3 ? '张三' : ''),
  };
  it('names the rater’s sheet, marking a blank one', () => {
    expect(defaultFileName(choice({ raterId: 3 }), ctx)).toBe('2026年度 评分表（张三）（空白）.docx');
    expect(defaultFileName(choice({ raterId: 3 }), ctx)).toBe(t('documents.file.raterSheet', { period: '2026年度', rater: '张三', blank: t('documents.file.blankSuffix') }));
    expect(defaultFileName(choice({ raterId: 3, filled: true }), ctx)).toBe(t('documents.file.raterSheet', { period: '2026年度', rater: '张三', blank: '' }));
  });
  it('names a branch’s sheet and feedback form by its code and name', () => {
    expect(defaultFileName(choice({ sheetBy: 'branch', sheetBranchId: 5, filled: true }), ctx)).toBe(t('documents.file.branchSheet', { period: '2026年度', code: 'D01', name: '机关支部', blank: '' }));
    expect(defaultFileName(choice({ kind: 'feedback', feedbackBranchId: 5 }), ctx)).toBe(t('documents.file.feedback', { code: 'D01', name: '机关支部' }));
    expect(defaultFileName(choice({ kind: 'feedback', scope: 'all' }), ctx)).toBe(t('documents.file.feedbackAll', { period: '2026年度' }));
  });
  it('names meeting documents by the meeting', () => {
    expect(defaultFileName(choice({ kind: 'minutes' }), ctx)).toBe(t('documents.file.minutes', { meeting: '考评会' }));
  });
});

describe('safeName', () => {
  it('replaces what Windows refuses in a file name', () => {
    expect(safeName('a/b:c*?"<>|d\u0001')).toBe('a_b_c______d_');
  });
});

describe('savedOutcome', () => {
  const single = { files: ['/tmp/x.docx'], folder: null, warnings: [] };
  const status = (over: Partial<BatchJobStatus>): BatchJobStatus => ({
    jobId: 'j',
    mode: 'perBranch',
    state: 'running',
    phase: 'sheets',
    done: 1,
    total: 3,
    files: ['/out/a.docx'],
    folder: '/out',
    error: null,
    warnings: [],
    ...over,
  });
  it('is the single document while no batch has ended', () => {
    expect(savedOutcome(null, single)).toBe(single);
    expect(savedOutcome(status({}), single)).toBe(single);
  });
  it('is the batch’s files once it is done, or cancelled after saving some', () => {
    expect(savedOutcome(status({ state: 'done' }), single)).toEqual({ files: ['/out/a.docx'], folder: '/out', warnings: [] });
    expect(savedOutcome(status({ state: 'cancelled' }), null)?.files).toEqual(['/out/a.docx']);
    expect(savedOutcome(status({ state: 'cancelled', files: [] }), single)).toBeNull();
  });
});
