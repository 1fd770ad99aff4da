/** Messages of signing in on the shared PC: PINs, the wait after wrong tries, idle sign-out (part of the one catalogue). */
export const signInMessages = {
  'error.session.locked': 'PIN 码已连续输错 {failures} 次。为防止猜测，{wait}内不再接受任何 PIN 码（包括正确的），请稍后再试',
  'error.session.pinWrongLocked': 'PIN 码不正确。已连续输错 {failures} 次，{wait}内不再接受任何 PIN 码',
  'error.session.pinWrongLeft': 'PIN 码不正确，再错 {left} 次将暂停登录',
  'error.dispatch.otherPeriod': '您是另一个考核周期的评委，不能查看或修改本周期的内容。请切换身份',
  'error.dispatch.wrongPhase': '本周期现在是“{status}”阶段，这项操作只能在“{allowed}”阶段进行',
  // The presenter view at the 评审会: who the room may see
  'settings.presenterNames': '演示视图显示评委姓名',
  'settings.presenterNames.switch': '在投影的演示视图中列出评委姓名',
  'settings.presenterNames.help': '默认不显示：投影上只出现“评委1、评委2……”和分差，评委姓名只在主持人自己的会议页面上显示。评审组同意公开时再打开。',
  'presenter.anonymousRater': '评委{n}',
  'signin.wait.seconds': '{n} 秒',
  'signin.wait.minutes': '{n} 分钟',
  'signin.wait.minutesSeconds': '{m} 分 {s} 秒',
  'audit.signin.actor': '登录界面',
  'audit.signin.adminWrong': '管理员 PIN 码错误（连续第 {failures} 次）',
  'audit.signin.raterWrong': '评委 {name} 的 PIN 码错误（连续第 {failures} 次）',
  'audit.signin.lockedFor': '{action}，暂停登录 {wait}',
} as const;
