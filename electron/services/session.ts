/**
 * Who is at the keyboard. The app has no accounts: on a shared PC a rater
 * picks their name (with an optional PIN the admin set), or the office signs
 * in as 管理员 (with an optional admin PIN). The session decides what may be
 * seen (raters see only their own entries; nobody sees others' values while
 * scoring is open) and is written into the audit log as "who".
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Session } from '../../shared/domain/scoring';
import type { Database } from '../db';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
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

/** `missing` is the message for an empty PIN: it names whose PIN is asked for. */
function checkPin(pin: string | undefined, stored: string | null, missing: string): void {
  if (stored === null) return;
  if (!pin) throw new AppError('forbidden', missing, [{ field: 'pin', message: missing }]);
  if (!pinMatches(pin, stored)) throw new AppError('forbidden', t('error.session.pinWrong'), [{ field: 'pin', message: t('error.session.pinWrong') }]);
}

export function signInAdmin(db: Database, pin: string | undefined): Session {
  checkPin(pin, readSetting<string | null>(db, 'adminPinHash', null), t('error.session.adminPinRequired'));
  return { kind: 'admin' };
}

export function signInRater(db: Database, periodId: number, raterId: number, pin: string | undefined): Session {
  const rater = db
    .prepare<[number, number], { name: string; pin_hash: string | null }>('SELECT name, pin_hash FROM rater WHERE id = ? AND period_id = ?')
    .get(raterId, periodId);
  if (!rater) throw new AppError('not_found', t('error.panel.raterNotFound'));
  checkPin(pin, rater.pin_hash, t('error.session.raterPinRequired', { name: rater.name }));
  return { kind: 'rater', periodId, raterId, name: rater.name };
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

