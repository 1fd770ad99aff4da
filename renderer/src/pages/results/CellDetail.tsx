/**
 * One leaf of one branch, down to the raters' entries: per group the raters,
 * their raw entries and points, the trimmed ones struck through, the group
 * value, the weighted mean; or the quantitative working; or the veto count; or, for a leaf triggered by business
 * data, its source's 完成率 against the threshold. Under 分工评分 only the groups taking part in the leaf are listed,
 * with a note naming them and each group's renormalised share (docs/scoring-rules.md “分工评分”).
 */
import { Descriptions, Table, Tag, Typography } from 'antd';
import type { Indicator } from '../../../../shared/domain/framework';
import type { PeriodSettings } from '../../../../shared/domain/period';
import type { CellExplanation, GroupCombination, QuantitativeWorking, ScoreUse, VetoWorking } from '../../../../shared/engine';
import { t } from '../../../../shared/messages';
import { entryText, findingLines, fmtDeduction, fmtExact, fmtPoints, fmtShare, methodRule, triggerSentence } from './format';

export interface PanelNames {
  rater: (id: number) => string;
  group: (id: number) => string;
  /** Rater ids in the panel's order. */
  order: Map<number, number>;
  /** Rater ids per group. */
  ratersOf: (groupId: number) => number[];
}

const sep = () => t('results.summary.sep');

/** A leaf's value in words; a pool's child (扣分池) says what it deducts, its value being minus that. */
const leafValue = (value: number, pool: Indicator | null) =>
  pool ? t('results.pool.cellValue', { value: fmtDeduction(value).replace('−', '') }) : t('results.cell.leafValue', { value: fmtPoints(value) });

export function CellDetail(props: { cell: CellExplanation; indicator: Indicator; settings: PeriodSettings; names: PanelNames; pool?: Indicator | null }) {
  const { cell, indicator, settings, names } = props;
  const pool = props.pool ?? null;
  const recused = cell.recused.length ? (
    <div className="rpr-cell-line rpr-note" data-testid="cell-recused">
      {t('results.cell.recused', {
        list: cell.recused.map((r) => t('results.cell.recusedItem', { name: names.rater(r.raterId), reason: r.reason })).join(sep()),
      })}
    </div>
  ) : null;

  return (
    <div className="rpr-cell" data-testid={`cell-${cell.indicatorId}`}>
      <div className="rpr-note" style={{ marginBottom: 8 }}>
        {methodRule(indicator, settings, pool)}
      </div>
      {cell.notApplicable ? (
        <div className="rpr-cell-line rpr-note" data-testid="cell-not-applicable">
          {t('results.na.cell')}
        </div>
      ) : cell.trigger ? (
        <Trigger cell={cell} pool={pool} />
      ) : cell.office ? (
        <Office office={cell.office} cell={cell} indicator={indicator} pool={pool} />
      ) : cell.quantitative ? (
        <Quantitative working={cell.quantitative} cell={cell} indicator={indicator} />
      ) : cell.veto ? (
        <Veto working={cell.veto} cell={cell} names={names} />
      ) : (
        <Groups cell={cell} indicator={indicator} settings={settings} names={names} pool={pool} />
      )}
      {recused}
    </div>
  );
}

