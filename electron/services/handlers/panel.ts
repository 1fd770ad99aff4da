/** 评委: groups with their weights, raters with their recusals and PINs. The panel shapes every result. */
import { deleteGroup, deleteRater, getPanel, saveGroup, saveRater } from '../panel';
import { publicPanel } from '../public-views';
import { setRaterPin } from '../session';
import type { HandlerSlice } from './define';

export const panelHandlers = {
  // The sign-in screen lists the raters to choose from.
  'panel.get': { access: 'anyone', redact: publicPanel, run: (input, ctx) => getPanel(ctx.db, input.periodId) },
  'panel.saveGroup': { access: 'admin', invalidates: (input) => input.periodId, run: (input, ctx) => saveGroup(ctx.db, input.periodId, input) },
  'panel.deleteGroup': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: (input, ctx) => {
      deleteGroup(ctx.db, input.periodId, input.id);
      return null;
    },
  },
  'panel.saveRater': { access: 'admin', invalidates: (input) => input.periodId, run: (input, ctx) => saveRater(ctx.db, input.periodId, input) },
  'panel.deleteRater': {
    access: 'admin',
    invalidates: (input) => input.periodId,
    run: (input, ctx) => {
      deleteRater(ctx.db, input.periodId, input.id);
      return null;
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
