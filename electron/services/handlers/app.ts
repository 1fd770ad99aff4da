/** The app itself, who is at the keyboard, sample data, and the desktop's dialogs. */
import { dataVersion } from '../../db';
import { getAppInfo } from '../app-info';
import { periodRules } from '../periods';
import { createSample } from '../sample';
import { setAdminPin, setIdleMinutes, signInAdmin, signInRater } from '../session';
import { writeSetting } from '../settings';
import { writePng } from '../files';
import type { HandlerSlice } from './define';

export const appHandlers = {
  'app.info': { access: 'anyone', run: (_input, ctx) => getAppInfo(ctx) },
  'app.dataVersion': { access: 'anyone', run: (_input, ctx) => ({ version: dataVersion(ctx.db) }) },
  'app.setCurrentPeriod': {
    access: 'admin',
    run: (input, ctx) => {
      // A period that does not exist would leave every screen pointing at nothing.
      if (input.periodId !== null) periodRules(ctx.db, input.periodId);
      writeSetting(ctx.db, 'currentPeriodId', input.periodId, ctx.now());
      return null;
    },
  },

  'session.get': { access: 'anyone', run: (_input, ctx) => ctx.session },
  'session.signInAdmin': { access: 'anyone', run: (input, ctx) => (ctx.session = signInAdmin(ctx.db, input.pin, ctx.now())) },
  'session.signInRater': { access: 'anyone', run: (input, ctx) => (ctx.session = signInRater(ctx.db, input.periodId, input.raterId, input.pin, ctx.now())) },
  'session.signOut': { access: 'anyone', run: (_input, ctx) => (ctx.session = { kind: 'none' }) },
  'session.setIdleMinutes': { access: 'admin', run: (input, ctx) => setIdleMinutes(ctx.db, input.minutes, ctx.now()) },
  'session.setAdminPin': {
    access: 'admin',
    run: (input, ctx) => {
      setAdminPin(ctx.db, input.pin, ctx.now());
      return null;
    },
  },

  'sample.create': {
    access: 'admin',
    run: (input, ctx) => {
      const summary = createSample(ctx.db, input, ctx.now());
      writeSetting(ctx.db, 'currentPeriodId', summary.period.id, ctx.now());
      return summary;
    },
  },

  'dialog.openFile': { access: 'admin', run: (input, ctx) => ctx.desktop.openFile(input) },
  'dialog.saveFile': { access: 'admin', run: (input, ctx) => ctx.desktop.saveFile(input) },
  'dialog.openFolder': { access: 'admin', run: (input, ctx) => ctx.desktop.openFolder(input) },
  'shell.showInFolder': {
    access: 'admin',
    run: async (input, ctx) => {
      await ctx.desktop.showInFolder(input.path);
      return null;
    },
  },
  'files.writePng': { access: 'admin', run: (input, ctx) => writePng(ctx.files, input) },
} satisfies HandlerSlice;
