/** 评审会: meetings, their agenda and attendance, the presenter's steps, minutes, and the publication (公示). */
import { draftMinutes } from '../meeting-minutes';
import { itemResult } from '../meeting-result';
import {
  closeMeeting,
  currentMeeting,
  deleteMeeting,
  getMeeting,
  getPublication,
  goToItem,
  listMeetings,
  publishPeriod,
  revealItem,
  saveAgenda,
  saveAttendees,
  saveItem,
  saveMeeting,
  saveMinutes,
  startMeeting,
  withRevealedTotals,
} from '../meetings';
import { actorOf } from '../actor';
import type { HandlerSlice } from './define';

export const meetingHandlers = {
  'meetings.list': { access: 'admin', run: (input, ctx) => listMeetings(ctx.db, input.periodId) },
  'meetings.get': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, getMeeting(ctx.db, input.id, ctx.now())) },
  'meetings.save': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, saveMeeting(ctx.db, input, ctx.now())) },
  'meetings.delete': {
    access: 'admin',
    run: (input, ctx) => {
      deleteMeeting(ctx.db, input.id, ctx.now(), actorOf(ctx.session));
      return null;
    },
  },
  'meetings.saveAttendees': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, saveAttendees(ctx.db, input.meetingId, input.attendees, ctx.now())) },
  'meetings.saveAgenda': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, saveAgenda(ctx.db, input.meetingId, input.items, ctx.now())) },
  'meetings.start': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, startMeeting(ctx.db, input.id, ctx.now(), actorOf(ctx.session))) },
  'meetings.goTo': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, goToItem(ctx.db, input.id, input.itemIndex, ctx.now())) },
  'meetings.close': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, closeMeeting(ctx.db, input.id, ctx.now(), actorOf(ctx.session))) },
  // The chair reveals one branch's live result; itemResult and withRevealedTotals show only what was revealed.
  'meetings.reveal': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, revealItem(ctx, input.itemId, actorOf(ctx.session))) },
  'meetings.itemResult': { access: 'admin', run: (input, ctx) => itemResult(ctx, input.itemId) },
  'meetings.saveItem': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, saveItem(ctx.db, input.itemId, input, ctx.now())) },
  'meetings.draftMinutes': { access: 'admin', run: (input, ctx) => ({ text: draftMinutes(ctx, input.id) }) },
  'meetings.saveMinutes': { access: 'admin', run: (input, ctx) => withRevealedTotals(ctx, saveMinutes(ctx.db, input.id, input.text, ctx.now())) },
  // A rater follows the meeting in progress from their seat.
  'meetings.current': { access: 'rater', own: (input) => ({ periodId: input.periodId }), run: (input, ctx) => currentMeeting(ctx.db, ctx.session, input.periodId) },
  'periods.publish': { access: 'admin', run: (input, ctx) => publishPeriod(ctx, input, actorOf(ctx.session)) },
  'periods.publication': { access: 'admin', run: (input, ctx) => getPublication(ctx.db, input.periodId) },
} satisfies HandlerSlice;
