/** 结果公示: the publicity dates and where objections go, then “标记为已公示” (or withdraw it). */
import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Publication } from '../../../../shared/domain/meetings';
import { PERIOD_STATUS_LABELS, type PeriodStatus } from '../../../../shared/domain/period';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { apiKey, invalidate, useApi } from '../../api/useApi';
import { useGateConfirm } from '../../components/period/GateConfirmModal';
import { isIncomplete } from '../../components/period/gateModel';
import { useFeedback } from '../../hooks/useFeedback';

export function PublicationPanel({ periodId, periodName, periodStatus }: { periodId: number; periodName: string; periodStatus: PeriodStatus }) {
  const publication = useApi('periods.publication', { periodId });
  if (publication.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (publication.isError) return <Alert type="error" showIcon title={publication.error.message} />;
  return <PublicationForm key={publication.data.updatedAt ?? 'none'} publication={publication.data} periodName={periodName} periodStatus={periodStatus} />;
}

function PublicationForm({ publication, periodName, periodStatus }: { publication: Publication; periodName: string; periodStatus: PeriodStatus }) {
  const queryClient = useQueryClient();
  const gate = useGateConfirm();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(
    publication.publicityStart && publication.publicityEnd ? [dayjs(publication.publicityStart), dayjs(publication.publicityEnd)] : null,
  );
  const [contact, setContact] = useState(publication.objectionContact);
  const [problem, setProblem] = useState<string | null>(null);
  const canPublish = periodStatus === 'review' || periodStatus === 'finalised';
  const published = publication.publishedAt !== null;

  const save = useMutation({
    mutationFn: ({ publish, override }: { publish: boolean; override?: string }) =>
      call('periods.publish', {
        periodId: publication.periodId,
        start: range![0].format('YYYY-MM-DD'),
        end: range![1].format('YYYY-MM-DD'),
        objectionContact: contact,
        published: publish,
        ...(override ? { override } : {}),
      }),
    onSuccess: (p, { publish, override }) => {
      queryClient.setQueryData(apiKey('periods.publication', { periodId: publication.periodId }), p);
      // An override is listed on the results screen.
      if (override) void invalidate(queryClient, 'periods.overrides');
      void message.success(publish === published ? t('meetings.pub.saved') : publish ? t('meetings.pub.published') : t('meetings.pub.withdrawn'));
    },
    // A refusal for something missing is the gate dialog's to show (see publishGated and submit).
    onError: (e) => (isIncomplete(e) ? undefined : showError(e)),
  });
  /** 标记为已公示 is gated: straight on when nothing is missing, otherwise what is missing and a reason first. */
  const publishGated = () =>
    gate({
      periodId: publication.periodId,
      periodName,
      step: 'publish',
      confirm: null,
      proceed: (override) => save.mutateAsync({ publish: true, override }),
    });
  const submit = (publish: boolean) => {
    if (!range) return setProblem(t('meetings.pub.required.range'));
    if (!contact.trim()) return setProblem(t('meetings.pub.required.contact'));
    setProblem(null);
    if (!publish && published) {
      modal.confirm({
        title: t('meetings.pub.withdraw.title'),
        content: t('meetings.pub.withdraw.body'),
        okText: t('meetings.pub.withdraw'),
        okButtonProps: { danger: true },
        cancelText: t('meetings.form.cancel'),
        onOk: () => save.mutate({ publish: false }),
      });
      return;
    }
    if (publish && !published) return publishGated();
    // Saving the settings of a published period may be refused the same way (data removed since): then the gate.
    save.mutate({ publish }, { onError: (e) => (publish && isIncomplete(e) ? publishGated() : undefined) });
  };
  const days = range ? range[1].diff(range[0], 'day') + 1 : 0;

  return (
    <div className="rpm-publication" data-testid="publication-panel">
      <Typography.Paragraph type="secondary">{t('meetings.pub.intro')}</Typography.Paragraph>
      <div className="rpm-pub-state" data-testid="publication-state">
        {published ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('meetings.pub.state.published', { date: dayjs(publication.publishedAt).format('YYYY-MM-DD') })}
          </Tag>
        ) : (
          <Tag>{t('meetings.pub.state.none')}</Tag>
        )}
      </div>
      {!canPublish && !published && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('meetings.pub.notYet', { status: PERIOD_STATUS_LABELS[periodStatus] })} />}
      <Form layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label={t('meetings.pub.range')} required extra={range ? `${t('meetings.pub.days', { days })}${days < 7 ? `\u3000${t('meetings.pub.short')}` : ''}` : t('meetings.pub.short')}>
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} aria-label={t('meetings.pub.range')} />
        </Form.Item>
        <Form.Item label={t('meetings.pub.contact')} required>
          <Input.TextArea
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={200}
            placeholder={t('meetings.pub.contactPlaceholder')}
            aria-label={t('meetings.pub.contact')}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Space wrap>
          <Button onClick={() => submit(published)} loading={save.isPending && save.variables.publish === published}>
            {t('meetings.pub.save')}
          </Button>
          {published ? (
            <Button danger onClick={() => submit(false)}>
              {t('meetings.pub.withdraw')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => submit(true)} disabled={!canPublish} loading={save.isPending && save.variables.publish}>
              {t('meetings.pub.publish')}
            </Button>
          )}
        </Space>
      </Form>
    </div>
  );
}
