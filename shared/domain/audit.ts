/**
 * Words the audit log writes that are also data: the actor names recorded
 * for the admin and for the app itself (electron/db writes the latter in its
 * own rows, the services the former), and the value shown instead of a score
 * while a period is blind, which the audit screen recognises. Here, in
 * shared/, so the database layer, the services and the renderer name them
 * once. The text comes from the catalogue; an actor name is stored in every
 * audit row it acted in (and hashed into the chain with the row), so
 * rewording it would split one actor into two in the log — don't.
 */
import { t } from '../messages';

/** The audit log's actor column for the admin and for the app itself (rows written without a signed-in person). */
export const AUDIT_ACTOR_NAMES = { admin: t('audit.actor.admin'), system: t('audit.actor.system') } as const;

/** What the audit log shows in place of a score's old or new value while the period is 准备中 or 评分中. */
export const AUDIT_HIDDEN_VALUE = t('audit.hiddenValue');
