/**
 * A rater signed in on the shared PC follows the meeting: the item the chair
 * is on (read every few seconds through 'meetings.current', which gives no
 * scores), and for a 述职评议 the rater's own sheet for that branch only —
 * the scoring screen's grid, one branch, saving as it is typed.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Spin, Tag, Typography } from 'antd';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { MEETING_KIND_LABELS } from '../../../../shared/domain/meetings';
import type { PeriodSettings } from '../../../../shared/domain/period';
import type { RaterSheet, Session } from '../../../../shared/domain/scoring';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { invalidate, useApi } from '../../api/useApi';
import { FocusStore } from '../scoring/focusStore';
import type { LeafRow } from '../scoring/model';
import { sheetKey, sheetQuery } from '../scoring/queries';
import { usePasteConfirm } from '../scoring/PasteConfirm';
import { ScoreGrid } from '../scoring/ScoreGrid';
import '../scoring/scoring.css';
import { SheetStore } from '../scoring/sheetStore';
import { SidePanel } from '../scoring/SidePanel';

export function FollowView({ session }: { session: Extract<Session, { kind: 'rater' }> }) {
  const navigate = useNavigate();
  const { periodId, raterId } = session;
  const follow = useApi('meetings.current', { periodId }, { refetchInterval: 3000 });
  const period = useApi('periods.get', { id: periodId });
  const sheet = useQuery(sheetQuery(periodId, raterId));

  if (follow.isPending || period.isPending || sheet.isPending) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  const error = follow.error ?? period.error ?? sheet.error;
  if (error) return <Alert type="error" showIcon title={error.message} />;

  const f = follow.data;
  const item = f?.item ?? null;
  const branch = item?.branch ? (sheet.data!.branches.find((b) => b.id === item.branch!.id) ?? null) : null;
  return (
    <div className="rp-page rp-scoring" data-testid="follow-view">
      <div className="rp-scoring-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('follow.title')}
          {f && <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 15, fontWeight: 400 }}>{`${MEETING_KIND_LABELS[f.kind]} · ${f.title}`}</Typography.Text>}
        </Typography.Title>
        <Button onClick={() => void navigate('/scoring')}>{t('follow.goScoring')}</Button>
      </div>
      {!f || !item ? (
        <Empty description={<span><b>{t('follow.none')}</b><br />{t('follow.noneBody')}</span>} style={{ marginTop: 64 }} />
      ) : (
        <>
          <div className="rpm-follow-item">
            <Tag color="red">{t('follow.current', { index: item.index + 1, count: item.count })}</Tag>
            <span className="rpm-follow-title" data-testid="follow-item">
              {item.title}
            </span>
          </div>
          {item.kind !== 'report' || !item.branch ? (
            <Alert type="info" showIcon title={t('follow.other')} />
          ) : !branch ? (
            <Alert type="info" showIcon title={t('follow.other')} />
          ) : branch.recused ? (
            <Alert type="info" showIcon title={t('follow.recused')} />
          ) : (
            <LiveScoring sheet={sheet.data!} settings={period.data!.settings} branchId={branch.id} />
          )}
        </>
      )}
    </div>
  );
}

/** The rater's sheet, one branch: the scoring screen's grid and criteria panel. */
function LiveScoring({ sheet, settings, branchId }: { sheet: RaterSheet; settings: PeriodSettings; branchId: number }) {
  const queryClient = useQueryClient();
  const periodId = sheet.period.id;
  const raterId = sheet.rater.id;
  const [store] = useState(
    () =>
      new SheetStore(
        sheet,
        settings,
        async (entries, reason) => {
          const saved = await call('scoring.save', { periodId, raterId, entries, ...(reason ? { reason } : {}) });
          // The results changed (and what they make out of date): marked stale for whoever opens them next on this PC.
          void invalidate(queryClient, 'results');
          return saved;
        },
        (e) => {
          if (e instanceof ApiError && (e.error.code === 'conflict' || e.error.code === 'forbidden')) void queryClient.invalidateQueries({ queryKey: sheetKey(periodId, raterId) });
        },
      ),
  );
  useEffect(() => store.replaceSheet(sheet), [store, sheet]);
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const firstRow = Math.max(0, store.rows.findIndex((r) => r.kind === 'leaf' && r.rated));
  const [focusStore] = useState(() => new FocusStore({ row: firstRow, branchId, detail: false }));
  // The meeting moved on: follow it to the next branch, from its first indicator.
  useEffect(() => focusStore.set({ row: firstRow, branchId, detail: false }, true), [focusStore, branchId, firstRow]);
  const focus = useSyncExternalStore(focusStore.subscribe, focusStore.get);

  const readOnly = sheet.editable ? null : (sheet.lockedReason ?? '');
  const rowOf = (indicatorId: number) => store.rows.findIndex((r) => r.kind === 'leaf' && r.leaf.id === indicatorId);
  const nextUnscored = () => {
    const next = store.unscored().find((u) => u.branch.id === branchId);
    if (next) focusStore.set({ row: rowOf(next.leaf.leaf.id), branchId, detail: false }, true);
  };
  const onPaste = usePasteConfirm(() => focusStore.grab());
  const row = store.rows[focus.row]?.kind === 'leaf' ? (store.rows[focus.row] as LeafRow) : null;
  const scored = store.scored.get(branchId) ?? 0;

  return (
    <div className="rp-sheet rpm-follow-sheet">
      {readOnly !== null && <Alert className="rp-sheet-banner" type="info" showIcon title={t('scoring.locked', { reason: readOnly })} />}
      <div className="rp-sheet-toolbar">
        <Typography.Text type="secondary">{t('follow.hint')}</Typography.Text>
        <span className="rp-sheet-progress" data-testid="follow-progress">
          {t('scoring.progress', { scored, expected: store.expectedOf(branchId) })}
        </span>
      </div>
      <div className="rp-sheet-body">
        <ScoreGrid
          store={store}
          version={version}
          single
          focusStore={focusStore}
          readOnly={readOnly}
          guard={() => null}
          onUndo={() => store.undo()}
          onRedo={() => store.redo()}
          onNextUnscored={nextUnscored}
          onBranchStep={() => undefined}
          onPaste={onPaste}
        />
        <SidePanel store={store} row={row} branch={store.branches.find((b) => b.id === focus.branchId) ?? null} editable={readOnly === null} onEditReasons={() => undefined} onDone={() => focusStore.grab()} />
      </div>
    </div>
  );
}
