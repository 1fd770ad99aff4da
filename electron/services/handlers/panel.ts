/** 评委: groups with their weights, raters with their recusals and PINs. The panel shapes every result. */
import { takeBackup } from '../backup';
import { deleteGroup, deleteRater, getPanel, saveGroup, saveRater } from '../panel';
import { importPanel, previewPanelImport, writePanelTemplate } from '../panel-xlsx';
import { publicPanel } from '../public-views';
import { setRaterPin } from '../session';
import type { HandlerSlice } from './define';
import { actorOf } from '../actor';
import type { ServiceContext } from '../context';

/** The admin's panel changes are logged as theirs, at the service clock's time. */
const changeBy = (ctx: ServiceContext) => ({ actor: actorOf(ctx.session), now: ctx.now() });

export const panelHandlers = {
  // The sign-in screen lists the raters to choose from.
  'panel.get': { access: 'anyone', redact: publicPanel, run: (input, ctx) => getPanel(ctx.db, input.periodId) },
  'panel.saveGroup': { access: 'admin', invalidates: (input) => input.periodId, run: (input, ctx) => saveGroup(ctx.db, input.periodId, input, changeBy(ctx)) },
  'panel.deleteGroup': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: (input, ctx) => {
      deleteGroup(ctx.db, input.periodId, input.id, changeBy(ctx));
      return null;
    },
  },
  'panel.saveRater': { access: 'admin', invalidates: (input) => input.periodId, run: (input, ctx) => saveRater(ctx.db, input.periodId, input, changeBy(ctx)) },
  'panel.deleteRater': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: (input, ctx) => {
      deleteRater(ctx.db, input.periodId, input.id, changeBy(ctx));
      return null;
    },
  },
  'panel.writeTemplate': { access: 'admin', run: (input, ctx) => writePanelTemplate(ctx.db, input.periodId, input.path) },
  'panel.previewImport': { access: 'admin', run: (input, ctx) => previewPanelImport(ctx.db, input.periodId, input.path) },
  'panel.import': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: async (input, ctx) => {
      await takeBackup(ctx, 'import');
      return importPanel(ctx, input.periodId, input.path);
    },
  },
  'panel.setRaterPin': {
    access: 'admin',
    run: (input, ctx) => {
      setRaterPin(ctx.db, input.periodId, input.raterId, input.pin);
      return null;
    },
  },
} satisfies HandlerSlice;
