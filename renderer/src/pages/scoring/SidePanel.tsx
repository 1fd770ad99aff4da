/**
 * The right-hand panel: the focused indicator's rule, criteria (评分细则) and
 * evidence (佐证材料), and the focused cell — its value, points, reasons and
 * save state (with retry when it failed).
 */
import { Button, Space, Tag, Typography } from 'antd';
import { t } from '../../../../shared/messages';
import { FindingsList } from '../../components/FindingsList';
import { detailNeeded, displayValue, fmt, isNotApplicable, METHOD_LABEL, methodRule, pointsOf, type LeafRow, type SheetBranch } from './model';
import { cellKey, type SheetStore } from './sheetStore';

export interface SidePanelProps {
  store: SheetStore;
  row: LeafRow | null;
  branch: SheetBranch | null;
  editable: boolean;
  onEditReasons: () => void;
  /** After a button here: the keyboard goes back to the grid. */
  onDone: () => void;
}

/** An office-recorded cell (考核组核定): the office's value, its reasons and 依据, read-only. */
function OfficeCell({ store, row, branch }: { store: SheetStore; row: LeafRow; branch: SheetBranch }) {
  const o = store.office.get(cellKey(branch.id, row.leaf.id));
  return (
    <div className="rp-side-cell" data-testid="side-office">
      <h4>
        {t('scoring.office.side')}：{branch.code} {branch.name}
      </h4>
      <div className="rp-side-kv">
        <span>{t('scoring.office.sideValue')}</span>
        <b>{o ? displayValue(row.method, o.value) : <Typography.Text type="warning">{t('scoring.office.sidePending')}</Typography.Text>}</b>
        {o && row.method.kind !== 'veto' ? (
          <>
            <span>{t('scoring.side.points')}</span>
            <b>{fmt(pointsOf(row, o.value))}</b>
          </>
        ) : null}
        {o?.evidence ? (
          <>
            <span>{t('office.ui.col.evidence')}</span>
            <span>
              {o.evidence}
              {o.evidenceDate ? `，${o.evidenceDate}` : ''}
            </span>
          </>
        ) : null}
      </div>
      {o?.detail.length ? (
        <>
          <div className="rp-side-sub">{t('scoring.office.sideReasons')}</div>
          {row.method.kind === 'rules' ? (
            // Which rule each finding applied, as the office table and the 反馈单 say it.
            <FindingsList className="rp-side-reasons" method={row.method} findings={o.findings} detail={o.detail} />
          ) : (
            <ol className="rp-side-reasons">
              {o.detail.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ol>
          )}
        </>
      ) : null}
      <div className="rp-side-sub">{t('scoring.office.sideNote')}</div>
    </div>
  );
}

export function SidePanel({ store, row, branch, editable, onEditReasons, onDone }: SidePanelProps) {
  if (!row) {
    return (
      <aside className="rp-side" aria-label={t('scoring.side.criteria')}>
        <Typography.Text type="secondary">{t('scoring.side.pickCell')}</Typography.Text>
      </aside>
    );
  }
  const { leaf, method } = row;
  const key = branch ? cellKey(branch.id, leaf.id) : '';
  const v = branch ? store.values.get(key) : undefined;
  const st = branch ? store.states.get(key) : undefined;
  const byAdmin = branch && store.enteredBy.get(key) === 'admin' && !st;

  return (
    <aside className="rp-side" aria-label={t('scoring.side.criteria')} data-testid="side-panel">
      {row.path.length ? <div className="rp-side-path">{row.path.map((p) => p.name).join(' › ')}</div> : null}
      <div className="rp-side-title">
        <b>
          {leaf.code} {leaf.name}
        </b>
        <Space size={4}>
          <Tag style={{ marginInlineEnd: 0 }}>{t(METHOD_LABEL[method.kind])}</Tag>
          {method.kind === 'veto' ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('scoring.grid.points', { points: fmt(leaf.maxPoints) })}</Tag>}
        </Space>
      </div>
      <div className="rp-side-rule">{methodRule(leaf, method)}</div>
      <h4>{t('scoring.side.criteria')}</h4>
      <p className="rp-side-text">{leaf.criteria || t('scoring.side.none')}</p>
      <h4>{t('scoring.side.evidence')}</h4>
      <p className="rp-side-text">{leaf.evidence || t('scoring.side.none')}</p>

      {branch && !branch.recused && isNotApplicable(branch, row.leaf.id) ? (
        <div className="rp-side-cell" data-testid="side-cell-na">
          <h4>
            {t('scoring.side.cell')}：{branch.code} {branch.name}
          </h4>
          <p className="rp-side-text">{t('scoring.grid.notApplicableTip', { category: branch.category ?? '' })}</p>
        </div>
      ) : branch && row.office && !branch.recused ? (
        <OfficeCell store={store} row={row} branch={branch} />
      ) : branch && row.rated && !branch.recused ? (
        <div className="rp-side-cell" data-testid="side-cell">
          <h4>
            {t('scoring.side.cell')}：{branch.code} {branch.name}
          </h4>
          <div className="rp-side-kv">
            <span>{t('scoring.side.value')}</span>
            <b>{v ? displayValue(method, v.value) : <Typography.Text type="warning">{t('scoring.side.unscored')}</Typography.Text>}</b>
            {v && method.kind !== 'veto' ? (
              <>
                <span>{t('scoring.side.points')}</span>
                <b>{fmt(pointsOf(row, v.value))}</b>
              </>
            ) : null}
          </div>
          {v?.detail.length ? (
            <>
              <div className="rp-side-sub">{t('scoring.side.reasons')}</div>
              <ol className="rp-side-reasons">
                {v.detail.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ol>
              {editable ? (
                <Button size="small" onClick={onEditReasons}>
                  {t('scoring.side.editReasons')}
                </Button>
              ) : null}
            </>
          ) : null}
          {byAdmin ? <div className="rp-side-sub">{t('scoring.side.byAdmin')}</div> : null}
          {st?.status === 'failed' ? (
            <div className="rp-side-failed" role="alert">
              <div>{t('scoring.grid.state.failed', { error: st.error ?? '' })}</div>
              <Space>
                {editable ? (
                  <Button size="small" type="primary" danger onClick={() => (store.retry([key]), onDone())}>
                    {t('scoring.side.retry')}
                  </Button>
                ) : null}
                <Button size="small" onClick={() => (store.discard(key), onDone())}>
                  {t('scoring.side.discard')}
                </Button>
              </Space>
            </div>
          ) : st?.status === 'draft' ? (
            <div className="rp-side-failed" role="status" data-testid="side-draft">
              <div>{t('scoring.side.draft', { count: v ? detailNeeded(method, v.value) : 0 })}</div>
              <Space>
                {editable ? (
                  <Button size="small" type="primary" onClick={onEditReasons}>
                    {t('scoring.side.writeReasons')}
                  </Button>
                ) : null}
                <Button size="small" onClick={() => (store.discard(key), onDone())}>
                  {t('scoring.side.discard')}
                </Button>
              </Space>
            </div>
          ) : st ? (
            <div className="rp-side-sub">{t(st.status === 'saving' ? 'scoring.grid.state.saving' : 'scoring.grid.state.saved')}</div>
          ) : null}
        </div>
      ) : branch?.recused ? (
        <div className="rp-side-cell">
          <h4>
            {t('scoring.side.cell')}：{branch.code} {branch.name}
          </h4>
          <Typography.Text type="secondary">{t('scoring.grid.recusedTip', { reason: branch.reason })}</Typography.Text>
        </div>
      ) : null}

      <div className="rp-side-keys">
        <div className="rp-side-sub">{t('scoring.side.keys')}</div>
        <div>{t('scoring.side.keyList')}</div>
      </div>
    </aside>
  );
}
