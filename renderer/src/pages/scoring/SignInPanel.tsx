/**
 * Who is at the shared PC: big buttons with the period's raters' names,
 * grouped by rater group, and 管理员. A PIN is asked for only where one is
 * set (the main process answers "PIN required" for those). After a few wrong
 * PINs in a row the main process refuses every try for a while ('throttled'):
 * the dialog then counts the wait down and takes no PIN until it is over.
 */
import { SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Modal, Spin, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Session } from '../../../../shared/domain/scoring';
import { waitText } from '../../../../shared/domain/sign-in';
import { t } from '../../../../shared/messages';
import { ApiError, call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { panelKey, useSessionChanged } from './queries';

type Who = { kind: 'rater'; id: number; name: string } | { kind: 'admin'; name: string };

/** The main process counts wrong PINs per person: the admin, or one rater. */
const whoKey = (who: Who) => (who.kind === 'admin' ? 'admin' : `rater:${who.id}`);

/** A refused PIN's wait: until when no PIN is heard, and the main process's words for it. */
interface Lock {
  from: number;
  until: number;
  message: string;
}

const lockFor = (seconds: number, message: string): Lock => {
  const from = Date.now();
  return { from, until: from + seconds * 1000, message };
};

export interface SignInPanelProps {
  /** null before any period exists: only 管理员 can be chosen. */
  period: { id: number; name: string } | null;
  onCancel?: () => void;
  onSignedIn?: (session: Session) => void;
}

export function SignInPanel({ period, onCancel, onSignedIn }: SignInPanelProps) {
  const navigate = useNavigate();
  const { message, showError } = useFeedback();
  const sessionChanged = useSessionChanged();
  const panel = useQuery({ queryKey: panelKey(period?.id ?? 0), queryFn: () => call('panel.get', { periodId: period!.id }), enabled: period !== null });
  const [asking, setAsking] = useState<Who | null>(null);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Kept per person, so closing the dialog and clicking the name again still shows the wait.
  const [locks, setLocks] = useState<Record<string, Lock>>({});
  const [now, setNow] = useState(() => Date.now());
  const pinInput = useRef<InputRef>(null);

  const lock = asking ? locks[whoKey(asking)] : undefined;
  const waitLeft = lock ? Math.ceil((lock.until - now) / 1000) : 0;
  const locked = waitLeft > 0;

  // The countdown: ticks while a wait runs, then stops itself.
  useEffect(() => {
    if (!lock) return;
    const id = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= lock.until) window.clearInterval(id);
    }, 250);
    return () => window.clearInterval(id);
  }, [lock]);
  // When the wait is over the PIN field takes typing again.
  useEffect(() => {
    if (asking && !locked) pinInput.current?.focus();
  }, [asking, locked]);

  const setLock = (who: Who, next: Lock | null) =>
    setLocks((prev) => {
      const { [whoKey(who)]: _old, ...rest } = prev;
      return next ? { ...rest, [whoKey(who)]: next } : rest;
    });

  const signIn = async (who: Who, withPin?: string) => {
    setBusy(who.kind === 'admin' ? 'admin' : String(who.id));
    try {
      const session =
        who.kind === 'admin'
          ? await call('session.signInAdmin', withPin ? { pin: withPin } : {})
          : await call('session.signInRater', { periodId: period!.id, raterId: who.id, ...(withPin ? { pin: withPin } : {}) });
      setAsking(null);
      setPin('');
      setPinError(null);
      setLock(who, null);
      await sessionChanged(session);
      // Whatever was said before (e.g. 已退出) is about the previous person.
      message.destroy();
      void message.success(session.kind === 'rater' ? t('scoring.signIn.asRater', { name: session.name }) : t('scoring.signIn.asAdmin'));
      onSignedIn?.(session);
    } catch (e) {
      if (e instanceof ApiError && e.error.code === 'throttled') {
        // Too many wrong PINs: no PIN is heard (not even the right one) until the wait is over.
        const next = lockFor(e.error.retryAfterSeconds ?? 0, e.error.message);
        setNow(next.from);
        setLock(who, next);
        setAsking(who);
        setPinError(null);
        setPin('');
      } else if (e instanceof ApiError && e.error.details?.some((d) => d.field === 'pin')) {
        // This person has a PIN: ask for it; when the one typed was wrong, the main process says how many tries are left.
        setAsking(who);
        setPinError(withPin ? e.error.message : null);
        setPin('');
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };

  const submitPin = () => {
    if (!asking || locked) return;
    if (!/^\d{4,6}$/.test(pin)) {
      setPinError(t('scoring.signIn.pinFormat'));
      return;
    }
    void signIn(asking, pin);
  };

  const raters = panel.data?.raters ?? [];
  const groups = panel.data?.groups ?? [];

  return (
    <div className="rp-signin" data-testid="sign-in">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('scoring.signIn.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{period ? t('scoring.signIn.intro', { period: period.name }) : t('scoring.signIn.adminOnly')}</Typography.Paragraph>
      {period === null ? null : panel.isPending ? (
        <Spin />
      ) : raters.length === 0 ? (
        <Empty description={<span><b>{t('scoring.empty.noRaters', { period: period.name })}</b><br />{t('scoring.empty.noRatersBody')}</span>}>
          <Button type="primary" onClick={() => void navigate('/raters')}>
            {t('scoring.empty.goRaters')}
          </Button>
        </Empty>
      ) : (
        groups.map((g) => {
          const members = raters.filter((r) => r.groupId === g.id);
          if (!members.length) return null;
          return (
            <section key={g.id} className="rp-signin-group" aria-label={g.name}>
              <div className="rp-signin-group-name">{t('scoring.signIn.group', { name: g.name })}</div>
              <div className="rp-signin-buttons">
                {members.map((r) => (
                  <Button
                    key={r.id}
                    className="rp-signin-button"
                    icon={<UserOutlined />}
                    loading={busy === String(r.id)}
                    onClick={() => void signIn({ kind: 'rater', id: r.id, name: r.name })}
                  >
                    <span className="rp-signin-name">{r.name}</span>
                    {r.title ? <span className="rp-signin-title">{r.title}</span> : null}
                  </Button>
                ))}
              </div>
            </section>
          );
        })
      )}
      <div className="rp-signin-admin">
        <Button
          className="rp-signin-button is-admin"
          icon={<SafetyCertificateOutlined />}
          loading={busy === 'admin'}
          onClick={() => void signIn({ kind: 'admin', name: t('scoring.signIn.admin') })}
        >
          <span className="rp-signin-name">{t('scoring.signIn.admin')}</span>
          <span className="rp-signin-title">{t('scoring.signIn.adminHint')}</span>
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('scoring.signIn.cancel')}</Button> : null}
      </div>

      <Modal
        open={asking !== null}
        title={asking ? t('scoring.signIn.pinTitle', { name: asking.name }) : ''}
        okText={t('scoring.signIn.ok')}
        onOk={submitPin}
        confirmLoading={busy !== null}
        okButtonProps={{ disabled: locked }}
        onCancel={() => {
          setAsking(null);
          setPinError(null);
        }}
        destroyOnHidden
        width={400}
      >
        <label className="rp-signin-pin">
          <span>{t('scoring.signIn.pinLabel')}</span>
          <Input.Password
            ref={pinInput}
            autoFocus
            disabled={locked}
            size="large"
            inputMode="numeric"
            maxLength={6}
            value={pin}
            status={pinError ? 'error' : undefined}
            placeholder={t('scoring.signIn.pinPlaceholder')}
            aria-label={t('scoring.signIn.pinLabel')}
            onChange={(e) => {
              setPin(e.target.value.replace(/\D/g, ''));
              setPinError(null);
            }}
            onPressEnter={submitPin}
          />
        </label>
        {locked ? (
          <div className="rp-signin-pin-error" role="alert" data-testid="pin-wait">
            {lock!.message}
            <div style={{ marginTop: 4, fontWeight: 600 }} aria-live="polite">
              {t('scoring.signIn.wait', { wait: waitText(waitLeft) })}
            </div>
          </div>
        ) : pinError ? (
          <div className="rp-signin-pin-error" role="alert">
            {pinError}
          </div>
        ) : lock ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
            {t('scoring.signIn.waitOver')}
          </Typography.Text>
        ) : null}
      </Modal>
    </div>
  );
}
