import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { METHOD_KINDS, TAGS, type Indicator, type IndicatorFieldsInput, type MethodKind } from '../../../../shared/domain/framework';
import { DEFAULT_GRADES } from '../../../../shared/domain/period';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { invalidate, useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import {
  bonusCapRule,
  fieldRule,
  fieldsFromValues,
  LOWEST_GRADE,
  METHOD_DEFAULTS,
  methodRule,
  methodValidator,
  plainNumber as plain,
  valuesFromIndicator,
  type IndicatorFormValues,
} from './indicatorForm';
import { fmtPoints, METHOD_LABEL, suggestCode, TAG_LABEL, type FrameworkTree } from './model';
import { RulesFields } from './RulesFields';
import { TriggerFields } from './TriggerFields';

/** What the drawer is doing: adding below a parent (null: top level) or editing one indicator. */
export type Editing = { mode: 'add'; parent: Indicator | null } | { mode: 'edit'; indicator: Indicator };

interface Props {
  editing: Editing | null;
  /** A frozen version: the form only shows the indicator. */
  readOnly: boolean;
  frameworkId: number;
  indicators: readonly Indicator[];
  tree: FrameworkTree;
  onClose: () => void;
  onSaved: (indicator: Indicator) => void;
}

const NUMBER_WIDTH = 160;

export function IndicatorDrawer({ editing, readOnly, frameworkId, indicators, tree, onClose, onSaved }: Props) {
  const [form] = Form.useForm<IndicatorFormValues>();
  const queryClient = useQueryClient();
  const { message, showError } = useFeedback();
  const kind = Form.useWatch('kind', form);
  const entry = Form.useWatch('entry', form);
  const direction = Form.useWatch('direction', form);
  const maxPoints = Form.useWatch('maxPoints', form);
  const pool = Form.useWatch('pool', form);
  const effect = Form.useWatch('effect', form);
  // 支部类别 the 适用类别 choose from: the framework the page already holds (same query, so no second request).
  const categories = useApi('frameworks.get', { id: frameworkId }).data?.categories ?? [];

  const editedRow = editing?.mode === 'edit' ? tree.byId.get(editing.indicator.id) : undefined;
  const isLeaf = editing?.mode === 'add' || !editedRow?.children?.length;
  const parent =
    editing?.mode === 'add'
      ? editing.parent
      : editing?.mode === 'edit' && editing.indicator.parentId !== null
        ? (tree.byId.get(editing.indicator.parentId)?.indicator ?? null)
        : null;
  const suggested = editing?.mode === 'add' ? suggestCode(indicators, editing.parent) : null;

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    if (editing.mode === 'edit') {
      form.setFieldsValue(valuesFromIndicator(editing.indicator));
    } else if (editing.parent?.options?.pool) {
      // Below a pool (扣分池) the expected child is a 0-point deduction leaf.
      form.setFieldsValue({
        code: suggestCode(indicators, editing.parent),
        name: '',
        tag: editing.parent.tag,
        maxPoints: 0,
        criteria: '',
        evidence: '',
        kind: 'deduction',
        entry: 'panel',
        ...METHOD_DEFAULTS.deduction,
      });
    } else {
      form.setFieldsValue({
        code: suggestCode(indicators, editing.parent),
        name: '',
        tag: editing.parent?.tag ?? 'party',
        maxPoints: null,
        criteria: '',
        evidence: '',
        kind: 'rating',
        entry: 'panel',
        ...METHOD_DEFAULTS.rating,
      });
    }
    // Only when the drawer opens on something new: a refetch must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing, form]);

  const save = useMutation({
    mutationFn: (fields: IndicatorFieldsInput) =>
      editing?.mode === 'edit'
        ? call('indicators.update', { id: editing.indicator.id, fields })
        : call('indicators.add', { frameworkId, parentId: editing?.mode === 'add' ? (editing.parent?.id ?? null) : null, fields }),
    onSuccess: (saved) => {
      void message.success(t(editing?.mode === 'edit' ? 'fw.saved.edit' : 'fw.saved.add', { name: saved.name }));
      onSaved(saved);
    },
    onError: (e) => {
      const fieldErrors = e instanceof ApiError ? (e.error.details ?? []).filter((d) => d.field) : [];
      if (fieldErrors.length > 0) form.setFields(fieldErrors.map((d) => ({ name: d.field as 'code', errors: [d.message] })));
      else showError(e);
    },
    onSettled: () => invalidate(queryClient, 'frameworks'),
  });

  const changeKind = (next: MethodKind) => {
    const current = form.getFieldsValue(true) as IndicatorFormValues;
    const defaults = METHOD_DEFAULTS[next];
    const fill: Partial<IndicatorFormValues> = {};
    for (const [k, v] of Object.entries(defaults) as [keyof IndicatorFormValues, unknown][]) {
      if (current[k] === undefined || current[k] === null) (fill as Record<string, unknown>)[k] = v;
    }
    if (next === 'veto') fill.maxPoints = 0;
    if (next !== 'quantitative' && !current.entry) fill.entry = 'panel';
    // Only 扣分 and 一票否决 can be triggered by business data: another method goes back to the panel.
    if (current.entry === 'data' && next !== 'deduction' && next !== 'veto') fill.entry = 'panel';
    form.setFieldsValue(fill);
  };

  const changeDirection = (next: 'higher' | 'lower') => {
    const ratio = form.getFieldValue('floorRatio') as number | null;
    // Keep a ratio that suits the new direction; otherwise offer the usual one.
    if (ratio === null || (next === 'higher' ? ratio >= 1 : ratio <= 1)) form.setFieldValue('floorRatio', next === 'higher' ? 0.8 : 1.1);
  };

  const title =
    editing?.mode === 'edit'
      ? t(readOnly ? 'fw.form.viewTitle' : 'fw.form.editTitle', { code: editing.indicator.code })
      : editing?.parent
        ? t('fw.form.addChildTitle', { parent: `${editing.parent.code} ${editing.parent.name}` })
        : t('fw.form.addTitle');

  const parentIsLeaf = editing?.mode === 'add' && editing.parent !== null && !tree.byId.get(editing.parent.id)?.children?.length;
  const methodHelp = kind ? t(`fw.method.help.${kind}`) : undefined;

  const gradeOptions = [
    { value: LOWEST_GRADE, label: t('fw.field.capGradeLowest') },
    ...DEFAULT_GRADES.map((g) => ({ value: g.label, label: g.label })),
  ];

  return (
    <Drawer
      open={editing !== null}
      title={title}
      // The rules table needs the room (880 still leaves part of the tree in view at 1366 wide).
      size={isLeaf && kind === 'rules' ? 880 : 600}
      onClose={onClose}
      // The tree puts the focus back on the right row itself (the saved one, or where the user was).
      focusable={{ focusTriggerAfterClose: false }}
      destroyOnHidden
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          {readOnly ? (
            <Button onClick={onClose}>{t('fw.form.close')}</Button>
          ) : (
            <>
              <Button onClick={onClose}>{t('fw.form.cancel')}</Button>
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
                {t('fw.form.save')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Form<IndicatorFormValues>
        form={form}
        name="fwIndicator"
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 17 }}
        onFinish={(values) => !readOnly && save.mutate(fieldsFromValues(values, isLeaf))}
        requiredMark={!readOnly}
        disabled={readOnly}
      >
        {readOnly && <Alert style={{ marginBottom: 16 }} type="info" showIcon title={t('fw.form.readOnly')} />}
        <Form.Item label={t('fw.form.parent')}>
          <Typography.Text>{parent ? `${parent.code} ${parent.name}` : t('fw.form.parentRoot')}</Typography.Text>
        </Form.Item>
        {parentIsLeaf && editing?.mode === 'add' && editing.parent && (
          <Alert style={{ marginBottom: 16 }} type="warning" showIcon title={t('fw.form.becomesInner', { name: editing.parent.name })} />
        )}
        <Form.Item
          name="code"
          label={t('fw.field.code')}
          required
          rules={[
            fieldRule('code'),
            {
              warningOnly: true,
              validator: async (_r, value: string) => {
                const v = (value ?? '').trim();
                if (parent && v && !v.startsWith(`${parent.code}.`)) throw new Error(t('fw.form.codePrefix', { prefix: `${parent.code}.` }));
              },
            },
          ]}
          extra={
            !parent
              ? t('fw.form.codeHelpRoot')
              : suggested
                ? t('fw.form.codeHelp', { code: suggested })
                : t('fw.form.codeHelpEdit', { prefix: `${parent.code}.` })
          }
        >
          <Input maxLength={20} autoComplete="off" style={{ width: NUMBER_WIDTH }} />
        </Form.Item>
        <Form.Item name="name" label={t('fw.field.indicatorName')} required rules={[fieldRule('name')]}>
          <Input autoFocus maxLength={80} autoComplete="off" />
        </Form.Item>
        <Form.Item name="tag" label={t('fw.field.tag')} required>
          <Radio.Group optionType="button" buttonStyle="solid" options={TAGS.map((tag) => ({ value: tag, label: t(TAG_LABEL[tag]) }))} />
        </Form.Item>
        {categories.length > 0 && (
          <Form.Item name="appliesTo" label={t('fw.appliesTo.label')} extra={t('fw.appliesTo.help')}>
            <Select mode="multiple" allowClear placeholder={t('fw.appliesTo.placeholder')} options={categories.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        )}
        <Form.Item
          name="maxPoints"
          label={t(isLeaf && (kind === 'bonus' || (kind === 'rules' && effect === 'add')) ? 'fw.field.maxPointsBonus' : 'fw.field.maxPoints')}
          required
          rules={[fieldRule('maxPoints')]}
          extra={
            isLeaf && kind === 'veto'
              ? t('fw.field.vetoPoints')
              : isLeaf && (kind === 'deduction' || (kind === 'rules' && effect === 'deduct')) && parent?.options?.pool
                ? t('fw.pool.childPoints', { pool: `${parent.code} ${parent.name}`, max: fmtPoints(parent.maxPoints) })
                : undefined
          }
        >
          <InputNumber formatter={plain} min={0} max={1000} step={0.5} style={{ width: NUMBER_WIDTH }} suffix={t('fw.field.points')} disabled={isLeaf && kind === 'veto'} />
        </Form.Item>

        {!isLeaf && editedRow && (
          <>
            <Alert
              style={{ marginBottom: 16 }}
              type={!pool && editedRow.mismatch ? 'error' : 'info'}
              showIcon
              title={
                pool
                  ? t('fw.pool.innerNode', { name: editedRow.indicator.name, max: fmtPoints(typeof maxPoints === 'number' ? maxPoints : editedRow.indicator.maxPoints) })
                  : t('fw.form.innerNode', { name: editedRow.indicator.name, sum: fmtPoints(editedRow.childSum ?? 0) })
              }
            />
            <Form.Item name="pool" label={t('fw.pool.label')} valuePropName="checked" extra={t('fw.pool.help')}>
              <Switch aria-label={t('fw.pool.label')} />
            </Form.Item>
            <Form.Item name="bonusCap" label={t('fw.bonusCap.label')} rules={[bonusCapRule]} extra={t('fw.bonusCap.help')}>
              <InputNumber
                formatter={plain}
                min={0}
                max={1000}
                step={1}
                style={{ width: NUMBER_WIDTH }}
                suffix={t('fw.field.points')}
                aria-label={t('fw.bonusCap.label')}
              />
            </Form.Item>
          </>
        )}

        {isLeaf && (
          <>
            <Form.Item name="kind" label={t('fw.field.method')} required rules={[methodRule(form, ['kind'])]} extra={methodHelp}>
              <Select
                style={{ width: 220 }}
                onChange={changeKind}
                options={METHOD_KINDS.map((k) => ({ value: k, label: t(METHOD_LABEL[k]) }))}
              />
            </Form.Item>
            {kind === 'rating' && (
              <Form.Item name="step" label={t('fw.field.step')} required rules={[methodRule(form, ['step'])]} extra={t('fw.field.stepHelp')}>
                <InputNumber formatter={plain} min={0} step={0.5} style={{ width: NUMBER_WIDTH }} suffix={t('fw.field.points')} />
              </Form.Item>
            )}
            {kind === 'level' && (
              <Form.Item label={t('fw.field.levels')} required extra={t('fw.field.levelsHelp')}>
                <Form.List name="levels" rules={[{ validator: methodValidator(form, ['levels']) }]}>
                  {(fields, { add, remove }, { errors }) => (
                    <>
                      {fields.map((field, i) => (
                        <Space key={field.key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
                          <Form.Item name={[field.name, 'label']} rules={[methodRule(form, ['levels', i, 'label'])]} style={{ marginBottom: 4 }}>
                            <Input maxLength={10} style={{ width: 110 }} aria-label={t('fw.field.levelLabel')} placeholder={t('fw.field.levelLabel')} />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'fraction']}
                            rules={[methodRule(form, ['levels', i, 'fraction'])]}
                            style={{ marginBottom: 4 }}
                          >
                            <InputNumber formatter={plain} min={0} max={1} step={0.1} style={{ width: 100 }} aria-label={t('fw.field.levelFraction')} placeholder={t('fw.field.levelFraction')} />
                          </Form.Item>
                          <Form.Item noStyle shouldUpdate>
                            {() => {
                              const fraction = form.getFieldValue(['levels', field.name, 'fraction']) as number | null;
                              return (
                                <Typography.Text type="secondary" style={{ lineHeight: '32px', display: 'inline-block', minWidth: 64 }}>
                                  {typeof fraction === 'number' && typeof maxPoints === 'number'
                                    ? t('fw.field.levelPoints', { points: fmtPoints(fraction * maxPoints) })
                                    : ''}
                                </Typography.Text>
                              );
                            }}
                          </Form.Item>
                          <Button
                            type="text"
                            icon={<DeleteOutlined />}
                            aria-label={t('fw.field.levelRemove')}
                            title={t('fw.field.levelRemove')}
                            disabled={fields.length <= 2}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= 8} onClick={() => add({ label: '', fraction: null })}>
                        {t('fw.field.levelAdd')}
                      </Button>
                      <Form.ErrorList errors={errors} />
                    </>
                  )}
                </Form.List>
              </Form.Item>
            )}
            {kind === 'deduction' && (
              <Form.Item name="perOccurrence" label={t('fw.field.perOccurrence')} required rules={[methodRule(form, ['perOccurrence'])]}>
                <InputNumber formatter={plain} min={0} step={0.5} style={{ width: NUMBER_WIDTH }} suffix={t('fw.field.points')} />
              </Form.Item>
            )}
            {kind === 'bonus' && (
              <Form.Item name="perItem" label={t('fw.field.perItem')} required rules={[methodRule(form, ['perItem'])]}>
                <InputNumber formatter={plain} min={0} step={0.5} style={{ width: NUMBER_WIDTH }} suffix={t('fw.field.points')} />
              </Form.Item>
            )}
            {kind === 'quantitative' && (
              <>
                <Form.Item name="direction" label={t('fw.field.direction')} required rules={[methodRule(form, ['direction'])]}>
                  <Radio.Group
                    onChange={(e) => changeDirection(e.target.value as 'higher' | 'lower')}
                    options={[
                      { value: 'higher', label: t('fw.field.direction.higher') },
                      { value: 'lower', label: t('fw.field.direction.lower') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name="floorRatio"
                  label={t('fw.field.floorRatio')}
                  required
                  rules={[methodRule(form, ['floorRatio'])]}
                  extra={t(direction === 'lower' ? 'fw.field.floorRatioHelpLower' : 'fw.field.floorRatioHelpHigher')}
                >
                  <InputNumber formatter={plain} min={0} step={0.1} style={{ width: NUMBER_WIDTH }} />
                </Form.Item>
                <Form.Item name="excessCap" label={t('fw.field.excessCap')} rules={[methodRule(form, ['excessCap'])]} extra={t('fw.field.excessCapHelp')}>
                  <InputNumber formatter={plain} min={0} max={1} step={0.1} style={{ width: NUMBER_WIDTH }} />
                </Form.Item>
              </>
            )}
            {kind === 'veto' && (
              <Form.Item name="capGrade" label={t('fw.field.capGrade')} required>
                <Select style={{ width: NUMBER_WIDTH }} options={gradeOptions} />
              </Form.Item>
            )}
            {kind === 'rules' && (
              <RulesFields form={form} maxPoints={maxPoints} pool={parent?.options?.pool ? { name: `${parent.code} ${parent.name}`, maxPoints: parent.maxPoints } : null} />
            )}
            {kind && kind !== 'quantitative' && kind !== 'rules' && <TriggerFields form={form} kind={kind} entry={entry} indicators={indicators} />}
          </>
        )}

        <Form.Item name="criteria" label={t('fw.field.criteria')} rules={[fieldRule('criteria')]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('fw.field.criteriaPlaceholder')} />
        </Form.Item>
        <Form.Item name="evidence" label={t('fw.field.evidence')} rules={[fieldRule('evidence')]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('fw.field.evidencePlaceholder')} />
        </Form.Item>
        {/* Enter in a one-line field saves, as users expect of a form. */}
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
