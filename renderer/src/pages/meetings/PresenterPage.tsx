/**
 * The presenter view (演示视图): the meeting on the projector. Full window, no
 * chrome, high contrast, body text at least 28 px, keyboard only:
 *   → / PageDown / Space  next item (on the cover: start the meeting)
 *   ← / PageUp            previous item
 *   R                     reveal the current branch's scores
 *   F                     full screen on / off
 *   Esc                   back to the meeting page
 * Shows the current item large, the branch (secretary, members), the clock
 * (elapsed against the plan: orange when over, red well over), the next item,
 * and — only after the reveal — the total, grade, subtotals, the spread
 * between raters and the raters far from the rest.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { chineseDate, clockState, clockText, type AgendaItem, type ItemResult, type MeetingDetail } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { apiKey, invalidate, useApi } from '../../api/useApi';
import { gradeStyle } from '../../charts/palette';
import { useItemResult } from './ItemResultView';
import { elapsedOf, itemTitle, pts, useNow } from './meetingUi';
import './presenter.css';

export function PresenterPage() {
  const { meetingId } = useParams();
  const id = Number(meetingId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const meeting = useApi('meetings.get', { id }, { refetchInterval: 5000, enabled: id > 0 });
  const now = useNow(500);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeTimer = useRef<number | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);

  const m = meeting.data;
  const offset = m ? Date.parse(m.serverNow) - meeting.dataUpdatedAt : 0;
  const index = m ? m.items.findIndex((i) => i.id === m.currentItemId) : -1;
  const running = m?.status === 'in_progress';
  const current = running && index >= 0 ? m.items[index]! : null;
  const revealed = !!current?.revealedAt;
  const result = useItemResult(current?.id ?? 0, revealed, 5000);

  const say = (text: string) => {
    window.clearTimeout(noticeTimer.current);
    setNotice(text);
    noticeTimer.current = window.setTimeout(() => setNotice(null), 2500);
  };
  const onDone = (d: MeetingDetail) => {
    queryClient.setQueryData(apiKey('meetings.get', { id }), d);
    void invalidate(queryClient, 'meetings');
  };
  const onFail = (e: unknown) => say(e instanceof ApiError ? e.error.message : String(e));
  const start = useMutation({ mutationFn: () => call('meetings.start', { id }), onSuccess: onDone, onError: onFail });
  const goTo = useMutation({ mutationFn: (itemIndex: number) => call('meetings.goTo', { id, itemIndex }), onSuccess: onDone, onError: onFail });
  const reveal = useMutation({ mutationFn: (itemId: number) => call('meetings.reveal', { itemId }), onSuccess: onDone, onError: onFail });
  const busy = start.isPending || goTo.isPending || reveal.isPending;

  // An effect event: the listener is installed once and always sees the latest state.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key;
    if (key === 'Escape') {
      e.preventDefault();
      if (document.fullscreenElement) void document.exitFullscreen();
      else void navigate(`/meetings/${id}`);
      return;
    }
    if (key === 'f' || key === 'F') {
      e.preventDefault();
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen?.().catch(() => undefined);
      return;
    }
    if (!m || busy) return;
    const next = key === 'ArrowRight' || key === 'PageDown' || key === ' ';
    const prev = key === 'ArrowLeft' || key === 'PageUp';
    if (next || prev) e.preventDefault();
    if (m.status === 'planned') {
      if (next) start.mutate();
      return;
    }
    if (m.status === 'closed') return;
    if (next) {
      if (index + 1 < m.items.length) goTo.mutate(index + 1);
      else say(t('presenter.atLast'));
    } else if (prev) {
      if (index > 0) goTo.mutate(index - 1);
      else say(t('presenter.first'));
    } else if ((key === 'r' || key === 'R') && current) {
      e.preventDefault();
      if (current.kind !== 'report') say(t('meetings.item.notReport'));
      else if (!current.revealedAt) reveal.mutate(current.id);
    }
  });
  const { message } = App.useApp();
  // The screen behind is gone: its confirmations do not belong on the projector.
  const clearMessages = useEffectEvent(() => message.destroy());
  useEffect(() => {
    clearMessages();
    const handler = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', handler);
    rootRef.current?.focus();
    return () => {
      window.removeEventListener('keydown', handler);
      window.clearTimeout(noticeTimer.current);
    };
  }, []);

  let body;
  if (meeting.isPending) body = <div className="rpp-center">{t('presenter.loading')}</div>;
  else if (meeting.isError) body = <div className="rpp-center">{t('presenter.failed', { message: meeting.error.message })}</div>;
  else if (m!.status === 'planned') body = <Cover meeting={m!} />;
  else if (m!.status === 'closed' || !current) body = <Closed meeting={m!} />;
  else {
    body = (
      <>
        <TopBar meeting={m!} item={current} index={index} elapsed={elapsedOf(current, offset, now)} />
        <main className="rpp-main">
          {current.kind === 'report' ? (
            <ReportItem item={current} result={revealed ? (result.data ?? null) : null} revealing={reveal.isPending} resultError={result.error?.message ?? null} />
          ) : (
            <div className="rpp-other">
              <div className="rpp-kicker">{t('presenter.position', { index: index + 1, count: m!.items.length })}</div>
              <h1 className="rpp-title">{current.title}</h1>
            </div>
          )}
        </main>
        <footer className="rpp-footer">
          <span data-testid="presenter-next">
            {m!.items[index + 1]
              ? t('presenter.next', { title: itemTitle(m!.items[index + 1]!), minutes: m!.items[index + 1]!.plannedMinutes })
              : t('presenter.last')}
          </span>
        </footer>
      </>
    );
  }

  return (
    <div className="rpp" ref={rootRef} tabIndex={-1} data-testid="presenter" aria-live="polite">
      {body}
      {notice && (
        <div className="rpp-notice" role="status" data-testid="presenter-notice">
          {notice}
        </div>
      )}
    </div>
  );
}

function Cover({ meeting }: { meeting: MeetingDetail }) {
  const minutes = meeting.items.reduce((s, i) => s + i.plannedMinutes, 0);
  return (
    <main className="rpp-cover" data-testid="presenter-cover">
      <div className="rpp-kicker">{meeting.periodName}</div>
      <h1 className="rpp-title">{meeting.title}</h1>
      <div className="rpp-facts">
        <span>{t('presenter.cover.when', { date: chineseDate(meeting.date), time: meeting.startTime })}</span>
        {meeting.place && <span>{t('presenter.cover.where', { place: meeting.place })}</span>}
        {meeting.chair && <span>{t('presenter.cover.chair', { chair: meeting.chair })}</span>}
      </div>
      <div className="rpp-facts">{t('presenter.cover.agenda', { count: meeting.items.length, minutes })}</div>
      <div className="rpp-prompt">{t('presenter.cover.start')}</div>
      <div className="rpp-keys">{t('presenter.keys')}</div>
    </main>
  );
}

function Closed({ meeting }: { meeting: MeetingDetail }) {
  return (
    <main className="rpp-cover">
      <div className="rpp-kicker">{meeting.title}</div>
      <h1 className="rpp-title">{meeting.status === 'closed' ? t('presenter.closed') : t('presenter.notRunning')}</h1>
      <div className="rpp-facts">{t('presenter.closedBody')}</div>
    </main>
  );
}

function TopBar({ meeting, item, index, elapsed }: { meeting: MeetingDetail; item: AgendaItem; index: number; elapsed: number }) {
  const state = clockState(elapsed, item.plannedMinutes);
  return (
    <header className="rpp-top">
      <span className="rpp-top-title">{meeting.title}</span>
      <span data-testid="presenter-position">{t('presenter.position', { index: index + 1, count: meeting.items.length })}</span>
      <span className={`rpp-clock rpp-clock-${state}`} data-testid="presenter-clock" data-state={state}>
        <b>{clockText(elapsed)}</b> {t('presenter.clock.planned', { minutes: item.plannedMinutes })}
        {state !== 'ok' && <span className="rpp-over">{t('presenter.clock.over')}</span>}
      </span>
    </header>
  );
}

function ReportItem({ item, result, revealing, resultError }: { item: AgendaItem; result: ItemResult | null; revealing: boolean; resultError: string | null }) {
  const b = item.branch;
  const facts = [
    b?.secretary && t('presenter.secretary', { name: b.secretary }),
    b?.memberCount !== null && b?.memberCount !== undefined && t('presenter.members', { count: b.memberCount }),
    b?.unit,
  ].filter(Boolean) as string[];
  return (
    <div className="rpp-report" data-testid="presenter-item">
      <div className="rpp-kicker">{t('presenter.report')}</div>
      <h1 className="rpp-title">
        {b && <span className="rpp-code">{b.code}</span>}
        {b?.name}
      </h1>
      <div className="rpp-facts">
        {facts.map((f) => (
          <span key={f}>{f}</span>
        ))}
      </div>
      {item.revealedAt ? (
        result ? (
          <Revealed result={result} />
        ) : (
          <div className="rpp-waiting">{resultError ?? t('presenter.revealing')}</div>
        )
      ) : (
        <div className="rpp-waiting" data-testid="presenter-hidden">
          <div>
            {item.progress && item.progress.cellsScored > 0
              ? t('presenter.progress', { done: item.progress.ratersDone, eligible: item.progress.ratersEligible })
              : t('presenter.noScores')}
          </div>
          <div className="rpp-prompt">{revealing ? t('presenter.revealing') : t('presenter.pressR')}</div>
        </div>
      )}
    </div>
  );
}

function Revealed({ result: r }: { result: ItemResult }) {
  const grade = r.grade ? gradeStyle(r.grade, r.gradeLabels.indexOf(r.grade), r.gradeLabels.length) : null;
  const byId = new Map(r.raters.map((x) => [x.raterId, x]));
  // The projector names raters only when the period says so; otherwise 评委1, 评委2 … by panel place.
  const person = (raterId: number) => {
    const x = byId.get(raterId)!;
    return `${r.presenterNames ? x.name : t('presenter.anonymousRater', { n: x.seat })} ${pts(x.total)}`;
  };
  return (
    <div className="rpp-result" data-testid="presenter-result">
      <div className="rpp-total-row">
        <span className="rpp-total" data-testid="presenter-total">
          {pts(r.total)}
        </span>
        <span className="rpp-unit">{t('presenter.points')}</span>
        {grade && (
          <span className="rpp-grade" style={{ color: grade.color, background: grade.background, borderColor: grade.border }} data-testid="presenter-grade">
            {r.grade}
          </span>
        )}
        {r.rank !== null && <span className="rpp-rank">{t('presenter.rank', { rank: r.rank, count: r.branchCount })}</span>}
      </div>
      {r.vetoed && <div className="rpp-veto">{t('presenter.veto', { items: r.vetoItems.join('、') })}</div>}
      {!r.complete && <div className="rpp-provisional">{t('presenter.provisional', { missing: r.missing })}</div>}
      <div className="rpp-tags">
        {(['party', 'business', 'fusion'] as const).map((tag) => (
          <span key={tag} className={`rpp-tag rpp-tag-${tag}`}>
            {t(`meetings.result.${tag}`)} <b>{pts(r.tags[tag].points)}</b>
            <small> / {pts(r.tags[tag].max)}</small>
          </span>
        ))}
        {r.bonus > 0 && (
          <span className="rpp-tag">
            {t('meetings.result.bonus')} <b>{pts(r.bonus)}</b>
          </span>
        )}
      </div>
      {r.spread && (
        <div className="rpp-spread" data-testid="presenter-spread">
          {t('presenter.spread', { max: pts(r.spread.max), min: pts(r.spread.min), range: pts(r.spread.range), sd: pts(r.spread.sd) })}
          <span className="rpp-dim">{t('presenter.spreadCount', { count: r.spread.raters })}</span>
        </div>
      )}
      <div className="rpp-outliers" data-testid="presenter-outliers">
        {r.outlierRaterIds.length
          ? t('presenter.outliers', { names: r.outlierRaterIds.map(person).join('、') })
          : r.farthestRaterId !== null
            ? t('presenter.farthest', { name: person(r.farthestRaterId) })
            : r.spread && t('presenter.noOutlier')}
      </div>
      <Strip result={r} />
    </div>
  );
}

/** Each rater's total as a dot on one line, the median marked: how far apart the panel is, at a glance. */
function Strip({ result: r }: { result: ItemResult }) {
  const dots = r.raters.filter((x) => x.complete && x.total !== null);
  if (!r.spread || dots.length < 2) return null;
  const W = 1000;
  const pad = Math.max(1, r.spread.range * 0.08);
  const lo = r.spread.min - pad;
  const hi = r.spread.max + pad;
  const x = (v: number) => 40 + ((v - lo) / (hi - lo || 1)) * (W - 80);
  return (
    <svg className="rpp-strip" viewBox={`0 0 ${W} 64`} role="img" aria-label={t('meetings.result.raters')}>
      <line x1={20} x2={W - 20} y1={32} y2={32} stroke="#8c8c8c" strokeWidth={2} />
      <line x1={x(r.spread.median)} x2={x(r.spread.median)} y1={8} y2={56} stroke="#ffffff" strokeWidth={3} />
      {dots.map((d) => (
        <circle
          key={d.raterId}
          cx={x(d.total!)}
          cy={32}
          r={11}
          fill={d.outlier ? '#ffa940' : d.raterId === r.farthestRaterId ? '#ffd666' : '#69b1ff'}
          stroke="#000"
          strokeWidth={2}
        />
      ))}
    </svg>
  );
}
