/**
 * 报告 (/reports): the Word documents of the current period. Pick a kind —
 * 评分表 (per rater or per branch, blank or filled), 考核结果通报, 支部考核反馈单
 * (one branch, or all of them in one file or one file each) — set the fonts,
 * the issuing body and the date, and save through the native dialog. A batch
 * shows its progress and can be cancelled; after saving, 打开所在文件夹.
 * Refusals from the main process (results hidden while scoring …) are shown
 * in its own words.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { FontScheme } from '../../../../shared/domain/documents';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate, useApi } from '../../api/useApi';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentPeriod } from '../../hooks/useCurrentPeriod';
import { useFeedback } from '../../hooks/useFeedback';
import { PeriodStatusTag } from '../../components/period/periodUi';
import { OutdatedRecords } from '../../components/OutdatedRecords';
import './reports.css';
import { ReportOutcome } from './ReportOutcome';
import { chooseKind, defaultFileName, KIND_DESC, KIND_LABEL, KINDS, MEETING_KINDS, needsResults, reportReady, safeName, savedOutcome, type Kind, type ReportChoice, type Saved } from './reportsModel';
import { useBatchJob } from './useBatchJob';

const DOCX = () => [{ name: t('documents.docxFilter'), extensions: ['docx'] }];

export function ReportsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { showError } = useFeedback();
  const onError = useCallback((e: unknown) => showError(e), [showError]);
  const { periodId, period, loading } = useCurrentPeriod();
  const kindParam = params.get('kind');
  const setKind = (k: Kind) => setParams((p) => (p.set('kind', k), p), { replace: true });

  const [sheetBy, setSheetBy] = useState<'rater' | 'branch'>('rater');
  const [raterId, setRaterId] = useState<number | null>(null);
  const [sheetBranchId, setSheetBranchId] = useState<number | null>(null);
  const [filled, setFilled] = useState(false);
  const [scope, setScope] = useState<'one' | 'all'>('one');
  const [feedbackBranchId, setFeedbackBranchId] = useState<number | null>(null);
  const [output, setOutput] = useState<'single' | 'perBranch'>('single');
  const [fontScheme, setFontScheme] = useState<FontScheme | null>(null);
  const [issuer, setIssuer] = useState<string | null>(null);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const batch = useBatchJob(onError);
  // The progress bar and the result sit below the options: bring them into view when they appear.
  const outcome = useRef<HTMLDivElement>(null);
  const reveal = () => requestAnimationFrame(() => outcome.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' }));

  const defaults = useApi('documents.defaults', {});
  const panel = useApi('panel.get', { periodId: periodId! }, { enabled: periodId !== null });
  const branches = useApi('branches.list', { includeArchived: true });
  const meetings = useApi('meetings.list', { periodId: periodId! }, { enabled: periodId !== null });
  const publication = useApi('periods.publication', { periodId: periodId! }, { enabled: periodId !== null });
  // A file written here replaces an out-of-date one at the same path: ask again what is out of date.
  const queryClient = useQueryClient();
  const written = `${saved?.files.join('|') ?? ''}#${batch.status?.state ?? ''}`;
  useEffect(() => void invalidate(queryClient, 'results.outdated'), [queryClient, written]);

  if (loading) {
    return (
      <div className="rp-page">
        <Spin />
      </div>
    );
  }
  if (periodId === null || !period) {
    return (
      <div className="rp-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('documents.title')}
        </Typography.Title>
        <Empty description={<span><b>{t('documents.noPeriod.title')}</b><br />{t('documents.noPeriod.body')}</span>}>
          <Button type="primary" onClick={() => void navigate('/periods')}>
            {t('documents.noPeriod.go')}
          </Button>
        </Empty>
      </div>
    );
  }

  const resultsHidden = period.status === 'draft' || period.status === 'scoring';
  const kind = chooseKind(kindParam, resultsHidden);
  const effectiveFonts: FontScheme = fontScheme ?? defaults.data?.fontScheme ?? 'windows';
  const effectiveIssuer = issuer ?? defaults.data?.issuer ?? '';
  const branchById = new Map((branches.data ?? []).map((b) => [b.id, b]));
  const inScope = period.branchIds.map((id) => branchById.get(id)).filter((b): b is NonNullable<typeof b> => !!b).sort((a, b) => a.code.localeCompare(b.code));
  const branchOptions = inScope.map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }));
  const raters = panel.data?.raters ?? [];
  const raterOptions = raters.map((r) => ({ value: r.id, label: r.title ? `${r.name}（${r.title}）` : r.name }));
  // The date sent only once chosen: the main process takes today (a publication: the first day of publicity).
  const reviewOptions = { fontScheme: effectiveFonts, ...(effectiveIssuer.trim() ? { issuer: effectiveIssuer.trim() } : {}), ...(date ? { date: date.format('YYYY-MM-DD') } : {}) };
  const pub = publication.data;
  const pubReady = !!(pub?.publicityStart && pub.publicityEnd && pub.objectionContact);
  const shownDate = date ?? (kind === 'publication' && pub?.publicityStart ? dayjs(pub.publicityStart) : dayjs());
  const meetingList = meetings.data ?? [];
  const chosenMeeting = meetingList.find((m) => m.id === meetingId) ?? meetingList.find((m) => m.kind === 'assessment') ?? meetingList[0] ?? null;

  const filledAllowed = !(sheetBy === 'branch' && resultsHidden);
  const isBatch = kind === 'feedback' && scope === 'all';
  const choice: ReportChoice = { kind, sheetBy, raterId, sheetBranchId, filled: filled && filledAllowed, scope, feedbackBranchId };
  const ready = reportReady(choice, { resultsHidden, hasMeeting: chosenMeeting !== null, publicationReady: pubReady });
  const defaultName = () =>
    defaultFileName(choice, {
      periodName: period.name,
      meetingTitle: chosenMeeting?.title ?? '',
      branchById,
      raterName: (id) => raters.find((r) => r.id === id)?.name ?? '',
    });

  const generate = async () => {
    setSaved(null);
    batch.clear();
    try {
      if (isBatch) {
        const target =
          output === 'single'
            ? await call('dialog.saveFile', { title: t('documents.saveTitle'), defaultName: safeName(defaultName()), filters: DOCX() })
            : await call('dialog.openFolder', { title: t('documents.folderTitle') });
        if (!target) return;
        await batch.start({ periodId, mode: output, path: target, ...reviewOptions });
        reveal();
        return;
      }
      const file = await call('dialog.saveFile', { title: t('documents.saveTitle'), defaultName: safeName(defaultName()), filters: DOCX() });
      if (!file) return;
      setBusy(true);
      const written =
        kind === 'bulletin'
          ? await call('documents.bulletin', { periodId, path: file, ...reviewOptions })
          : kind === 'publication'
            ? await call('documents.publication', { periodId, path: file, ...reviewOptions })
            : kind === 'meetingPack'
              ? await call('documents.meetingPack', { meetingId: chosenMeeting!.id, path: file, fontScheme: effectiveFonts })
              : kind === 'minutes'
                ? await call('documents.minutes', { meetingId: chosenMeeting!.id, path: file, fontScheme: effectiveFonts })
                : kind === 'feedback'
            ? await call('documents.feedback', { periodId, branchId: feedbackBranchId!, path: file, ...reviewOptions })
            : await call('documents.scoreSheet', {
                periodId,
                ...(sheetBy === 'rater' ? { raterId: raterId! } : { branchId: sheetBranchId! }),
                filled: filled && filledAllowed,
                path: file,
                fontScheme: effectiveFonts,
              });
      setSaved({ files: [written.path], folder: null, warnings: written.warnings ?? [] });
      reveal();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const showInFolder = (file: string) => void call('shell.showInFolder', { path: file }).catch(showError);
  const shown = savedOutcome(batch.status, saved);

  return (
    <div className="rp-page rpd-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('documents.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('documents.intro')}</Typography.Paragraph>
      <div className="rpd-period" data-testid="documents-period">
        <span>{t('documents.period')}：</span>
        <b>{period.name}</b> <PeriodStatusTag status={period.status} />
      </div>
      {resultsHidden && <Alert type="info" showIcon className="rpd-alert" message={t('documents.hidden.title')} description={t('documents.hidden.body')} />}
      <OutdatedRecords periodId={periodId} />

      <Typography.Title level={5}>{t('documents.step.kind')}</Typography.Title>
      <Radio.Group className="rpd-kinds" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {KINDS.map((k) => (
          <Radio.Button key={k} value={k} className="rpd-kind" data-testid={`doc-kind-${k}`} disabled={needsResults(k, resultsHidden)}>
            <div className="rpd-kind-title">
              <FileWordOutlined /> {t(KIND_LABEL[k])}
            </div>
            <div className="rpd-kind-desc">{needsResults(k, resultsHidden) ? t('documents.kind.needsResults') : t(KIND_DESC[k])}</div>
          </Radio.Button>
        ))}
      </Radio.Group>

      <Typography.Title level={5}>{t('documents.step.options')}</Typography.Title>
      <Card size="small" className="rpd-options">
        <Form layout="horizontal" labelCol={{ flex: '110px' }} colon={false}>
          {kind === 'scoreSheet' && (
            <>
              <Form.Item label={t('documents.scoreSheet.by')}>
                <Radio.Group value={sheetBy} onChange={(e) => setSheetBy(e.target.value as 'rater' | 'branch')}>
                  <Radio value="rater">{t('documents.scoreSheet.byRater')}</Radio>
                  <Radio value="branch">{t('documents.scoreSheet.byBranch')}</Radio>
                </Radio.Group>
              </Form.Item>
              {sheetBy === 'rater' ? (
                <Form.Item label={t('documents.scoreSheet.rater')}>
                  <Select data-testid="doc-rater" style={{ width: 320 }} placeholder={t('documents.pickRater')} options={raterOptions} value={raterId} onChange={setRaterId} showSearch optionFilterProp="label" />
                </Form.Item>
              ) : (
                <Form.Item label={t('documents.scoreSheet.branch')}>
                  <Select data-testid="doc-sheet-branch" style={{ width: 420 }} placeholder={t('documents.pickBranch')} options={branchOptions} value={sheetBranchId} onChange={setSheetBranchId} showSearch optionFilterProp="label" />
                </Form.Item>
              )}
              <Form.Item label={t('documents.scoreSheet.content')} extra={filledAllowed ? undefined : t('documents.scoreSheet.filledHidden')}>
                <Radio.Group value={filled && filledAllowed} onChange={(e) => setFilled(e.target.value as boolean)}>
                  <Radio value={false}>{t('documents.scoreSheet.blank')}</Radio>
                  <Radio value={true} disabled={!filledAllowed}>
                    {t('documents.scoreSheet.filled')}
                  </Radio>
                </Radio.Group>
              </Form.Item>
            </>
          )}
          {kind === 'feedback' && (
            <>
              <Form.Item label={t('documents.feedback.scope')}>
                <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'one' | 'all')} data-testid="doc-feedback-scope">
                  <Radio value="one">{t('documents.feedback.one')}</Radio>
                  <Radio value="all">{t('documents.feedback.all', { count: inScope.length })}</Radio>
                </Radio.Group>
              </Form.Item>
              {scope === 'one' ? (
                <Form.Item label={t('documents.feedback.branch')}>
                  <Select data-testid="doc-feedback-branch" style={{ width: 420 }} placeholder={t('documents.pickBranch')} options={branchOptions} value={feedbackBranchId} onChange={setFeedbackBranchId} showSearch optionFilterProp="label" />
                </Form.Item>
              ) : (
                <Form.Item label={t('documents.feedback.output')}>
                  <Radio.Group value={output} onChange={(e) => setOutput(e.target.value as 'single' | 'perBranch')} data-testid="doc-feedback-output">
                    <Space direction="vertical" size={4}>
                      <Radio value="single">{t('documents.feedback.singleFile')}</Radio>
                      <Radio value="perBranch">{t('documents.feedback.perBranch')}</Radio>
                    </Space>
                  </Radio.Group>
                </Form.Item>
              )}
            </>
          )}
          {MEETING_KINDS.includes(kind) &&
            (meetingList.length ? (
              <Form.Item label={t('documents.meeting')}>
                <Select
                  data-testid="doc-meeting"
                  style={{ width: 420 }}
                  placeholder={t('documents.pickMeeting')}
                  value={chosenMeeting?.id ?? null}
                  onChange={setMeetingId}
                  options={meetingList.map((m) => ({ value: m.id, label: `${m.title}（${m.date}）` }))}
                />
              </Form.Item>
            ) : (
              <Alert
                className="rpd-alert"
                type="warning"
                showIcon
                message={t('documents.noMeeting')}
                action={<Button onClick={() => void navigate('/meetings')}>{t('documents.goMeetings')}</Button>}
              />
            ))}
          {kind === 'publication' &&
            (pubReady ? (
              <Form.Item label=" ">
                <Typography.Text data-testid="doc-publication-settings">
                  {t('documents.publication.settings', { start: pub!.publicityStart!, end: pub!.publicityEnd!, contact: pub!.objectionContact })}
                </Typography.Text>
              </Form.Item>
            ) : (
              <Alert
                className="rpd-alert"
                type="warning"
                showIcon
                message={t('documents.publication.missing')}
                action={<Button onClick={() => void navigate('/meetings')}>{t('documents.goMeetings')}</Button>}
              />
            ))}
          <Form.Item label={t('documents.fontScheme')}>
            <Radio.Group value={effectiveFonts} onChange={(e) => setFontScheme(e.target.value as FontScheme)} data-testid="doc-fonts">
              <Space direction="vertical" size={4}>
                <Radio value="gb2312">
                  {t('documents.font.gb2312')} <Typography.Text type="secondary">{t('documents.font.gb2312.hint')}</Typography.Text>
                </Radio>
                <Radio value="windows">
                  {t('documents.font.windows')} <Typography.Text type="secondary">{t('documents.font.windows.hint')}</Typography.Text>
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {!['scoreSheet', ...MEETING_KINDS].includes(kind) && (
            <>
              <Form.Item label={t('documents.issuer')}>
                <Input data-testid="doc-issuer" style={{ width: 420 }} maxLength={40} placeholder={t('documents.issuer.placeholder')} value={effectiveIssuer} onChange={(e) => setIssuer(e.target.value)} />
              </Form.Item>
              <Form.Item label={t('documents.date')}>
                <DatePicker value={shownDate} onChange={(d) => d && setDate(d)} allowClear={false} />
              </Form.Item>
            </>
          )}
        </Form>
      </Card>

      <div ref={outcome} className="rpd-outcome">
        <div className="rpd-actions">
          <Button type="primary" size="large" icon={<FileWordOutlined />} disabled={!ready || batch.running} loading={busy} onClick={() => void generate()} data-testid="doc-generate">
            {isBatch ? t('documents.generateBatch') : t('documents.generate')}
          </Button>
        </div>

        <ReportOutcome batch={batch} shown={shown} showInFolder={showInFolder} />
      </div>
    </div>
  );
}
