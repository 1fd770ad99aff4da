/**
 * The confirmation before a gated step (进入评审, 标记为已公示, 定稿). It asks
 * the services what the step would leave missing: with nothing missing it
 * confirms simply; otherwise it shows exactly what — scores per rater and
 * branch, business data and office records (考核组核定) per branch, open
 * agenda items — with links to where
 * each is fixed, and goes on only when “仍要继续” is ticked and a reason given
 * (the override the services audit). A refusal that arrives anyway (the data
 * changed meanwhile) shows the fresh lists in the same dialog.
 *
 * Opened imperatively (the periods, home and drawer screens only call
 * `useAdvancePeriod().start`), so the dialog lives in Ant Design's modal
 * holder, outside the query and router providers: the query client is passed
 * back in and navigation goes through the hook's caller.
 */
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Collapse, Input, Spin, Typography } from 'antd';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { GateStep, Readiness } from '../../../../shared/domain/readiness';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { apiKey, invalidate, useApi } from '../../api/useApi';
import { agendaByMeeting, isIncomplete, measurementsByBranch, missingCounts, missingText, reasonProblem, scoresByRater, stepAction } from './gateModel';
import './gate.css';

export interface GateRequest {
  periodId: number;
  periodName: string;
  step: GateStep;
  /** What the step changes, said when nothing is missing; null: nothing to confirm then, the step is taken at once. */
  confirm: ReactNode | null;
  /** Takes the step, with the reason when something is missing; rejects with the service's error value. */
  proceed: (override?: string) => Promise<unknown>;
}

const readinessInput = (r: GateRequest) => ({ periodId: r.periodId, step: r.step });

/** Returns `gate(request)`: checks, confirms or asks for a reason, then takes the step. */
export function useGateConfirm(): (request: GateRequest) => void {
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const open = (request: GateRequest) => {
    const go = (path: string) => {
      instance.destroy();
      // The screens fixed from here work on the current period.
      void call('app.setCurrentPeriod', { periodId: request.periodId })
        .then(() => invalidate(queryClient))
        .then(() => navigate(path));
    };
    const wrap = (node: ReactNode) => <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>;
    const instance = modal.confirm({
      icon: null,
      footer: null,
      centered: true,
      closable: true,
      width: 680,
      className: 'rp-gate',
      title: wrap(<GateTitle request={request} />),
      content: wrap(<GateBody request={request} onClose={() => instance.destroy()} onGo={go} />),
    });
  };

  return (request) => {
    if (request.confirm !== null) return open(request);
    // Nothing to confirm when complete: look first, and open the dialog only when something is missing.
    queryClient
      .fetchQuery({ queryKey: apiKey('periods.readiness', readinessInput(request)), queryFn: () => call('periods.readiness', readinessInput(request)), staleTime: 0 })
      .then(
        (r) => (r.complete ? request.proceed().catch((e: unknown) => (isIncomplete(e) ? open(request) : undefined)) : open(request)),
        () => open(request),
      );
  };
}

/**
 * Always asked afresh: the dialog must show what is missing now, not what the
 * results screen cached earlier (`fresh` is undefined until this dialog's own answer).
 */
function useReadiness(request: GateRequest) {
  const query = useApi('periods.readiness', readinessInput(request), { staleTime: 0, refetchOnMount: 'always' });
  return { query, fresh: query.isFetchedAfterMount ? query.data : undefined };
}

function GateTitle({ request }: { request: GateRequest }) {
  const { fresh: data } = useReadiness(request);
  const action = stepAction(request.step);
  if (data && !data.complete) return <span data-testid="gate-title">{t('gate.ui.titleMissing', { action, missing: missingText(missingCounts(data)) })}</span>;
  return <span data-testid="gate-title">{t('gate.ui.titleComplete', { action, name: request.periodName })}</span>;
}

