/**
 * PINs from the command line: the admin's, and a rater's. The new PIN is read
 * from standard input (`echo 2468 | rongping pin admin`), never taken as an
 * argument, so it does not end up in the shell's history.
 */
import { t } from '../../shared/messages';
import { intFlag, report, type CliCommand, type CommandCall } from './command';

/** The variable the CLI reads the admin PIN from, once one is set. */
export const ADMIN_PIN_ENV = 'RONGPING_ADMIN_PIN';

/** The new PIN (first line of standard input), or null with --clear. */
async function newPin({ flags, input }: CommandCall): Promise<string | null> {
  if (flags.clear) return null;
  return (await input()).split(/\r?\n/)[0]!.trim();
}

export const PIN_COMMANDS: CliCommand[] = [
  {
    name: 'pin admin',
    usage: 'pin admin [--clear]',
    summary: [t('cli.cmd.pinAdmin.summary'), t('cli.cmd.pinAdmin.summary2', { env: ADMIN_PIN_ENV })],
    flags: ['clear'],
    run: async (call) => {
      const pin = await newPin(call);
      return report(await call.services().invoke('session.setAdminPin', { pin }), call.o, () => t(pin === null ? 'cli.pin.adminCleared' : 'cli.pin.adminSet'));
    },
  },
  {
    name: 'pin rater',
    usage: 'pin rater --period N --rater ID [--clear]',
    summary: [t('cli.cmd.pinRater.summary')],
    flags: ['period', 'rater', 'clear'],
    run: async (call) => {
      const pin = await newPin(call);
      const periodId = intFlag(call.flags.period, 'period');
      const raterId = intFlag(call.flags.rater, 'rater');
      return report(await call.services().invoke('panel.setRaterPin', { periodId, raterId, pin }), call.o, () =>
        t(pin === null ? 'cli.pin.raterCleared' : 'cli.pin.raterSet', { rater: raterId }),
      );
    },
  },
];
