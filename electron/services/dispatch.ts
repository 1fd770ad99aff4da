import type { z } from 'zod';
import { api, isMethodName, type MethodName, type Output } from '../../shared/api';
import { t } from '../../shared/messages';
import type { Result } from '../../shared/result';
import { mayCall } from './access';
import type { ServiceContext } from './context';
import { AppError } from '../errors';
import { BUSY_TIMEOUT_MS, isBusyError, isReadOnlyError } from '../db/sqlite';
import { handlers, type HandlerSpec } from './handlers';
import { assertResultsVisible } from './scoring';
import { periodStatus } from './periods';
import { PERIOD_STATUS_LABELS } from '../../shared/domain/period';
import type { Session } from '../../shared/domain/scoring';

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.map((i) => ({ field: i.path.join('.') || undefined, message: `${i.path.join('.') || '(input)'}: ${i.message}` }));

/** A rater acts only in the period they signed in to, and only on their own sheet. */
function assertOwnScope(session: Session, spec: HandlerSpec<MethodName>, input: never): void {
  if (session.kind !== 'rater' || !spec.own) return;
  const own = spec.own(input);
  if (own.periodId !== session.periodId) throw new AppError('forbidden', t('error.dispatch.otherPeriod'));
  if (own.raterId !== undefined && own.raterId !== session.raterId) throw new AppError('forbidden', t('error.scoring.ownSheetOnly'));
}

/** The call runs only in the phases its handler declares for the caller's role. */
function assertPhase(ctx: ServiceContext, spec: HandlerSpec<MethodName>, input: never): void {
  if (!spec.phases || ctx.session.kind === 'none') return;
  const allowed = spec.phases[ctx.session.kind];
  if (!allowed) return;
  const status = periodStatus(ctx.db, spec.phases.period(input));
  if (!allowed.includes(status)) {
    if (spec.phases.refused) throw new AppError('conflict', spec.phases.refused(status, ctx.session.kind));
    throw new AppError('conflict', t('error.dispatch.wrongPhase', { status: PERIOD_STATUS_LABELS[status], allowed: allowed.map((s) => PERIOD_STATUS_LABELS[s]).join('、') }));
  }
}

/**
 * Applies the handler's declarations (who may call it, blind while scoring,
 * which results it makes stale), parses the input with the method's schema,
 * runs the service, and answers with a value: `{ ok: true, value }` or `{ ok: false, error }`. Nothing thrown
 * inside a service escapes; unexpected failures are logged with their stack
 * and reported to the user in plain words.
 */
export async function dispatch(ctx: ServiceContext, method: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: t('error.unknownMethod', { method: typeof method === 'string' ? method.slice(0, 80) : typeof method }) } };
  }
  const spec = handlers[method] as HandlerSpec<MethodName>;
  if (!mayCall(ctx.session, spec.access)) {
    return {
      ok: false,
      error: { code: 'forbidden', message: t(ctx.session.kind === 'rater' ? 'error.dispatch.raterForbidden' : 'error.dispatch.noSession') },
    };
  }
  const parsed = api[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const details = describeIssues(parsed.error.issues);
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: t('error.invalidInput', { detail: details.map((d) => d.message).join('；') }),
        details,
      },
    };
  }
  try {
    // Files the input names go only where the user chose (grants.ts); refused before anything runs.
    ctx.files.checkInput(api[method].input, parsed.data);
    const input = parsed.data as never;
    assertOwnScope(ctx.session, spec, input);
    assertPhase(ctx, spec, input);
    // Nobody sees the panel's values while the period is being scored.
    const blindPeriod = spec.blind?.(input) ?? null;
    if (blindPeriod !== null) assertResultsVisible(ctx.db, blindPeriod);
    const value: Output<MethodName> = await spec.run(input, ctx);
    if (spec.invalidates) ctx.results.invalidate(spec.invalidates === 'all' ? undefined : spec.invalidates(input));
    const shown = spec.redact && ctx.session.kind !== 'admin' ? spec.redact(value) : value;
    return { ok: true, value: shown ?? null };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toValue() };
    // The database's own guards (triggers) speak in codes; say them in the user's words.
    if (e instanceof Error && e.message.includes('framework_frozen')) {
      return { ok: false, error: { code: 'conflict', message: t('error.dispatch.frameworkFrozen') } };
    }
    if (e instanceof Error && e.message.includes('period_finalised')) {
      return { ok: false, error: { code: 'conflict', message: t('error.dispatch.periodFinalised') } };
    }
    // Another process kept the write lock past the busy timeout: say so; nothing was written.
    if (isBusyError(e)) return { ok: false, error: { code: 'busy', message: t('error.busy', { seconds: BUSY_TIMEOUT_MS / 1000 }) } };
    if (isReadOnlyError(e)) return { ok: false, error: { code: 'read_only', message: t('error.readOnly', { file: ctx.databaseFile }) } };
    if (e instanceof Error && /audit_(append_only|backdated|chain)/.test(e.message)) {
      ctx.log.error(`${method} (audit guard)`, e);
      return { ok: false, error: { code: 'conflict', message: t('error.auditGuard') } };
    }
    // A row the input refers to does not exist. Services check what they reference and name it; this is the second
    // line for a reference one misses, so the user hears what happened instead of "internal" (logged to find the gap).
    if (e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      ctx.log.error(`${method} (foreign key)`, e);
      return { ok: false, error: { code: 'not_found', message: t('error.foreignKey') } };
    }
    ctx.log.error(`${method}`, e);
    return { ok: false, error: { code: 'internal', message: t('error.internal', { log: ctx.log.file }) } };
  }
}