function Groups(props: { cell: CellExplanation; indicator: Indicator; settings: PeriodSettings; names: PanelNames; pool: Indicator | null }) {
  const { cell, indicator, settings, names, pool } = props;
  const normalized = cell.groups.some((g) => g.scores.some((s) => s.normalized !== null));
  const counted = cell.groups.filter((g) => g.value !== null);
  const value = cell.value;
  let how = '';
  if (counted.length === 1) how = t('results.cell.single', { group: names.group(counted[0]!.groupId) });
  else if (counted.length > 1) {
    const numerator = counted.map((g) => `${fmtExact(g.value!)} × ${fmtExact(g.weight)}`).join(' + ');
    const weights = counted.map((g) => fmtExact(g.weight)).join(' + ');
    how = t('results.cell.weighted', { formula: `(${numerator}) ÷ (${weights})` });
  }
  const assigned = cell.assignedGroupIds;
  return (
    <>
      {normalized && <div className="rpr-note" style={{ marginBottom: 8 }}>{t('results.cell.normalized')}</div>}
      {assigned && (
        <div className="rpr-note" style={{ marginBottom: 8 }} data-testid="cell-assignment">
          {assigned.length > 0
            ? t('results.assignment.by', { groups: assigned.map((id) => `“${names.group(id)}”`).join(sep()) })
            : t('results.assignment.nobody')}
        </div>
      )}
      <div className="rpr-cell-groups">
        {cell.groups.map((g) => (
          <GroupBox
            key={g.groupId}
            group={g}
            indicator={indicator}
            settings={settings}
            names={names}
            normalized={normalized}
            recused={cell.recused.map((r) => r.raterId)}
          />
        ))}
      </div>
      <div className="rpr-cell-line rpr-working" data-testid="cell-combined">
        {value === null ? (
          <span className="rpr-missing">{t('results.cell.none')}</span>
        ) : (
          <>
            <b>{leafValue(value, pool)}</b> {how}
          </>
        )}
      </div>
    </>
  );
}

