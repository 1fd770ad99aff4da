/**
 * A period's scoring rules (docs/scoring-rules.md), each with one line saying what
 * it does in plain words.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Divider, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { defaultPeriodSettings, PeriodSettings, settingsProblems } from '../../../../shared/domain/period';
import type { Period } from '../../../../shared/domain/views';
import { t, type MessageKey } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';

/** The settings as the form holds them: shares as percentages, the bonus cap with an on/off switch. */
interface SettingsValues {
  combine: PeriodSettings['combine'];
  trimMinRaters: number;
  normalize: boolean;
  vetoRule: PeriodSettings['vetoRule'];
  bonusCapOn: boolean;
  bonusCap: number | null;
  grades: { label: string; min: number | null }[];
  quotas: { label: string; percent: number | null }[];
  fusionMode: PeriodSettings['fusionSplit']['mode'];
  fusionPercent: number | null;
  presenterNames: boolean;
}

const pct = (x: number) => Math.round(x * 10000) / 100;

function toValues(s: PeriodSettings): SettingsValues {
  return {
    combine: s.combine,
    trimMinRaters: s.trimMinRaters,
    normalize: s.normalize,
    vetoRule: s.vetoRule,
    bonusCapOn: s.bonusCap !== null,
    bonusCap: s.bonusCap ?? 5,
    grades: s.grades.map((g) => ({ ...g })),
    quotas: s.quotas.map((q) => ({ label: q.label, percent: pct(q.maxShare) })),
    fusionMode: s.fusionSplit.mode,
    fusionPercent: pct(s.fusionSplit.value),
    presenterNames: s.presenterNames,
  };
}

function fromValues(v: SettingsValues): PeriodSettings {
  return PeriodSettings.parse({
    combine: v.combine,
    trimMinRaters: v.trimMinRaters,
    normalize: v.normalize,
    vetoRule: v.vetoRule,
    bonusCap: v.bonusCapOn ? (v.bonusCap ?? 0) : null,
    grades: v.grades.map((g, i) => ({ label: g.label.trim(), min: i === v.grades.length - 1 ? 0 : (g.min ?? 0) })),
    quotas: v.quotas.map((q) => ({ label: q.label, maxShare: (q.percent ?? 0) / 100 })),
    fusionSplit: { mode: v.fusionMode, value: (v.fusionPercent ?? 85) / 100 },
    presenterNames: v.presenterNames,
  });
}

/** One explanation line under a setting. */
const Help = ({ k }: { k: MessageKey }) => <span className="rp-setting-help">{t(k)}</span>;

interface Props {
  period: Period;
  readOnly: boolean;
}