function GateBody({ request, onClose, onGo }: { request: GateRequest; onClose: () => void; onGo: (path: string) => void }) {
  const { query: readiness, fresh: data } = useReadiness(request);
  const [going, setGoing] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** The service refused although the check had found nothing (or could not check): a reason is needed all the same. */
  const [refused, setRefused] = useState(false);
  const [pending, setPending] = useState(false);
  const action = stepAction(request.step);
  const mustExplain = refused || (data !== undefined && !data.complete);

  const proceed = async () => {
    let override: string | undefined;
    if (mustExplain) {
      const wrong = reasonProblem(reason);
      if (wrong) return setProblem(wrong);
      override = reason.trim();
    }
    setPending(true);
    try {
      await request.proceed(override);
      onClose();
    } catch (e) {
      if (!isIncomplete(e)) return onClose(); // the caller shows other errors
      setRefused(true);
      setGoing(false);
      setPending(false);
      await readiness.refetch();
    }
  };

  if (data === undefined && !readiness.isError) {
    return (
      <div className="rp-gate-checking">
        <Spin size="small" /> <Typography.Text type="secondary">{t('gate.ui.checking')}</Typography.Text>
      </div>
    );
  }

  return (
    <div data-testid="gate-confirm">
      {readiness.isError && <Alert type="warning" showIcon className="rp-gate-alert" title={t('gate.ui.checkFailed', { reason: readiness.error.message })} />}
      {refused && <Alert type="warning" showIcon className="rp-gate-alert" title={t('gate.ui.changed')} data-testid="gate-changed" />}
      {!mustExplain ? (
        <div className="rp-gate-simple">
          {data?.complete && <p>{t(request.step === 'finalise' ? 'gate.ui.completeFinalise' : 'gate.ui.complete')}</p>}
          {request.confirm !== null && <p>{request.confirm}</p>}
        </div>
      ) : (
        <>
          <p className="rp-gate-intro">{t('gate.ui.intro', { name: request.periodName, action })}</p>
          {data && !data.complete && <MissingLists readiness={data} onGo={onGo} />}
          <div className="rp-gate-override">
            <Checkbox checked={going} onChange={(e) => (setGoing(e.target.checked), setProblem(null))} data-testid="gate-override-check">
              {t('gate.ui.override.check')}
            </Checkbox>
            {going && (
              <>
                <Input.TextArea
                  value={reason}
                  onChange={(e) => (setReason(e.target.value), setProblem(null))}
                  autoSize={{ minRows: 2, maxRows: 3 }}
                  maxLength={200}
                  placeholder={t('gate.ui.override.placeholder')}
                  aria-label={t('gate.ui.override.reason')}
                  status={problem ? 'error' : undefined}
                  autoFocus
                />
                {problem && (
                  <Typography.Text type="danger" className="rp-gate-problem" data-testid="gate-reason-problem">
                    {problem}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" className="rp-gate-audited">
                  {t('gate.ui.override.audited')}
                </Typography.Text>
              </>
            )}
          </div>
        </>
      )}
      <div className="rp-gate-buttons">
        <Button onClick={onClose}>{t('ui.cancel')}</Button>
        {mustExplain ? (
          <Button type="primary" disabled={!going} loading={pending} onClick={() => void proceed()}>
            {t('gate.ui.proceed', { action })}
          </Button>
        ) : (
          <Button type="primary" loading={pending} onClick={() => void proceed()} autoFocus>
            {action}
          </Button>
        )}
      </div>
    </div>
  );
}

/** A link in a collapse header that must not also fold the panel. */
function FixLink({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Typography.Link
      onClick={(e: MouseEvent) => {
        e.stopPropagation();
        onClick();
      }}
    >
      {label}
    </Typography.Link>
  );
}

/** The groups (scores, business data, office records, agenda), each with its count and where it is fixed; per-rater branch lists fold (a full panel is hundreds of lines). */
function MissingLists({ readiness, onGo }: { readiness: Readiness; onGo: (path: string) => void }) {
  const raters = scoresByRater(readiness.scores);
  const branches = measurementsByBranch(readiness.measurements);
  const officeBranches = measurementsByBranch(readiness.office);
  const meetings = agendaByMeeting(readiness.agenda);
  const groups = [];
  if (raters.length > 0)
    groups.push({
      key: 'scores',
      label: t('gate.ui.group.scores', { raters: raters.length, count: readiness.missingCells }),
      extra: <FixLink label={t('gate.ui.fix.scores')} onClick={() => onGo('/scoring')} />,
      children: (
        <Collapse
          size="small"
          ghost
          destroyOnHidden
          items={raters.map((r) => ({
            key: r.raterId,
            label: <span data-testid="gate-rater">{t('gate.ui.rater', { name: r.raterName, branches: r.branches.length, cells: r.cells })}</span>,
            children: (
              <ul className="rp-gate-cols">
                {r.branches.map((b) => (
                  <li key={b.branchId}>{t('gate.ui.raterBranch', { code: b.branchCode, name: b.branchName, cells: b.cells })}</li>
                ))}
              </ul>
            ),
          }))}
        />
      ),
    });
  if (branches.length > 0)
    groups.push({
      key: 'measurements',
      label: t('gate.ui.group.measurements', { branches: branches.length, count: readiness.measurements.length }),
      extra: <FixLink label={t('gate.ui.fix.measurements')} onClick={() => onGo('/data/measurements')} />,
      children: (
        <ul className="rp-gate-lines">
          {branches.map((b) => (
            <li key={b.branchId} data-testid="gate-measurement">
              <b>{b.branchCode} {b.branchName}</b>：{b.indicators.map((i) => i.name).join(t('gate.ui.sep'))}
            </li>
          ))}
        </ul>
      ),
    });
  if (officeBranches.length > 0)
    groups.push({
      key: 'office',
      label: t('gate.ui.group.office', { branches: officeBranches.length, count: readiness.office.length }),
      extra: <FixLink label={t('gate.ui.fix.office')} onClick={() => onGo('/data/office')} />,
      children: (
        <ul className="rp-gate-lines">
          {officeBranches.map((b) => (
            <li key={b.branchId} data-testid="gate-office">
              <b>{b.branchCode} {b.branchName}</b>：{b.indicators.map((i) => i.name).join(t('gate.ui.sep'))}
            </li>
          ))}
        </ul>
      ),
    });
  if (meetings.length > 0)
    groups.push({
      key: 'agenda',
      label: t('gate.ui.group.agenda', { count: readiness.agenda.length }),
      children: meetings.map((m) => (
        <div key={m.meetingId} className="rp-gate-meeting">
          <div>
            <b>{m.meetingTitle}</b> <FixLink label={t('gate.ui.fix.meeting')} onClick={() => onGo(`/meetings/${m.meetingId}`)} />
          </div>
          <ul className="rp-gate-lines">
            {m.items.map((i) => (
              <li key={i.itemId} data-testid="gate-agenda">
                {i.title} — {t(i.problem === 'unrevealed' ? 'gate.ui.agenda.unrevealed' : 'gate.ui.agenda.undecided')}
              </li>
            ))}
          </ul>
        </div>
      )),
    });
  const keys = groups.map((g) => g.key);
  return (
    <div className="rp-gate-lists" data-testid="gate-missing">
      {/* Every group open; a group that appears on a fresh answer opens too (a new key remounts). */}
      <Collapse key={keys.join()} size="small" defaultActiveKey={keys} items={groups} />
    </div>
  );
}