function GroupBox(props: {
  group: GroupCombination;
  indicator: Indicator;
  settings: PeriodSettings;
  names: PanelNames;
  normalized: boolean;
  recused: number[];
}) {
  const { group: g, indicator, settings, names, normalized } = props;
  const members = names.ratersOf(g.groupId);
  const allRecused = members.length > 0 && members.every((id) => props.recused.includes(id));
  const scores = [...g.scores].sort((a, b) => (names.order.get(a.raterId) ?? 0) - (names.order.get(b.raterId) ?? 0));
  const n = g.scores.length;
  const rule =
    n === 0
      ? ''
      : g.rule === 'mean'
        ? t('results.cell.combine.mean')
        : g.rule === 'median'
          ? t('results.cell.combine.median')
          : g.trimmed
            ? t('results.cell.combine.trimmed', { count: n })
            : t('results.cell.combine.trimmedNotApplied', { count: n, min: settings.trimMinRaters });
  const struck = (s: ScoreUse, text: string) => (s.dropped ? <span className="rpr-strike">{text}</span> : text);
  return (
    <div className="rpr-cell-group" data-testid={`group-${g.groupId}`}>
      <div className="rpr-cell-group-head">
        <b>{t('results.cell.group', { name: names.group(g.groupId) })}</b>
        <Typography.Text type="secondary">
          {t('results.cell.groupWeight', { weight: fmtExact(g.weight) })}
          {/* 分工评分: the weight renormalised over the groups taking part, when it differs from the weight itself. */}
          {g.share !== undefined && g.share !== null && Math.abs(g.share - g.weight) > 1e-9 && t('results.assignment.share', { share: fmtShare(g.share) })}
        </Typography.Text>
      </div>
      {n > 0 ? (
        <Table<ScoreUse>
          size="small"
          rowKey="raterId"
          pagination={false}
          dataSource={scores}
          rowClassName={(s) => (s.dropped ? 'rpr-dropped-row' : '')}
          columns={[
            { title: t('results.cell.col.rater'), key: 'rater', render: (_, s) => names.rater(s.raterId) },
            { title: t('results.cell.col.entry'), key: 'entry', render: (_, s) => struck(s, entryText(indicator.method, s.raw)) },
            {
              title: t('results.cell.col.points'),
              key: 'points',
              align: 'right',
              render: (_, s) => <span className="rpr-num">{struck(s, fmtDeduction(s.points))}</span>,
            },
            ...(normalized
              ? [
                  {
                    title: t('results.cell.col.normalized'),
                    key: 'normalized',
                    align: 'right' as const,
                    render: (_: unknown, s: ScoreUse) => <span className="rpr-num">{struck(s, fmtPoints(s.normalized))}</span>,
                  },
                ]
              : []),
            ...(g.trimmed
              ? [
                  {
                    title: t('results.cell.col.note'),
                    key: 'note',
                    render: (_: unknown, s: ScoreUse) =>
                      s.dropped ? (
                        <Tag color={s.dropped === 'highest' ? 'blue' : 'orange'} data-testid="dropped">
                          {t(s.dropped === 'highest' ? 'results.cell.dropped.highest' : 'results.cell.dropped.lowest')}
                        </Tag>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Typography.Text type="secondary">
          {allRecused
            ? t('results.cell.groupRecused', { names: members.map(names.rater).join(t('results.summary.sep')) })
            : t('results.cell.groupEmpty')}
        </Typography.Text>
      )}
      {g.missingRaterIds.length > 0 && (
        <div className="rpr-cell-line rpr-missing" data-testid="cell-missing">
          {t('results.cell.missing', { names: g.missingRaterIds.map(names.rater).join(sep()) })}
        </div>
      )}
      {n > 0 && (
        <div className="rpr-cell-line rpr-note">
          {rule}
          {g.value !== null && (
            <>
              {' → '}
              <b style={{ color: 'rgba(0,0,0,0.88)' }}>{t('results.cell.groupValue', { value: fmtExact(g.value) })}</b>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function Quantitative({ working: w, cell, indicator }: { working: QuantitativeWorking; cell: CellExplanation; indicator: Indicator }) {
  const method = indicator.method?.kind === 'quantitative' ? indicator.method : null;
  const max = cell.maxPoints;
  const fromRatio = method && Math.abs(w.floor - w.target * method.floorRatio) < 1e-9;
  const sign = w.direction === 'higher' ? 1 : -1;
  let line: string;
  let tone: 'missing' | '' = '';
  if (w.actual === null) {
    line = t('results.quant.noActual');
    tone = 'missing';
  } else {
    const beyond = sign * (w.actual - w.target);
    const span = sign * (w.target - w.floor);
    if (span <= 0) line = t('results.quant.floorEqual');
    else if (beyond >= 0)
      line =
        w.excess > 0
          ? t('results.quant.metExcess', { actual: fmtExact(w.actual), target: fmtExact(w.target), max: fmtExact(max), excess: fmtPoints(w.excess), points: fmtPoints(cell.value) })
          : t('results.quant.met', { actual: fmtExact(w.actual), target: fmtExact(w.target), max: fmtExact(max) });
    else if (sign * (w.actual - w.floor) <= 0) line = t('results.quant.zero', { actual: fmtExact(w.actual), floor: fmtExact(w.floor) });
    else {
      const [a, b, c, d] = w.direction === 'higher' ? [w.actual, w.floor, w.target, w.floor] : [w.floor, w.actual, w.floor, w.target];
      line = t('results.quant.between', { max: fmtExact(max), a: fmtExact(a), b: fmtExact(b), c: fmtExact(c), d: fmtExact(d), points: fmtPoints(cell.value) });
    }
  }
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={5}
        data-testid="quant-working"
        items={[
          { key: 'dir', label: t('results.quant.direction'), children: t(w.direction === 'higher' ? 'results.quant.direction.higher' : 'results.quant.direction.lower') },
          { key: 'target', label: t('results.quant.target'), children: <span className="rpr-num">{fmtExact(w.target)}</span> },
          { key: 'actual', label: t('results.quant.actual'), children: <span className="rpr-num">{w.actual === null ? '—' : fmtExact(w.actual)}</span> },
          {
            key: 'floor',
            label: t('results.quant.floor'),
            children: (
              <span className="rpr-num">
                {fmtExact(w.floor)}
                {fromRatio && method ? <span className="rpr-note">（{t('results.quant.floorRatio', { ratio: fmtExact(method.floorRatio) })}）</span> : null}
              </span>
            ),
          },
          {
            key: 'excess',
            label: t('results.quant.excess'),
            children:
              method && method.excessCap > 0 ? (
                <span className="rpr-num">
                  {fmtPoints(w.excess)}
                  <span className="rpr-note">（{t('results.quant.excessCap', { cap: fmtShare(method.excessCap) })}）</span>
                </span>
              ) : (
                t('results.quant.excessNone')
              ),
          },
        ]}
      />
      <div className={`rpr-cell-line rpr-working ${tone === 'missing' ? 'rpr-missing' : ''}`}>
        {line}
        {cell.value !== null && cell.value > max + 1e-9 && t('results.cell.leafValueCapped')}
      </div>
    </>
  );
}

/** An office-recorded cell (考核组核定): the office's one value and what it rests on; no rater took part. */
function Office(props: { office: NonNullable<CellExplanation['office']>; cell: CellExplanation; indicator: Indicator; pool: Indicator | null }) {
  const { office, cell, indicator, pool } = props;
  if (office.value === null) {
    return (
      <div className="rpr-cell-line rpr-working rpr-missing" data-testid="cell-office">
        {t('results.office.pending')}
      </div>
    );
  }
  const rests = [office.evidence ? t('results.office.evidence', { evidence: office.evidence }) : t('results.office.noEvidence'), office.evidenceDate ?? ''].filter(Boolean).join('，');
  const veto = indicator.method?.kind === 'veto';
  // A 细则 leaf: which rules the office applied, one line each, above the total they come to.
  const findings = findingLines(indicator.method, cell);
  return (
    <div className="rpr-cell-line rpr-working" data-testid="cell-office">
      {findings.length > 0 && (
        <ul className="rpr-findings" data-testid="cell-findings">
          {findings.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {t('results.office.line', { value: entryText(indicator.method, office.value) })}
      {'；'}
      {rests}
      {' → '}
      {veto ? (
        office.value >= 1 ? (
          <b style={{ color: '#b3261e' }}>{t('results.office.vetoTriggered')}</b>
        ) : (
          <b>{t('results.veto.notTriggered')}</b>
        )
      ) : (
        <b>{pool && cell.value !== null ? leafValue(cell.value, pool) : t('results.office.points', { value: fmtPoints(cell.value) })}</b>
      )}
    </div>
  );
}

/** A data-triggered leaf (由业务数据触发): the source's 完成率 against the threshold, and what that decides; no rater took part. */
function Trigger({ cell, pool }: { cell: CellExplanation; pool: Indicator | null }) {
  const w = cell.trigger!;
  const pending = w.source.indicatorId === null || w.actual === null;
  const vetoed = cell.method === 'veto' && w.triggered;
  return (
    <div className={`rpr-cell-line rpr-working ${pending ? 'rpr-missing' : ''}`} data-testid="cell-trigger" style={vetoed ? { color: '#b3261e' } : undefined}>
      {triggerSentence(cell, pool)}
    </div>
  );
}

function Veto({ working: w, cell, names }: { working: VetoWorking; cell: CellExplanation; names: PanelNames }) {
  const recused = new Set(cell.recused.map((r) => r.raterId));
  const flagged = new Set(w.flaggedBy);
  const eligible = [...names.order.keys()].filter((id) => !recused.has(id));
  const allAnswered = w.answered >= eligible.length;
  return (
    <>
      <div className="rpr-cell-line" data-testid="veto-working">
        {eligible.map((id) => (
          <Tag key={id} color={flagged.has(id) ? '#b3261e' : undefined} style={{ marginBottom: 4 }}>
            {names.rater(id)}：{flagged.has(id) ? t('results.entry.vetoYes') : allAnswered ? t('results.entry.vetoNo') : '—'}
          </Tag>
        ))}
      </div>
      <div className="rpr-cell-line rpr-working">
        {t('results.veto.count', { flags: w.flaggedBy.length, answered: w.answered })}
        {'；'}
        {t(w.rule === 'any' ? 'results.veto.rule.any' : 'results.veto.rule.majority')}
        {' → '}
        {w.triggered ? (
          <b style={{ color: '#b3261e' }}>{t('results.veto.triggered', { cap: w.capGrade })}</b>
        ) : (
          <b>{t('results.veto.notTriggered')}</b>
        )}
      </div>
    </>
  );
}
