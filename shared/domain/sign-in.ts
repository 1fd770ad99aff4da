/**
 * How wrong PINs are slowed down. A 4-digit PIN has 10,000 values; at the
 * speed scrypt allows (~16 tries a second) it falls in minutes. So after a
 * few wrong tries in a row every try — even the right PIN — is refused for a
 * wait that doubles with each further wrong try, up to an hour: 10,000
 * guesses then take months. A right PIN (after the wait) clears the count.
 */
import { t } from '../messages';

/** Wrong tries in a row that are free; the next wrong one starts the first wait. */
export const FREE_PIN_TRIES = 3;
export const FIRST_WAIT_SECONDS = 30;
export const LONGEST_WAIT_SECONDS = 3600;

/** Seconds every try is refused after `failures` wrong tries in a row (0: none). */
export function pinWaitSeconds(failures: number): number {
  if (failures < FREE_PIN_TRIES) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_PIN_TRIES));
}

/** “30 秒”, “2 分钟”, “1 分 30 秒”. */
export function waitText(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return t('signin.wait.seconds', { n: whole });
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return s === 0 ? t('signin.wait.minutes', { n: m }) : t('signin.wait.minutesSeconds', { m, s });
}
