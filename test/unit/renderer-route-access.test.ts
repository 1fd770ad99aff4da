/**
 * Which screens the shared PC opens for whom (renderer/src/routeAccess):
 * the admin everything, a rater 评分 and the meeting's follow view, nobody-yet
 * only the sign-in screen (评分) — whatever address is typed.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/domain/scoring';
import { LANDING, mayOpen } from '../../renderer/src/routeAccess';

const admin: Session = { kind: 'admin' };
const rater: Session = { kind: 'rater', periodId: 1, raterId: 2, name: '王建国' };
const none: Session = { kind: 'none' };

/** The office's screens, as the router and the sidebar name them (and a few deep links below them). */
const OFFICE = [
  '/',
  '/periods',
  '/periods/3',
  '/framework',
  '/framework/2/edit',
  '/branches',
  '/raters',
  '/raters/1',
  '/data',
  '/results',
  '/results/branch/4',
  '/meetings/7',
  '/present/7',
  '/rectification',
  '/reports',
  '/safety',
  '/no-such-page',
];

describe('mayOpen', () => {
  it('lets the admin open every screen', () => {
    for (const path of [...OFFICE, '/scoring', '/meetings']) expect(mayOpen(admin, path), path).toBe(true);
  });

  it('lets a rater open 评分 (with its sub-addresses) and the meeting follow view, nothing else', () => {
    expect(mayOpen(rater, '/scoring')).toBe(true);
    expect(mayOpen(rater, '/scoring/')).toBe(true);
    expect(mayOpen(rater, '/scoring/anything')).toBe(true);
    expect(mayOpen(rater, '/meetings')).toBe(true);
    expect(mayOpen(rater, '/meetings/')).toBe(true);
    for (const path of OFFICE) expect(mayOpen(rater, path), path).toBe(false);
  });

  it('does not take a look-alike prefix for an allowed screen', () => {
    expect(mayOpen(rater, '/scoringx')).toBe(false);
    expect(mayOpen(rater, '/meetingsx')).toBe(false);
    expect(mayOpen(none, '/scoring-admin')).toBe(false);
  });

  it('lets nobody-yet open only the sign-in screen (评分), not even the follow view', () => {
    expect(mayOpen(none, '/scoring')).toBe(true);
    expect(mayOpen(none, '/meetings')).toBe(false);
    for (const path of OFFICE) expect(mayOpen(none, path), path).toBe(false);
  });

  it('lands refused addresses on a screen every session may open', () => {
    for (const s of [admin, rater, none]) expect(mayOpen(s, LANDING)).toBe(true);
  });
});
