/**
 * 评分: the screen raters spend the most time in. Who is at the shared PC
 * decides what it shows — the sign-in panel (nobody, or switching), the
 * rater's own sheet as a spreadsheet (a rater), or the progress of the panel
 * and paper-sheet entry (the admin) — for the current period.
 */
import { LogoutOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Session } from '../../../../shared/domain/scoring';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { pendingDrafts, settlePendingWork } from '../../hooks/pendingWork';
import { SIGNED_OUT_PARAM, signedOutWhy } from '../../hooks/useSignOut';
import { PeriodStatusTag, PERIODS_LIST_KEY } from '../../components/period/periodUi';
import { AdminView } from './AdminView';
import { panelKey, sheetQuery, useSession, useSessionChanged } from './queries';
import './scoring.css';
import { SheetView } from './SheetView';
import { SignInPanel } from './SignInPanel';

export function ScoringPage() {
  const navigate = useNavigate();
  const session = useSession();
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => call('app.info', {}) });
  const periods = useQuery({ queryKey: PERIODS_LIST_KEY, queryFn: () => call('periods.list', {}) });
  const [params, setParams] = useSearchParams();
  const [switchingHere, setSwitchingHere] = useState(false);
  // The header's 切换身份 opens this screen with ?signin=1.
  const switching = switchingHere || params.get('signin') === '1';
  const setSwitching = (on: boolean) => {
    setSwitchingHere(on);
    // Why the last rater was signed out (?out=) is said until the next person signs in.
    if (!on && (params.has('signin') || params.has(SIGNED_OUT_PARAM)))
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('signin');
          next.delete(SIGNED_OUT_PARAM);
          return next;
        },
        { replace: true },
      );
  };

  if (session.isPending || info.isPending || periods.isPending) {
    return (
      <div className="rp-page">
        <Spin style={{ display: 'block', margin: '96px auto' }} />
      </div>
    );
  }
  const error = session.error ?? info.error ?? periods.error;
  if (error) {
    return (
      <div className="rp-page">
        <Alert type="error" showIcon title={t('scoring.loadFailed')} description={error.message} />
      </div>
    );
  }

  const s = session.data!;
  const current = periods.data!.find((p) => p.id === info.data!.currentPeriodId) ?? null;
  const period = s.kind === 'rater' && !switching ? (periods.data!.find((p) => p.id === s.periodId) ?? null) : current;

  let body: ReactNode;
  if (s.kind === 'rater' && !switching) body = <RaterScoring session={s} period={period} />;
  else if (!current && s.kind === 'none') {
    // No period yet, and the office has set an admin PIN: only 管理员 can be chosen (with the PIN).
    body = <SignInPanel period={null} onSignedIn={() => setSwitching(false)} />;
  } else if (!current) {
    body = (
      <Empty description={<span><b>{t('scoring.empty.noPeriod')}</b><br />{t('scoring.empty.noPeriodBody')}</span>} style={{ marginTop: 64 }}>
        <Button type="primary" onClick={() => void navigate('/periods')}>
          {t('scoring.empty.goPeriods')}
        </Button>
      </Empty>
    );
  } else if (s.kind === 'none' || switching) {
    const out = s.kind === 'none' ? signedOutWhy(params.get(SIGNED_OUT_PARAM)) : null;
    body = (
      <>
        {out ? (
          <Alert
            type={out === 'finished' ? 'success' : 'info'}
            showIcon
            data-testid="signed-out"
            title={t(out === 'finished' ? 'scoring.out.finished' : 'scoring.out.idle')}
            description={t(out === 'finished' ? 'scoring.out.finishedBody' : 'scoring.out.idleBody')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <SignInPanel
          period={current}
          onCancel={switching && s.kind !== 'none' ? () => setSwitching(false) : undefined}
          onSignedIn={() => setSwitching(false)}
        />
      </>
    );
  } else if (current.raterCount === 0) {
    body = (
      <Empty
        description={<span><b>{t('scoring.empty.noRaters', { period: current.name })}</b><br />{t('scoring.empty.noRatersBody')}</span>}
        style={{ marginTop: 64 }}
      >
        <Button type="primary" onClick={() => void navigate('/raters')}>
          {t('scoring.empty.goRaters')}
        </Button>
      </Empty>
    );
  } else body = <AdminView period={current} />;

  return (
    <div className="rp-page rp-scoring">
      <div className="rp-scoring-head">
        <Space size={12} align="center" className="rp-scoring-title">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('scoring.title')}
          </Typography.Title>
          {period ? (
            <>
              <Typography.Text strong data-testid="scoring-period">
                {period.name}
              </Typography.Text>
              <PeriodStatusTag status={period.status} />
            </>
          ) : null}
        </Space>
        <IdentityBar session={s} switching={switching} onSwitch={() => setSwitching(true)} />
      </div>
      {body}
    </div>
  );
}

function IdentityBar({ session, switching, onSwitch }: { session: Session; switching: boolean; onSwitch: () => void }) {
  const navigate = useNavigate();
  const { message, showError } = useFeedback();
  const sessionChanged = useSessionChanged();
  const panel = useQuery({
    queryKey: panelKey(session.kind === 'rater' ? session.periodId : 0),
    queryFn: () => call('panel.get', { periodId: session.kind === 'rater' ? session.periodId : 0 }),
    enabled: session.kind === 'rater',
  });
  const { modal } = App.useApp();
  const signOut = async () => {
    try {
      // What is being typed is committed and saved first; a value that cannot be saved yet keeps the rater here.
      if (!(await settlePendingWork())) return void message.warning(t('scoring.identity.settleFirst'));
      // Counts still waiting for their reasons are kept on this PC only: say so before leaving them.
      const drafts = pendingDrafts();
      if (drafts > 0) {
        const leave = await modal.confirm({
          title: t('scoring.identity.draftsTitle', { count: drafts }),
          content: t('scoring.identity.draftsBody'),
          okText: t('scoring.identity.draftsLeave'),
          cancelText: t('scoring.identity.draftsStay'),
        });
        if (!leave) return;
      }
      const signedOut = await call('session.signOut', {});
      // A plain sign-in screen: no paper sheet open (?rater=), no earlier sign-out's notice (?out=).
      void navigate('/scoring', { replace: true });
      await sessionChanged(signedOut);
      void message.info(t('scoring.identity.signedOut'));
    } catch (e) {
      showError(e);
    }
  };
  let who: ReactNode;
  if (session.kind === 'rater') {
    const rater = panel.data?.raters.find((r) => r.id === session.raterId);
    const group = panel.data?.groups.find((g) => g.id === rater?.groupId);
    who = (
      <>
        <Tag color="blue">{t('scoring.identity.rater')}</Tag>
        <b>{group ? t('scoring.identity.raterName', { name: session.name, group: group.name }) : session.name}</b>
      </>
    );
  } else if (session.kind === 'admin') who = <Tag color="red">{t('scoring.identity.admin')}</Tag>;
  else who = <Typography.Text type="secondary">{t('scoring.identity.none')}</Typography.Text>;
  return (
    <div className="rp-identity" data-testid="identity">
      <span className="rp-identity-who">{who}</span>
      {session.kind !== 'none' && !switching ? (
        <Space size={4}>
          <Button size="small" icon={<SwapOutlined />} onClick={onSwitch}>
            {t('scoring.identity.switch')}
          </Button>
          <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('scoring.identity.signOut')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}

function RaterScoring({ session, period }: { session: Extract<Session, { kind: 'rater' }>; period: Period | null }) {
  const sheet = useQuery(sheetQuery(session.periodId, session.raterId));
  if (sheet.isPending) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (sheet.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('scoring.loadFailed')}
        description={sheet.error.message}
        action={<Button onClick={() => void sheet.refetch()}>{t('scoring.retry')}</Button>}
      />
    );
  }
  const settings = period?.settings;
  if (!settings) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  return <SheetView key={`${session.periodId}:${session.raterId}`} sheet={sheet.data} settings={settings} mode="rater" />;
}
