/**
 * The indicator drawer's fields for a 细则 leaf (issue 11 §1): 扣分/加分, 扣完为止, and the rules as the scheme
 * writes them — “未建立台账扣2分；台账不完整的每项扣0.5分，最多扣2分；组织生活会质量不高的扣1—2分” — one block
 * per rule: its text, 一次/每次, a fixed amount or a range, and an optional 最多扣（加）分. Each rule reads back in
 * the scheme's words under it (ruleAmountInWords) so the office can check it against the paper.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Radio, Select, Switch, Typography, type FormInstance } from 'antd';
import { LeafRule, MAX_RULES } from '../../../../shared/domain/framework';
import { ruleAmountInWords, ruleNumber } from '../../../../shared/domain/findings';
import { t } from '../../../../shared/messages';
import { methodRule, methodValidator, newRuleRow, plainNumber as plain, type IndicatorFormValues, type RuleFormRow } from './indicatorForm';
import { fmtPoints } from './model';


/** The rule's amount in words once it parses (the text may still be empty), else nothing. */
function ruleWords(row: RuleFormRow | undefined, effect: 'deduct' | 'add'): string {
  if (!row) return '';
  const parsed = LeafRule.safeParse({ text: row.text || '—', basis: row.basis, min: row.min, max: row.ranged ? row.max : row.min, cap: row.cap ?? null });
  return parsed.success ? ruleAmountInWords(parsed.data, effect) : '';
}

interface Props {
  form: FormInstance<IndicatorFormValues>;
  maxPoints: unknown;
  /** The 扣分池 the leaf deducts from (its parent), if any: there the pool floors, not the leaf. */
  pool: { name: string; maxPoints: number } | null;
}

export function RulesFields({ form, maxPoints, pool }: Props) {
  const effect = (Form.useWatch('effect', form) ?? 'deduct') as 'deduct' | 'add';
  const floorAtZero = Form.useWatch('floorAtZero', form) as boolean | undefined;
  const rows = (Form.useWatch('rules', form) ?? []) as (RuleFormRow | undefined)[];
  const max = typeof maxPoints === 'number' ? fmtPoints(maxPoints) : '—';
  return (
    <>
      <Form.Item
        name="effect"
        label={t('fw.rules.effect')}
        required
        extra={
          effect === 'add'
            ? t('fw.rules.effectHelp.add')
            : pool
              ? t('fw.rules.effectHelp.pool', { pool: pool.name, max: fmtPoints(pool.maxPoints) })
              : t('fw.rules.effectHelp.deduct', { max })
        }
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'deduct', label: t('fw.rules.effect.deduct') },
            { value: 'add', label: t('fw.rules.effect.add') },
          ]}
        />
      </Form.Item>
      {effect === 'deduct' && !pool && (
        <Form.Item name="floorAtZero" label={t('fw.rules.floor')} valuePropName="checked" extra={t(floorAtZero === false ? 'fw.rules.floorHelp.off' : 'fw.rules.floorHelp.on')}>
          <Switch aria-label={t('fw.rules.floor')} />
        </Form.Item>
      )}
      <Form.Item label={t('fw.rules.label')} required extra={t('fw.rules.help')}>
        <Form.List name="rules" rules={[{ validator: methodValidator(form, ['rules']) }]}>
          {(fields, { add, remove, move }, { errors }) => (
            <>
              {fields.map((field, i) => {
                const row = rows[field.name];
                const ranged = row?.ranged === true;
                const words = ruleWords(row, effect);
                return (
                  <div key={field.key} className="rp-fw-rule" data-testid={`fw-rule-${i}`}>
                    <div className="rp-fw-rule-line">
                      <span className="rp-fw-rule-no">{ruleNumber(i)}</span>
                      <Form.Item name={[field.name, 'text']} rules={[methodRule(form, ['rules', i, 'text'])]} className="rp-fw-rule-text">
                        <Input maxLength={200} aria-label={t('fw.rules.text')} placeholder={t('fw.rules.textPlaceholder')} />
                      </Form.Item>
                      <Button type="text" icon={<ArrowUpOutlined />} aria-label={t('fw.rules.up')} title={t('fw.rules.up')} disabled={i === 0} onClick={() => move(i, i - 1)} />
                      <Button
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('fw.rules.down')}
                        title={t('fw.rules.down')}
                        disabled={i === fields.length - 1}
                        onClick={() => move(i, i + 1)}
                      />
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('fw.rules.remove')}
                        title={t('fw.rules.remove')}
                        disabled={fields.length <= 1}
                        onClick={() => remove(field.name)}
                      />
                    </div>
                    <div className="rp-fw-rule-line rp-fw-rule-amounts">
                      <Form.Item name={[field.name, 'basis']}>
                        <Select
                          style={{ width: 84 }}
                          aria-label={t('fw.rules.basis')}
                          options={[
                            { value: 'once', label: t('fw.rules.basis.once') },
                            { value: 'each', label: t('fw.rules.basis.each') },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'ranged']}>
                        <Radio.Group
                          optionType="button"
                          aria-label={t('fw.rules.amountKind')}
                          options={[
                            { value: false, label: t('fw.rules.fixed') },
                            { value: true, label: t('fw.rules.range') },
                          ]}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'min']} rules={[methodRule(form, ['rules', i, 'min'])]}>
                        <InputNumber
                          formatter={plain}
                          min={0}
                          step={0.5}
                          style={{ width: 72 }}
                          aria-label={t(ranged ? 'fw.rules.min' : 'fw.rules.amount')}
                          placeholder={t(ranged ? 'fw.rules.min' : 'fw.rules.amount')}
                        />
                      </Form.Item>
                      {ranged && (
                        <>
                          <span className="rp-fw-rule-dash">—</span>
                          <Form.Item name={[field.name, 'max']} rules={[methodRule(form, ['rules', i, 'max'])]}>
                            <InputNumber formatter={plain} min={0} step={0.5} style={{ width: 72 }} aria-label={t('fw.rules.max')} placeholder={t('fw.rules.max')} />
                          </Form.Item>
                        </>
                      )}
                      <span className="rp-fw-rule-unit">{t('fw.field.points')}</span>
                      <Form.Item name={[field.name, 'cap']} rules={[methodRule(form, ['rules', i, 'cap'])]}>
                        <InputNumber
                          formatter={plain}
                          min={0}
                          step={0.5}
                          style={{ width: 124 }}
                          prefix={t(effect === 'deduct' ? 'fw.rules.cap.deduct' : 'fw.rules.cap.add')}
                          suffix={t('fw.field.points')}
                          aria-label={t(effect === 'deduct' ? 'fw.rules.cap.deduct' : 'fw.rules.cap.add')}
                          placeholder={t('fw.rules.capPlaceholder')}
                        />
                      </Form.Item>
                    </div>
                    {words && (
                      <Typography.Text type="secondary" className="rp-fw-rule-words" data-testid="fw-rule-words">
                        {words}
                      </Typography.Text>
                    )}
                  </div>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= MAX_RULES} onClick={() => add(newRuleRow())}>
                {t('fw.rules.add')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('fw.entry.label')}>
        <Typography.Text type="secondary">{t('fw.rules.entry')}</Typography.Text>
      </Form.Item>
    </>
  );
}
