/**
 * What the grid does with a pasted block's plan (pastePlan.ts): a clean
 * positional paste of enterable rows saves at once; anything matched by
 * code, run past rows a rater does not enter, or with refused cells is shown
 * cell by cell — leaf × branch ← value, refused ones with why — and saved
 * only when the rater says so. Nothing is ever saved in part without asking.
 */
import { App } from 'antd';
import { t } from '../../../../shared/messages';
import type { PastePlan } from './pastePlan';

/** Lines listed at most (a whole workbook pasted is thousands of cells): the rest are counted. */
const LIST_MAX = 300;

/** The grid's onPaste: `onClosed` gives the keyboard back to the grid; `keep` lets the page close its dialogs when it goes. */
export function usePasteConfirm(onClosed: () => void, keep: (dialog: { destroy: () => void }) => void = () => undefined) {
  const { modal, message } = App.useApp();
  return (plan: PastePlan, save: () => void) => {
    const count = plan.changes.length;
    const drafts = plan.landings.filter((l) => l.draft).length;
    const saved = () => void message.success(t(drafts ? 'scoring.paste.doneDrafts' : 'scoring.paste.done', { count, drafts }));
    if (!plan.confirm) {
      if (!count) return;
      save();
      return saved();
    }
    const notes = [
      plan.byCode.rows ? t('scoring.paste.note.rowsByCode') : null,
      plan.byCode.columns ? t('scoring.paste.note.columnsByCode') : null,
      plan.skipped.length ? t('scoring.paste.note.skipped', { rows: plan.skipped.join('、') }) : null,
      plan.notApplicable ? t('scoring.paste.note.notApplicable', { count: plan.notApplicable }) : null,
    ].filter((n): n is string => n !== null);
    const content = (
      <div data-testid="paste-confirm">
        {notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
        {count ? (
          <>
            <p>{t('scoring.paste.landingsHead', { count })}</p>
            <ul className="rp-paste-landings" data-testid="paste-landings">
              {plan.landings.slice(0, LIST_MAX).map((l, i) => (
                <li key={i} className={l.draft ? 'is-draft' : undefined}>
                  {t(l.draft ? 'scoring.paste.landingDraft' : 'scoring.paste.landing', { leaf: l.leaf, branch: l.branch, text: l.text })}
                </li>
              ))}
              {count > LIST_MAX ? <li>{t('scoring.paste.more', { count: count - LIST_MAX })}</li> : null}
            </ul>
          </>
        ) : null}
        {plan.problems.length ? (
          <>
            <p>{t('scoring.paste.refusedHead', { count: plan.problems.length })}</p>
            <ul className="rp-paste-landings" data-testid="paste-problems">
              {plan.problems.slice(0, LIST_MAX).map((p, i) => (
                <li key={i} className="is-refused">
                  {t('scoring.paste.problem', { ...p })}
                </li>
              ))}
              {plan.problems.length > LIST_MAX ? <li>{t('scoring.paste.more', { count: plan.problems.length - LIST_MAX })}</li> : null}
            </ul>
          </>
        ) : null}
      </div>
    );
    if (!count) {
      keep(modal.warning({ title: t('scoring.paste.nothingTitle', { count: plan.problems.length + plan.notApplicable }), width: 680, content, afterClose: onClosed }));
      return;
    }
    keep(modal.confirm({
      title: t('scoring.paste.confirmTitle', { count }),
      width: 680,
      okText: t('scoring.paste.ok', { count }),
      cancelText: t('scoring.paste.cancel'),
      content,
      onOk: () => {
        save();
        saved();
      },
      afterClose: onClosed,
    }));
  };
}
