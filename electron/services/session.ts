/**
 * Who is at the keyboard. The app has no accounts: on a shared PC a rater
 * picks their name (with an optional PIN the admin set), or the office signs
 * in as 管理员 (with an optional admin PIN). The session decides what may be
 * seen (raters see only their own entries; nobody sees others' values while
 * scoring is open) and is written into the audit log as "who".
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { SignInSettings } from '../../shared/api';
import type { Session } from '../../shared/domain/scoring';
import type { Database } from '../db';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import { FREE_PIN_TRIES, pinWaitSeconds, waitText } from '../../shared/domain/sign-in';
import { inTransaction } from '../db';
import { auditWriter } from './audit';
import { readSetting, writeSetting } from './settings';

export type { Session };

export const PIN_PATTERN = /^\d{4,6}$/;

/** scrypt with a random salt: "salt:hash" in hex. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const actual = scryptSync(pin, Buffer.from(salt, 'hex'), 32);
  const expected = Buffer.from(hash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whose PIN a sign-in checks: the admin's, or one rater's (named in the audit log). */
type PinOwner = { kind: 'admin' } | { kind: 'rater'; periodId: number; raterId: number; name: string };

const guardTarget = (owner: PinOwner) => (owner.kind === 'admin' ? 'admin' : `rater:${owner.raterId}`);

/**
 * Checks a PIN through the guard (pin_guard, shared/domain/sign-in.ts): while
 * a wait runs every try is refused unheard, so guessing gains nothing; a wrong
 * PIN counts, is written to the audit log, and after the free tries starts a
 * wait that doubles; the right PIN clears the count. The count is in the
 * database, so restarting the app does not reset it.
 */
function checkPin(db: Database, owner: PinOwner, pin: string | undefined, stored: string | null, now: Date): void {
  if (stored === null) return;
  const missing = owner.kind === 'admin' ? t('error.session.adminPinRequired') : t('error.session.raterPinRequired', { name: owner.name });
  if (!pin) throw new AppError('forbidden', missing, [{ field: 'pin', message: missing }]);
  const target = guardTarget(owner);
  const guard = db.prepare<[string], { failures: number; locked_until: string | null }>('SELECT failures, locked_until FROM pin_guard WHERE target = ?').get(target);
  const waitLeft = guard?.locked_until ? (Date.parse(guard.locked_until) - now.getTime()) / 1000 : 0;
  if (guard && waitLeft > 0) {
    const message = t('error.session.locked', { failures: guard.failures, wait: waitText(waitLeft) });
    throw new AppError('throttled', message, [{ field: 'pin', message }], Math.ceil(waitLeft));
  }
  if (pinMatches(pin, stored)) {
    if (guard) db.prepare('DELETE FROM pin_guard WHERE target = ?').run(target);
    return;
  }
  const failures = (guard?.failures ?? 0) + 1;
  const wait = pinWaitSeconds(failures);
  inTransaction(db, () => {
    db.prepare(
      'INSERT INTO pin_guard (target, failures, locked_until) VALUES (?, ?, ?) ON CONFLICT (target) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
    ).run(target, failures, wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null);
    const action = owner.kind === 'admin' ? t('audit.signin.adminWrong', { failures }) : t('audit.signin.raterWrong', { name: owner.name, failures });
    auditWriter(db, now)({
      periodId: owner.kind === 'rater' ? owner.periodId : null,
      actorKind: 'system',
      actor: t('audit.signin.actor'),
      entity: 'session',
      action: wait > 0 ? t('audit.signin.lockedFor', { action, wait: waitText(wait) }) : action,
      ...(owner.kind === 'rater' ? { raterId: owner.raterId } : {}),
    });
  });
  if (wait > 0) {
    const message = t('error.session.pinWrongLocked', { failures, wait: waitText(wait) });
    throw new AppError('throttled', message, [{ field: 'pin', message }], wait);
  }
  const message = t('error.session.pinWrongLeft', { left: FREE_PIN_TRIES - failures });
  throw new AppError('forbidden', message, [{ field: 'pin', message }]);
}

export function signInAdmin(db: Database, pin: string | undefined, now: Date): Session {
  checkPin(db, { kind: 'admin' }, pin, readSetting<string | null>(db, 'adminPinHash', null), now);
  return { kind: 'admin' };
}

export function signInRater(db: Database, periodId: number, raterId: number, pin: string | undefined, now: Date): Session {
  const rater = db
    .prepare<[number, number], { name: string; pin_hash: string | null }>('SELECT name, pin_hash FROM rater WHERE id = ? AND period_id = ?')
    .get(raterId, periodId);
  if (!rater) throw new AppError('not_found', t('error.panel.raterNotFound'));
  checkPin(db, { kind: 'rater', periodId, raterId, name: rater.name }, pin, rater.pin_hash, now);
  return { kind: 'rater', periodId, raterId, name: rater.name };
}

/** A rater left at the shared PC is signed out after this many idle minutes unless the office sets otherwise. */
export const DEFAULT_IDLE_MINUTES = 5;

export function signInSettings(db: Database): SignInSettings {
  return {
    adminPinSet: readSetting<string | null>(db, 'adminPinHash', null) !== null,
    idleMinutes: readSetting<number>(db, 'raterIdleMinutes', DEFAULT_IDLE_MINUTES),
  };
}

export function setIdleMinutes(db: Database, minutes: number, now: Date): SignInSettings {
  writeSetting(db, 'raterIdleMinutes', minutes, now);
  return signInSettings(db);
}

export function setAdminPin(db: Database, pin: string | null, now: Date): void {
  if (pin !== null && !PIN_PATTERN.test(pin)) throw new AppError('validation', t('error.session.pinFormat'));
  writeSetting(db, 'adminPinHash', pin === null ? null : hashPin(pin), now);
}

export function setRaterPin(db: Database, periodId: number, raterId: number, pin: string | null): void {
  if (pin !== null && !PIN_PATTERN.test(pin)) throw new AppError('validation', t('error.session.pinFormat'));
  const info = db.prepare('UPDATE rater SET pin_hash = ? WHERE id = ? AND period_id = ?').run(pin === null ? null : hashPin(pin), raterId, periodId);
  if (info.changes === 0) throw new AppError('not_found', t('error.panel.raterNotFound'));
}

