/**
 * One rater's sheet on screen: the toolbar (view, progress, next unscored,
 * undo, finish), the grid and the criteria panel; for the admin typing in a
 * paper sheet, the banner that says so and the reason field.
 */
import { LeftOutlined, ReadOutlined, RightOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Progress, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { PeriodSettings } from '../../../../shared/domain/period';
import type { RaterSheet } from '../../../../shared/domain/scoring';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { invalidate } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { registerPendingWork } from '../../hooks/pendingWork';
import { useSignOut } from '../../hooks/useSignOut';
import { displayValue, isNotApplicable, type LeafRow } from './model';
import { FocusStore, type GridFocus } from './focusStore';
import { usePasteConfirm } from './PasteConfirm';
import { ScoreGrid, type GridApi } from './ScoreGrid';
import { cellKey, SheetStore } from './sheetStore';
import { SidePanel, type SidePanelProps } from './SidePanel';
import { sheetKey } from './queries';

const SINGLE_KEY = 'rongping.scoring.single';
const SIDE_KEY = 'rongping.scoring.side';
const readFlag = (key: string, fallback: boolean) => {
  const v = localStorage.getItem(key);
  return v === null ? fallback : v === '1';
};

export interface SheetViewProps {
  sheet: RaterSheet;
  settings: PeriodSettings;
  /** 'admin': typing in a rater's paper sheet on their behalf. */
  mode: 'rater' | 'admin';
  onBack?: () => void;
}

export function SheetView({ sheet, settings, mode, onBack }: SheetViewProps) {
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const periodId = sheet.period.id;
  const raterId = sheet.rater.id;
  const [store] = useState(
    () =>
      new SheetStore(
        sheet,
        settings,
        async (entries, reason) => {
          const saved = await call('scoring.save', { periodId, raterId, entries, ...(reason ? { reason } : {}) });
          // The results (and which documents they make out of date) changed: not shown here, so only marked stale.
          void invalidate(queryClient, 'results');
          return saved;
        },
        (e) => {
          // Refused because the sheet was locked meanwhile (finished, period moved on): show why.
          if (e instanceof ApiError && (e.error.code === 'conflict' || e.error.code === 'forbidden')) {
            void queryClient.invalidateQueries({ queryKey: sheetKey(periodId, raterId) });
            void invalidate(queryClient, 'periods');
          }
        },
        mode,
      ),
  );
  useEffect(() => store.replaceSheet(sheet), [store, sheet]);
  const gridApi = useRef<GridApi>(null);
  // An idle sign-out first commits what is being typed and waits for the saves: a typed value is never lost.
  useEffect(
    () =>
      registerPendingWork(
        async () => {
          const committed = gridApi.current?.settle() ?? true;
          await store.idle();
          return committed;
        },
        () => store.draftCount,
      ),
    [store],
  );
  // Dialogs opened from this sheet go with it (a rater signed out while one was open leaves nothing of theirs on screen).
  const dialogs = useRef(new Set<{ destroy: () => void }>());
  useEffect(() => {
    const open = dialogs.current;
    return () => {
      for (const d of open) d.destroy();
    };
  }, []);
  const keep = (dialog: { destroy: () => void }) => void dialogs.current.add(dialog);
  const signOut = useSignOut();
  const version = useSyncExternalStore(store.subscribe, store.getVersion);

  const [single, setSingle] = useState(() => readFlag(SINGLE_KEY, false));
  const [showSide, setShowSide] = useState(() => readFlag(SIDE_KEY, true));
  const [focusStore] = useState(() => {
    const branch = store.branches.find((b) => !b.recused) ?? store.branches[0];
    // The first cell that takes input: a rated leaf that applies to the branch (not 不适用).
    const row = store.rows.findIndex((r) => r.kind === 'leaf' && r.rated && !(branch && isNotApplicable(branch, r.leaf.id)));
    return new FocusStore({ row: Math.max(0, row), branchId: branch?.id ?? 0, detail: false });
  });
  const grab = () => focusStore.grab();
  const [reason, setReason] = useState('');

  const readOnly = sheet.editable ? null : (sheet.lockedReason ?? t('scoring.lockedNoReason'));
  const needReason = mode === 'admin' && (sheet.period.status === 'review' || sheet.rater.finishedAt !== null);
  const guard = () =>
    needReason && !reason.trim()
      ? t('scoring.paper.reasonRequired', { why: t(sheet.period.status === 'review' ? 'scoring.paper.reasonWhyReview' : 'scoring.paper.reasonWhyFinished') })
      : null;

  const moveTo = (next: GridFocus) => focusStore.set(next, true);
  const rowOf = (indicatorId: number) => store.rows.findIndex((r) => r.kind === 'leaf' && r.leaf.id === indicatorId);

  /** Column by column from the focused cell (a branch's material is usually scored in one go), wrapping around. */
  const nextUnscored = () => {
    const focus = focusStore.get();
    const branches = store.branches;
    const start = Math.max(0, branches.findIndex((b) => b.id === focus.branchId));
    for (let step = 0; step <= branches.length; step++) {
      const b = branches[(start + step) % branches.length]!;
      if (b.recused) continue;
      const fromRow = step === 0 ? focus.row + 1 : 0;
      const toRow = step === branches.length ? focus.row + 1 : store.rows.length;
      for (let i = fromRow; i < toRow; i++) {
        const r = store.rows[i]!;
        if (r.kind === 'leaf' && r.rated && !isNotApplicable(b, r.leaf.id) && !store.values.has(cellKey(b.id, r.leaf.id))) {
          moveTo({ row: i, branchId: b.id, detail: false });
          return;
        }
      }
    }
    void message.success(t('scoring.allScored'));
    grab();
  };

  const refuseChange = (): boolean => {
    const why = readOnly ? t('scoring.refuse.locked', { reason: readOnly }) : guard();
    if (why) void message.warning(why);
    return !!why;
  };
  const undo = () => {
    if (refuseChange()) return;
    const n = store.undo();
    if (!n) return void message.info(t('scoring.undo.nothing'), 1.5);
    const at = store.lastUndoTarget();
    if (at) moveTo({ row: rowOf(at.indicatorId), branchId: at.branchId, detail: false });
    void message.success(t('scoring.undo.done', { count: n }), 1.5);
  };
  const redo = () => {
    if (refuseChange()) return;
    const n = store.redo();
    if (!n) return void message.info(t('scoring.redo.nothing'), 1.5);
    const at = store.lastRedoTarget();
    if (at) moveTo({ row: rowOf(at.indicatorId), branchId: at.branchId, detail: false });
    void message.success(t('scoring.redo.done', { count: n }), 1.5);
  };

  const branchStep = (delta: number) => {
    const focus = focusStore.get();
    const list = store.branches.filter((b) => !b.recused);
    const at = list.findIndex((b) => b.id === focus.branchId);
    const next = list[(at + delta + list.length) % list.length];
    if (next) moveTo({ ...focus, branchId: next.id });
  };

  /** 一票否决 items are answered for every branch; most are 否: fill the unanswered ones of a group in one (undoable) step. */
  const fillVeto = (groupId: number) => {
    if (refuseChange()) return;
    const rows = store.leafRows.filter((r) => r.path[0]?.id === groupId && r.method.kind === 'veto' && r.rated); // office vetoes are the office's
    const cells = store.branches.flatMap((b) => (b.recused ? [] : rows.filter((r) => !isNotApplicable(b, r.leaf.id) && !store.get(b.id, r.leaf.id)).map((r) => ({ branchId: b.id, indicatorId: r.leaf.id }))));
    if (!cells.length) return void message.info(t('scoring.veto.fillNone'));
    keep(modal.confirm({
      title: t('scoring.veto.fillTitle', { count: cells.length }),
      content: t('scoring.veto.fillBody'),
      okText: t('scoring.veto.fillOk'),
      onOk: () => {
        store.apply(cells.map((c) => ({ ...c, next: { value: 0, detail: [] } })));
      },
      afterClose: grab,
    }));
  };

  const onPaste = usePasteConfirm(grab, keep);

  const finish = async () => {
    await store.idle();
    const drafts = store.drafts();
    if (drafts.length) {
      keep(modal.error({
        title: t('scoring.finish.title'),
        width: 600,
        content: (
          <div data-testid="finish-drafts">
            <p>{t('scoring.finish.draftsFirst', { count: drafts.length })}</p>
            <ul className="rp-import-errors">
              {drafts.slice(0, 30).map((d) => (
                <li key={`${d.branch.id}:${d.leaf.leaf.id}`}>
                  {t('scoring.finish.draftItem', { leaf: `${d.leaf.leaf.code} ${d.leaf.leaf.name}`, branch: `${d.branch.code} ${d.branch.name}`, value: displayValue(d.leaf.method, d.value.value) })}
                </li>
              ))}
              {drafts.length > 30 ? <li>{t('scoring.paste.more', { count: drafts.length - 30 })}</li> : null}
            </ul>
          </div>
        ),
        afterClose: () => grab(),
      }));
      return;
    }
    if (store.failedCount) {
      keep(modal.error({ title: t('scoring.finish.title'), content: t('scoring.finish.failedFirst', { count: store.failedCount }) }));
      return;
    }
    const unscored = store.unscored();
    const byBranch = new Map<number, { name: string; codes: string[] }>();
    for (const u of unscored) {
      const entry = byBranch.get(u.branch.id) ?? { name: `${u.branch.code} ${u.branch.name}`, codes: [] };
      entry.codes.push(u.leaf.leaf.code);
      byBranch.set(u.branch.id, entry);
    }
    const groups = [...byBranch.values()];
    keep(modal.confirm({
      title: t('scoring.finish.title'),
      width: 600,
      okText: t('scoring.finish.ok'),
      cancelText: t('scoring.finish.cancel'),
      content: (
        <div data-testid="finish-summary">
          {unscored.length ? (
            <>
              <p>
                <Typography.Text type="warning" strong>
                  {t('scoring.finish.unscored', { count: unscored.length })}
                </Typography.Text>
              </p>
              <ul className="rp-import-errors">
                {groups.slice(0, 12).map((g) => (
                  <li key={g.name}>{t('scoring.finish.unscoredBranch', { branch: g.name, count: g.codes.length, codes: g.codes.join('、') })}</li>
                ))}
                {groups.length > 12 ? <li>{t('scoring.finish.more', { count: groups.length - 12 })}</li> : null}
              </ul>
              <p>{t('scoring.finish.unscoredNote')}</p>
            </>
          ) : (
            <p>{t('scoring.finish.allDone', { count: store.expectedTotal })}</p>
          )}
          <p>{t(mode === 'admin' ? 'scoring.finish.lockNote.admin' : 'scoring.finish.lockNote')}</p>
        </div>
      ),
      onOk: async () => {
        try {
          await call('scoring.setFinished', { periodId, raterId, finished: true, ...(reason.trim() ? { reason: reason.trim() } : {}) });
          // A rater is done at the shared PC: signed out, so the next person finds the sign-in screen. The admin typing a paper sheet stays.
          if (mode === 'rater') return await signOut('finished');
          await queryClient.invalidateQueries({ queryKey: sheetKey(periodId, raterId) });
          await queryClient.invalidateQueries({ queryKey: ['scoring.progress'] });
          void message.success(t('scoring.finish.done'));
        } catch (e) {
          showError(e);
        }
      },
      afterClose: () => grab(),
    }));
  };

  const percent = store.expectedTotal ? Math.round((store.scoredTotal / store.expectedTotal) * 100) : 0;

  if (!store.branches.length || !store.leafRows.length) {
    return <Alert type="info" showIcon title={t(store.branches.length ? 'scoring.empty.noLeaves' : 'scoring.empty.noBranches')} />;
  }

  return (
    <div className="rp-sheet">
      {mode === 'admin' ? (
        <Alert
          className="rp-sheet-banner"
          type="warning"
          showIcon
          data-testid="paper-banner"
          title={t('scoring.paper.banner', { name: sheet.rater.name })}
          description={
            <Space wrap>
              <span>
                {t('scoring.paper.reason')}
                {needReason ? '' : t('scoring.paper.reasonOptional')}
              </span>
              <Input
                style={{ width: 360 }}
                value={reason}
                maxLength={200}
                status={needReason && !reason.trim() ? 'warning' : undefined}
                placeholder={t('scoring.paper.reasonPlaceholder')}
                aria-label={t('scoring.paper.reason')}
                onChange={(e) => {
                  setReason(e.target.value);
                  store.setReason(e.target.value);
                }}
                onPressEnter={() => grab()}
              />
            </Space>
          }
          action={onBack ? <Button onClick={onBack}>{t('scoring.paper.back')}</Button> : undefined}
        />
      ) : null}
      {readOnly !== null ? (
        <Alert className="rp-sheet-banner" type="info" showIcon data-testid="locked-reason" title={t('scoring.locked', { reason: readOnly })} />
      ) : null}
      {store.failedCount ? (
        <Alert
          className="rp-sheet-banner"
          type="error"
          showIcon
          data-testid="failed-banner"
          title={t('scoring.failed.banner', { count: store.failedCount })}
          description={readOnly !== null ? t(mode === 'admin' ? 'scoring.failed.locked.admin' : 'scoring.failed.locked') : undefined}
          action={
            readOnly === null ? (
              <Button
                size="small"
                danger
                onClick={() => {
                  store.retry();
                  grab();
                }}
              >
                {t('scoring.failed.retryAll')}
              </Button>
            ) : undefined
          }
        />
      ) : null}

      {store.draftCount && readOnly === null ? (
        <Alert className="rp-sheet-banner" type="warning" showIcon data-testid="draft-banner" title={t('scoring.draft.banner', { count: store.draftCount })} />
      ) : null}
      <div className="rp-sheet-toolbar">
        <Space wrap size={8}>
          <Segmented
            value={single ? 'single' : 'grid'}
            options={[
              { value: 'grid', label: t('scoring.view.grid') },
              { value: 'single', label: t('scoring.view.single') },
            ]}
            onChange={(v) => {
              const next = v === 'single';
              localStorage.setItem(SINGLE_KEY, next ? '1' : '0');
              setSingle(next);
              moveTo({ ...focusStore.get(), detail: false });
            }}
          />
          {single ? <BranchPicker store={store} focusStore={focusStore} onStep={branchStep} /> : null}
        </Space>
        <Space wrap size={8}>
          <span className="rp-sheet-progress" data-testid="sheet-progress">
            {t('scoring.progress', { scored: store.scoredTotal, expected: store.expectedTotal })}
          </span>
          <Progress percent={percent} size="small" showInfo={false} style={{ width: 100, margin: 0 }} />
          <Tooltip title={t('scoring.nextUnscored.tip')}>
            <Button onClick={nextUnscored}>{t('scoring.nextUnscored')}</Button>
          </Tooltip>
          <Tooltip title={t('scoring.undo.tip')}>
            <Button icon={<RollbackOutlined />} disabled={!store.canUndo || readOnly !== null} onClick={undo}>
              {t('scoring.undo')}
            </Button>
          </Tooltip>
          <Tooltip title={t('scoring.panel.tip')}>
            <Button
              icon={<ReadOutlined />}
              type={showSide ? 'default' : 'dashed'}
              aria-pressed={showSide}
              onClick={() => {
                localStorage.setItem(SIDE_KEY, showSide ? '0' : '1');
                setShowSide(!showSide);
                grab();
              }}
            >
              {t('scoring.panel.show')}
            </Button>
          </Tooltip>
          <Button type="primary" disabled={readOnly !== null} onClick={() => void finish()}>
            {t(mode === 'admin' ? 'scoring.finish.admin' : 'scoring.finish')}
          </Button>
        </Space>
      </div>

      <div className="rp-sheet-body">
        <ScoreGrid
          key={single ? 'single' : 'grid'}
          apiRef={gridApi}
          store={store}
          version={version}
          single={single}
          focusStore={focusStore}
          readOnly={readOnly}
          guard={guard}
          onUndo={undo}
          onRedo={redo}
          onNextUnscored={nextUnscored}
          onBranchStep={branchStep}
          onFillVeto={readOnly === null ? fillVeto : undefined}
          onPaste={onPaste}
        />
        {showSide ? (
          <FocusedSidePanel
            store={store}
            focusStore={focusStore}
            editable={readOnly === null}
            onEditReasons={() => gridApi.current?.editReasons()}
            onDone={() => grab()}
          />
        ) : null}
      </div>
    </div>
  );
}

/** The criteria panel follows the focus (and the sheet's values: it re-renders with the page). */
function FocusedSidePanel(props: Omit<SidePanelProps, 'row' | 'branch'> & { focusStore: FocusStore }) {
  const { focusStore, ...rest } = props;
  const focus = useSyncExternalStore(focusStore.subscribe, focusStore.get);
  const row = props.store.rows[focus.row]?.kind === 'leaf' ? (props.store.rows[focus.row] as LeafRow) : null;
  const branch = props.store.branches.find((b) => b.id === focus.branchId) ?? null;
  return <SidePanel {...rest} row={row} branch={branch} />;
}

/** One branch at a time: ← the picker →. */
function BranchPicker({ store, focusStore, onStep }: { store: SheetStore; focusStore: FocusStore; onStep: (delta: number) => void }) {
  const focus = useSyncExternalStore(focusStore.subscribe, focusStore.get);
  return (
    <Space.Compact>
      <Tooltip title={t('scoring.view.prevBranch')}>
        <Button icon={<LeftOutlined />} aria-label={t('scoring.view.prevBranch')} onClick={() => onStep(-1)} />
      </Tooltip>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 260 }}
        aria-label={t('scoring.view.pickBranch')}
        value={focus.branchId}
        onChange={(id: number) => focusStore.set({ ...focusStore.get(), branchId: id }, true)}
        options={store.branches.map((b) => ({
          value: b.id,
          label: `${b.code} ${b.name}${b.recused ? `（${t('scoring.grid.recused')}）` : ''}`,
          disabled: b.recused,
        }))}
      />
      <Tooltip title={t('scoring.view.nextBranch')}>
        <Button icon={<RightOutlined />} aria-label={t('scoring.view.nextBranch')} onClick={() => onStep(1)} />
      </Tooltip>
    </Space.Compact>
  );
}
