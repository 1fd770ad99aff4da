/** Create a meeting (with the panel as attendees and every branch as 述职评议 in one step) or edit one. */
import { useMutation } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingDetail, type MeetingKind, type MeetingSummary } from '../../../../shared/domain/meetings';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { useMeetingsChanged } from './meetingUi';

interface Values {
  kind: MeetingKind;
  title: string;
  date: Dayjs;
  startTime: Dayjs | null;
  place: string;
  chair: string;
  recorder: string;
  withPanel: boolean;
  withAllBranches: boolean;
  reportMinutes: number;
}

const suggested = (period: Period, kind: MeetingKind) => `${period.name}${MEETING_KIND_LABELS[kind]}`;

interface Props {
  open: boolean;
  period: Period;
  /** null: create. */
  meeting: MeetingSummary | null;
  onClose: () => void;
  onSaved: (meeting: MeetingDetail, created: boolean) => void;
}

export function MeetingFormModal({ open, period, meeting, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message, showError } = useFeedback();
  const changed = useMeetingsChanged();
  const withAllBranches = Form.useWatch('withAllBranches', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (meeting) {
      form.setFieldsValue({
        kind: meeting.kind,
        title: meeting.title,
        date: dayjs(meeting.date),
        startTime: meeting.startTime ? dayjs(`2000-01-01T${meeting.startTime}`) : null,
        place: meeting.place,
        chair: meeting.chair,
        recorder: meeting.recorder,
      });
    } else {
      form.setFieldsValue({
        kind: 'assessment',
        title: suggested(period, 'assessment'),
        date: dayjs(),
        startTime: dayjs('2000-01-01T09:00'),
        place: '',
        chair: '',
        recorder: '',
        withPanel: true,
        withAllBranches: true,
        reportMinutes: 10,
      });
    }
  }, [open, meeting, period, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      call('meetings.save', {
        id: meeting?.id ?? null,
        periodId: period.id,
        kind: v.kind,
        title: v.title,
        date: v.date.format('YYYY-MM-DD'),
        startTime: v.startTime ? v.startTime.format('HH:mm') : '',
        place: v.place ?? '',
        chair: v.chair ?? '',
        recorder: v.recorder ?? '',
        withPanel: !meeting && !!v.withPanel,
        withAllBranches: !meeting && !!v.withAllBranches,
        reportMinutes: v.reportMinutes ?? 10,
      }),
    onSuccess: (detail) => {
      changed(detail);
      void message.success(meeting ? t('meetings.saved') : t('meetings.created', { title: detail.title }));
      onSaved(detail, !meeting);
    },
    onError: showError,
  });

  /** The title follows the kind while it is still a suggested one. */
  const onValuesChange = (changedValues: Partial<Values>) => {
    if (!('kind' in changedValues)) return;
    const title = String(form.getFieldValue('title') ?? '');
    if (title === '' || MEETING_KINDS.some((k) => title === suggested(period, k))) form.setFieldValue('title', suggested(period, changedValues.kind!));
  };

  const need = (field: string) => [{ required: true, message: t('meetings.form.required', { field }) }];
  return (
    <Modal
      open={open}
      title={meeting ? t('meetings.form.editTitle') : t('meetings.form.createTitle')}
      okText={meeting ? t('meetings.form.save') : t('meetings.form.create')}
      cancelText={t('meetings.form.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} onValuesChange={onValuesChange} requiredMark="optional">
        <div className="rpm-form-row">
          <Form.Item name="kind" label={t('meetings.form.kind')} style={{ width: 140 }} rules={need(t('meetings.form.kind'))}>
            <Select options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="title" label={t('meetings.form.title')} style={{ flex: 1 }} rules={need(t('meetings.form.title'))}>
            <Input maxLength={80} />
          </Form.Item>
        </div>
        <div className="rpm-form-row">
          <Form.Item name="date" label={t('meetings.form.date')} style={{ width: 180 }} rules={need(t('meetings.form.date'))}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item name="startTime" label={t('meetings.form.startTime')} style={{ width: 140 }}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} />
          </Form.Item>
          <Form.Item name="place" label={t('meetings.form.place')} style={{ flex: 1 }}>
            <Input maxLength={60} placeholder={t('meetings.form.placePlaceholder')} />
          </Form.Item>
        </div>
        <div className="rpm-form-row">
          <Form.Item name="chair" label={t('meetings.form.chair')} style={{ flex: 1 }}>
            <Input maxLength={30} placeholder={t('meetings.form.chairPlaceholder')} />
          </Form.Item>
          <Form.Item name="recorder" label={t('meetings.form.recorder')} style={{ flex: 1 }}>
            <Input maxLength={30} />
          </Form.Item>
        </div>
        {!meeting && (
          <>
            <Form.Item name="withPanel" valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>{t('meetings.form.withPanel', { count: period.raterCount })}</Checkbox>
            </Form.Item>
            <Space align="baseline" wrap>
              <Form.Item name="withAllBranches" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('meetings.form.withAllBranches', { count: period.branchCount })}</Checkbox>
              </Form.Item>
              <Typography.Text type="secondary">{t('meetings.form.reportMinutes')}</Typography.Text>
              <Form.Item name="reportMinutes" style={{ marginBottom: 8 }}>
                <InputNumber min={0} max={600} style={{ width: 72 }} disabled={!withAllBranches} aria-label={t('meetings.form.reportMinutes')} />
              </Form.Item>
              <Typography.Text type="secondary">{t('meetings.form.minutes')}</Typography.Text>
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('meetings.form.later')}
            </Typography.Paragraph>
          </>
        )}
      </Form>
    </Modal>
  );
}
