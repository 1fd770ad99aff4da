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

function checkPin(pin: string | undefined, stored: string | null, who: string): void {
  if (stored === null) return;
  if (!pin) throw new AppError('forbidden', `请输入${who}的 PIN 码`, [{ field: 'pin', message: `请输入${who}的 PIN 码` }]);
  if (!pinMatches(pin, stored)) throw new AppError('forbidden', 'PIN 码不正确', [{ field: 'pin', message: 'PIN 码不正确' }]);
}

export function signInAdmin(db: Database, pin: string | undefined): Session {
  checkPin(pin, readSetting<string | null>(db, 'adminPinHash', null), '管理员');
  return { kind: 'admin' };
}

export function signInRater(db: Database, periodId: number, raterId: number, pin: string | undefined): Session {
  const rater = db
    .prepare<[number, number], { name: string; pin_hash: string | null }>('SELECT name, pin_hash FROM rater WHERE id = ? AND period_id = ?')
    .get(raterId, periodId);
  if (!rater) throw new AppError('not_found', '找不到这位评委');
  checkPin(pin, rater.pin_hash, rater.name);
  return { kind: 'rater', periodId, raterId, name: rater.name };
}

export function setAdminPin(db: Database, pin: string | null, now: Date): void {
  if (pin !== null && !PIN_PATTERN.test(pin)) throw new AppError('validation', 'PIN 码应为 4 到 6 位数字');
  writeSetting(db, 'adminPinHash', pin === null ? null : hashPin(pin), now);
}

export function setRaterPin(db: Database, periodId: number, raterId: number, pin: string | null): void {
  if (pin !== null && !PIN_PATTERN.test(pin)) throw new AppError('validation', 'PIN 码应为 4 到 6 位数字');
  const info = db.prepare('UPDATE rater SET pin_hash = ? WHERE id = ? AND period_id = ?').run(pin === null ? null : hashPin(pin), raterId, periodId);
  if (info.changes === 0) throw new AppError('not_found', '找不到这位评委');
}

