/**
 * Who records a leaf — 评委评分 / 考核组核定 — and, on a 扣分 or 一票否决 leaf, the third way: 由业务数据触发
 * (issue 11 §4), with the quantitative leaf whose 完成率 decides and the threshold below which it triggers.
 * The framework's own checks (framework-validate.ts) still name a source that went missing later.
 */
import { Alert, Form, InputNumber, Radio, Select, Tag, Tooltip, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { dataTriggerOf, DataTrigger, type Indicator, type MethodKind } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import { plainNumber as plain, TRIGGER_DEFAULT_BELOW, type IndicatorFormValues } from './indicatorForm';
import { fmtPoints } from './model';

/** The methods a trigger can decide: a veto (a grade cap) and a deduction (one occurrence). */
const triggerable = (kind: MethodKind | undefined): kind is 'deduction' | 'veto' => kind === 'deduction' || kind === 'veto';

/** 100 → “100%”, 93.5 → “93.5%”. */
const fmtPercent = (share: number) => `${Number((share * 100).toPrecision(12))}%`;

const sourceRule: Rule = {
  validator: async (_r, value: unknown) => {
    if (typeof value !== 'string' || !DataTrigger.shape.source.safeParse(value).success) throw new Error(t('fw.trigger.invalid.source'));
  },
};
const belowRule: Rule = {
  validator: async (_r, value: unknown) => {
    if (typeof value !== 'number' || !DataTrigger.shape.below.safeParse(value / 100).success) throw new Error(t('fw.trigger.invalid.below'));
  },
};

interface Props {
  form: FormInstance<IndicatorFormValues>;
  kind: MethodKind | undefined;
  entry: IndicatorFormValues['entry'];
  /** The framework's indicators: its quantitative leaves are the sources to choose from. */
  indicators: readonly Indicator[];
}

export function TriggerFields({ form, kind, entry, indicators }: Props) {
  const byData = triggerable(kind) && entry === 'data';
  const sources = indicators
    .filter((i) => i.method?.kind === 'quantitative')
    .map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
  const help = byData ? t(kind === 'veto' ? 'fw.entry.help.data.veto' : 'fw.entry.help.data.deduction') : t(entry === 'office' ? 'fw.entry.help.office' : 'fw.entry.help.panel');
  const choose = (next: IndicatorFormValues['entry']) => {
    if (next !== 'data') return;
    const v = form.getFieldsValue(true) as IndicatorFormValues;
    // A first choice of 由业务数据触发 starts at 100% (未完成目标即触发), and at the only source when there is one.
    if (typeof v.triggerBelow !== 'number') form.setFieldValue('triggerBelow', TRIGGER_DEFAULT_BELOW);
    if (!v.triggerSource && sources.length === 1) form.setFieldValue('triggerSource', sources[0]!.value);
  };
  return (
    <>
      <Form.Item name="entry" label={t('fw.entry.label')} extra={help}>
        <Radio.Group
          onChange={(e) => choose(e.target.value as IndicatorFormValues['entry'])}
          options={[
            { value: 'panel', label: t('fw.entry.panel') },
            { value: 'office', label: t('fw.entry.office') },
            ...(triggerable(kind) ? [{ value: 'data', label: t('fw.entry.data') }] : []),
          ]}
        />
      </Form.Item>
      {byData && (
        <>
          {sources.length === 0 && <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('fw.trigger.noSources')} />}
          <Form.Item name="triggerSource" label={t('fw.trigger.source')} required rules={[sourceRule]} extra={t('fw.trigger.sourceHelp')}>
            <Select style={{ width: 280 }} options={sources} placeholder={t('fw.trigger.sourcePlaceholder')} aria-label={t('fw.trigger.source')} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="triggerBelow" label={t('fw.trigger.below')} required rules={[belowRule]} extra={t('fw.trigger.belowHelp')}>
            <InputNumber formatter={plain} min={0} max={1000} step={5} style={{ width: 160 }} suffix="%" aria-label={t('fw.trigger.below')} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** The small 数据触发 tag of a leaf triggered by business data, so the tree shows that nobody records it. */
export function TriggerTag({ indicator }: { indicator: Indicator }) {
  const trigger = indicator.method ? dataTriggerOf(indicator.method) : null;
  if (!trigger || !indicator.method) return null;
  const outcome =
    indicator.method.kind === 'deduction' ? t('fw.trigger.tagTip.deduction', { per: fmtPoints(indicator.method.perOccurrence) }) : t('fw.trigger.tagTip.veto');
  return (
    <Tooltip title={t('fw.trigger.tagTip', { source: trigger.source, below: fmtPercent(trigger.below), outcome })}>
      <Tag color="geekblue" className="rp-fw-office-tag" data-testid="fw-trigger-tag">
        {t('fw.trigger.tag')}
      </Tag>
    </Tooltip>
  );
}