/** Mount with key={period.id + updatedAt}: a saved change (here or elsewhere) reloads the form, nothing else does. */
export function PeriodSettingsForm({ period, readOnly }: Props) {
  const [form] = Form.useForm<SettingsValues>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const combine = Form.useWatch('combine', form);
  const bonusCapOn = Form.useWatch('bonusCapOn', form);
  const fusionMode = Form.useWatch('fusionMode', form);
  const grades = Form.useWatch('grades', form) ?? [];
  const gradeLabels = grades.map((g) => g?.label?.trim()).filter((l): l is string => !!l);

  const save = useMutation({
    mutationFn: (settings: PeriodSettings) =>
      call('periods.update', { id: period.id, name: period.name, year: period.year, kind: period.kind, settings }),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries();
      void message.success(t(p.entryCount > 0 ? 'settings.saved.recomputed' : 'settings.saved', { name: p.name }));
    },
    onError: showError,
  });

  const submit = (values: SettingsValues) => {
    try {
      save.mutate(fromValues(values));
    } catch (e) {
      showError(e);
    }
  };

  // The rules across grades and quotas are the schema's (settingsProblems); here each list shows its own.
  const listRule = (list: 'grades' | 'quotas') => ({
    validator: async () => {
      const v = form.getFieldsValue(['grades', 'quotas']) as Pick<SettingsValues, 'grades' | 'quotas'>;
      const problem = settingsProblems((v.grades ?? []).map((g) => g ?? {}), (v.quotas ?? []).map((q) => q ?? {})).find((p) => p.path[0] === list);
      if (problem) throw new Error(t(problem.key, { label: problem.label ?? '' }));
    },
  });
  const gradesRule = listRule('grades');
  const quotasRule = listRule('quotas');

  return (
    <Form<SettingsValues>
      name="settings"
      form={form}
      initialValues={toValues(period.settings)}
      layout="vertical"
      disabled={readOnly}
      onFinish={submit}
      className="rp-settings-form"
      requiredMark={false}
    >
      <Form.Item label={t('settings.combine')} extra={<Help k="settings.combine.help" />}>
        <Space wrap size={[16, 4]}>
          <Form.Item name="combine" noStyle>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'mean', label: t('settings.combine.mean') },
                { value: 'trimmed', label: t('settings.combine.trimmed') },
                { value: 'median', label: t('settings.combine.median') },
              ]}
            />
          </Form.Item>
          {combine === 'trimmed' && (
            <Space size={4}>
              <span>{t('settings.trimMinRaters.before')}</span>
              <Form.Item name="trimMinRaters" noStyle rules={[{ required: true, message: t('settings.trimMinRaters.required') }]}>
                <InputNumber min={3} max={50} precision={0} style={{ width: 64 }} aria-label={t('settings.trimMinRaters.label')} />
              </Form.Item>
              <span>{t('settings.trimMinRaters.after')}</span>
            </Space>
          )}
        </Space>
      </Form.Item>

      <Form.Item label={t('settings.normalize')} extra={<Help k="settings.normalize.help" />}>
        <Space>
          <Form.Item name="normalize" valuePropName="checked" noStyle>
            <Switch aria-label={t('settings.normalize')} />
          </Form.Item>
          <span>{t('settings.normalize.switch')}</span>
        </Space>
      </Form.Item>

      <Form.Item label={t('settings.presenterNames')} extra={<Help k="settings.presenterNames.help" />}>
        <Space>
          <Form.Item name="presenterNames" valuePropName="checked" noStyle>
            <Switch aria-label={t('settings.presenterNames')} />
          </Form.Item>
          <span>{t('settings.presenterNames.switch')}</span>
        </Space>
      </Form.Item>

      <Form.Item name="vetoRule" label={t('settings.vetoRule')} extra={<Help k="settings.vetoRule.help" />}>
        <Radio.Group
          options={[
            { value: 'majority', label: t('settings.vetoRule.majority') },
            { value: 'any', label: t('settings.vetoRule.any') },
          ]}
        />
      </Form.Item>

      <Form.Item label={t('settings.bonusCap')} extra={<Help k="settings.bonusCap.help" />}>
        <Space>
          <Form.Item name="bonusCapOn" valuePropName="checked" noStyle>
            <Checkbox>{t('settings.bonusCap.on')}</Checkbox>
          </Form.Item>
          <Form.Item name="bonusCap" noStyle>
            <InputNumber min={0} max={100} step={0.5} disabled={readOnly || !bonusCapOn} style={{ width: 90 }} aria-label={t('settings.bonusCap')} />
          </Form.Item>
          <span>{t('settings.points')}</span>
        </Space>
      </Form.Item>

      <Divider style={{ margin: '8px 0 16px' }} />

      <Form.Item label={t('settings.grades')} extra={<Help k="settings.grades.help" />} required>
        <Form.List name="grades" rules={[gradesRule]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="baseline" size={8} style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'label']} noStyle rules={[{ required: true, whitespace: true, message: t('settings.grades.labelRequired') }]}>
                    <Input maxLength={10} style={{ width: 96 }} aria-label={t('settings.grades.label')} />
                  </Form.Item>
                  {i < fields.length - 1 ? (
                    <>
                      <span>{t('settings.grades.atLeast')}</span>
                      <Form.Item name={[field.name, 'min']} noStyle rules={[{ required: true, message: t('settings.grades.minRequired') }]}>
                        <InputNumber min={0} max={1000} style={{ width: 90 }} aria-label={t('settings.grades.min')} />
                      </Form.Item>
                      <span>{t('settings.points')}</span>
                    </>
                  ) : (
                    <Typography.Text type="secondary">{t('settings.grades.rest')}</Typography.Text>
                  )}
                  {fields.length > 2 && !readOnly && (
                    <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('settings.remove')} onClick={() => remove(field.name)} />
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {!readOnly && fields.length < 8 && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ label: '', min: 0 }, Math.max(0, fields.length - 1))}>
                  {t('settings.grades.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>

      <Form.Item label={t('settings.quotas')} extra={<Help k="settings.quotas.help" />}>
        <Form.List name="quotas" rules={[quotasRule]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.length === 0 && <Typography.Text type="secondary">{t('settings.quotas.none')}</Typography.Text>}
              {fields.map((field) => (
                <Space key={field.key} align="baseline" size={8} style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'label']} noStyle rules={[{ required: true, message: t('settings.quotas.labelRequired') }]}>
                    <Select
                      style={{ width: 110 }}
                      aria-label={t('settings.quotas.label')}
                      options={gradeLabels.slice(0, -1).map((l) => ({ value: l, label: l }))}
                    />
                  </Form.Item>
                  <span>{t('settings.quotas.atMost')}</span>
                  <Form.Item name={[field.name, 'percent']} noStyle rules={[{ required: true, message: t('settings.quotas.percentRequired') }]}>
                    <InputNumber min={0} max={100} style={{ width: 80 }} aria-label={t('settings.quotas.percent')} />
                  </Form.Item>
                  <span>%</span>
                  {!readOnly && (
                    <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('settings.remove')} onClick={() => remove(field.name)} />
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {!readOnly && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ label: gradeLabels[0] ?? '', percent: 20 })}>
                  {t('settings.quotas.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>

      <Form.Item label={t('settings.fusion')} extra={<Help k="settings.fusion.help" />}>
        <Space wrap>
          <Form.Item name="fusionMode" noStyle>
            <Radio.Group
              options={[
                { value: 'mean', label: t('settings.fusion.mean') },
                { value: 'fixed', label: t('settings.fusion.fixed') },
              ]}
            />
          </Form.Item>
          {fusionMode === 'fixed' && (
            <Space size={4}>
              <Form.Item name="fusionPercent" noStyle rules={[{ required: true, message: t('settings.fusion.percentRequired') }]}>
                <InputNumber min={0} max={100} style={{ width: 80 }} aria-label={t('settings.fusion.percent')} />
              </Form.Item>
              <span>%</span>
            </Space>
          )}
        </Space>
      </Form.Item>

      {!readOnly && (
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
          <Button onClick={() => form.resetFields()}>{t('settings.reset')}</Button>
          <Button type="link" onClick={() => form.setFieldsValue(toValues(defaultPeriodSettings()))}>
            {t('settings.defaults')}
          </Button>
        </Space>
      )}
    </Form>
  );
}
