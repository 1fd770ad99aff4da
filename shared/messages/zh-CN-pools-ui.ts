/**
 * The screens of 扣分池（扣完为止）and 加分上限（本部分）(issue 11 §2): the two controls of the framework
 * editor, the tags of the framework tree, and the pool / section-cap sentences of the results drawer
 * (part of the one catalogue).
 */
export const poolsUiMessages = {
  // Framework editor
  'fw.pool.label': '扣分池（扣完为止）',
  'fw.pool.help': '下级指标为 0 分的扣分项，从本指标分值中扣减，扣完为止',
  'fw.pool.innerNode': '“{name}”是扣分池：下级扣分项各为 0 分，每次扣分从本指标的 {max} 分中扣减，扣完为止。',
  'fw.pool.childPoints': '属于扣分池“{pool}”：本项不计分，分值为 0，扣分从扣分池的 {max} 分中扣减',
  'fw.bonusCap.label': '加分上限（本部分）',
  'fw.bonusCap.help': '本部分（含下级）加分合计最多计多少分，再计入考核周期的加分上限；留空表示不设',
  'fw.bonusCap.invalid': '本部分加分上限应为 0～1000 的数，或留空',
  // Framework tree
  'fw.pool.tag': '扣分池',
  'fw.pool.tagTip': '扣分池（扣完为止）：下级扣分项从本指标 {max} 分中扣减，扣完为止',
  'fw.pool.sum': '扣完为止',
  'fw.pool.sumTip': '扣分池的下级扣分项各为 0 分，不按分值合计',
  'fw.pool.rate': '−{points}/次',
  'fw.pool.rateTip': '扣分池内的扣分项，本身不计分：每次扣 {points} 分，从“{pool}”的 {max} 分中扣减',
  'fw.bonusCap.tag': '加分上限 {cap}',
  'fw.bonusCap.tagTip': '本部分加分最多不超过 {cap} 分',

  // Results drawer
  'results.pool.floored': '本部分 {max} 分，扣 {deducted} 分，扣完为止 → 0 分',
  'results.pool.working': '本部分 {max} 分，扣 {deducted} 分：{max} − {deducted} = {points} 分',
  'results.pool.none': '本部分 {max} 分，未扣分 → {max} 分',
  'results.pool.tag': '扣分池',
  'results.pool.rule': '扣分池“{pool}”的扣分项：每发生 1 次扣 {per} 分，从本部分 {max} 分中扣减，扣完为止',
  'results.pool.cellValue': '本项扣 {value} 分（从扣分池中扣减）',
  'results.pool.childMax': '扣分池内的扣分项，本身不计分',
  'results.bonusCap.capped': '加分 {raw} 分，本部分上限 {cap} 分 → {cap} 分',
  'results.bonusCap.within': '加分 {raw} 分（本部分上限 {cap} 分）',
  'results.bonusCap.sections': '加分项合计 {raw}，按各部分上限计 {sections}',
  'results.bonusCap.sectionsCaption': '，按各部分上限计 {sections}',
  'results.bonusCap.periodCapped': '，超过总上限 {cap}，按 {cap} 计',
  'results.bonusCap.periodWithin': '（总上限 {cap}）',
  'results.bonusCap.periodNone': '（不设总上限）',
} as const;
