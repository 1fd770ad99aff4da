/**
 * The built-in framework template 党建业务一体化考评: one indicator tree on
 * which a plant's Party committee scores its Party branches for Party-building
 * and production/business work together.
 *
 * Where the structure comes from:
 *  - the seven first-level dimensions are the unified evaluation framework of
 *    seed 003 §4.3 (政治建设、组织建设、党员作用、任务完成、服务质量、创新成效、
 *    风险防控); 任务完成 carries the 目标协同 targets (§3.1, scored from imported
 *    business data) and the task list and living ledger (§4.1); 党员作用 carries
 *    the 示范岗/责任区 posts and the member points ledger (§4.2, seed 002 §三.2);
 *  - the "党建+安全生产 / 技术创新 / 人才培育 / 环保" models of the chemical and
 *    energy plants in seeds 000–002 become `fusion` items;
 *  - seed 004 gives the 双挂钩 principle (Party and production results in one
 *    score), the per-occurrence deductions in the style of its 13类党建考核细则
 *    (missed 三会一课, late Party dues …), and the 一票否决 items, here a veto
 *    dimension with maxPoints 0.
 *
 * Points: the seven base dimensions total 100 (tags: party 34, business 29,
 * fusion 37); 加分项 is counted outside the base and capped by the period's
 * bonus cap. Checked by test/unit/template.test.ts.
 */
import type { FrameworkDraft, IndicatorDraft } from '../framework';

type Method = NonNullable<IndicatorDraft['method']>;

const rating = (): Method => ({ kind: 'rating', step: 0.5 });
const level = (): Method => ({
  kind: 'level',
  levels: [
    { label: '好', fraction: 1 },
    { label: '较好', fraction: 0.8 },
    { label: '一般', fraction: 0.6 },
    { label: '差', fraction: 0 },
  ],
});
const deduction = (perOccurrence: number): Method => ({ kind: 'deduction', perOccurrence });
const higher = (floorRatio: number, excessCap = 0): Method => ({ kind: 'quantitative', direction: 'higher', floorRatio, excessCap });
const lower = (floorRatio: number, excessCap = 0): Method => ({ kind: 'quantitative', direction: 'lower', floorRatio, excessCap });
const bonus = (perItem: number): Method => ({ kind: 'bonus', perItem });
const veto = (capGrade: string | null = null): Method => ({ kind: 'veto', capGrade });

export const UNIFIED_TEMPLATE: FrameworkDraft = {
  name: '党建业务一体化考评',
  description:
    '按政治建设、组织建设、党员作用、任务完成、服务质量、创新成效、风险防控七个维度，把党建工作与生产经营工作纳入同一套指标体系，党建、业务、融合分别计分。另设加分项和一票否决项，实行党建与生产经营“双挂钩”考评。',
  indicators: [
    {
      code: '1',
      name: '政治建设',
      criteria: '考核支部把方向、管大局、保落实的情况：理论武装、贯彻上级决策部署、意识形态、党风廉政，以及党建与生产经营同研究同部署。',
      evidence: '见各项指标',
      tag: 'party',
      maxPoints: 13,
      method: null,
      children: [
        {
          code: '1.1',
          name: '理论学习',
          criteria:
            '支部每月至少组织1次集中理论学习（含“第一议题”学习及上级重要会议、文件精神），全年不少于12次。每缺1次扣0.5分；有学习无记录、无研讨发言的视同未开展；扣完为止。',
          evidence: '学习计划、会议记录、签到表、研讨发言材料、照片',
          tag: 'party',
          maxPoints: 3,
          method: deduction(0.5),
        },
        {
          code: '1.2',
          name: '贯彻上级决策部署',
          criteria:
            '上级党委重要部署和会议精神在规定时限内传达，并结合本单位生产经营制定落实措施。传达及时、措施具体、有跟踪反馈的得3分；传达及时但措施笼统的得1.5–2.5分；传达不及时或无落实措施的得0–1分。',
          evidence: '传达学习记录、落实措施清单、督办反馈单',
          tag: 'party',
          maxPoints: 3,
          method: rating(),
        },
        {
          code: '1.3',
          name: '意识形态与思想政治工作',
          criteria:
            '好：落实意识形态工作责任制，每半年至少开展1次职工思想动态分析并有针对性措施，宣传阵地和网络群组管理规范，装置改造、岗位调整、工艺变更前做好思想工作；较好：上述工作均已开展，但分析研判或措施不够深入；一般：工作不经常、记录不全；差：未开展思想动态分析或阵地管理出现问题。',
          evidence: '思想动态分析报告、意识形态工作记录、宣传阵地及网络群组管理台账',
          tag: 'party',
          maxPoints: 3,
          method: level(),
        },
        {
          code: '1.4',
          name: '党风廉政建设',
          criteria:
            '支部书记履行“一岗双责”，开展廉洁风险点排查和廉洁教育。支部党员每发生1起违反中央八项规定精神问题或受到党纪政务处分（未达一票否决情形）扣1分；廉洁风险点未排查或防控措施未落实的扣1分；扣完为止。',
          evidence: '廉洁风险防控台账、廉洁教育记录、纪检部门通报',
          tag: 'party',
          maxPoints: 2,
          method: deduction(1),
        },
        {
          code: '1.5',
          name: '党建与生产经营同研究同部署',
          criteria:
            '年度党建工作计划与生产经营计划同步制定；支委会每季度至少专题研究1次生产经营、安全环保重点工作。每缺1个季度扣0.5分；年度计划未同步制定扣0.5分；扣完为止。',
          evidence: '支委会会议记录、年度党建工作计划与生产经营计划',
          tag: 'fusion',
          maxPoints: 2,
          method: deduction(0.5),
        },
      ],
    },
    {
      code: '2',
      name: '组织建设',
      criteria: '考核支部组织生活、党员队伍、党费、班子和基础工作的规范化水平，按党内制度要求逐项扣分或评分。',
      evidence: '见各项指标',
      tag: 'party',
      maxPoints: 16,
      method: null,
      children: [
        {
          code: '2.1',
          name: '“三会一课”',
          criteria: '按《中国共产党支部工作条例（试行）》落实“三会一课”制度，议题应结合本单位安全生产和重点任务。',
          evidence: '见各项指标',
          tag: 'party',
          maxPoints: 6,
          method: null,
          children: [
            {
              code: '2.1.1',
              name: '支部党员大会',
              criteria: '每季度至少召开1次。每缺1次扣0.5分；会议记录不全（无议题、无决议或无签到）每次扣0.5分；扣完为止。',
              evidence: '会议记录、签到表、照片',
              tag: 'party',
              maxPoints: 1.5,
              method: deduction(0.5),
            },
            {
              code: '2.1.2',
              name: '支部委员会',
              criteria: '每月至少召开1次，研究党建和生产经营重点工作。每缺1次扣0.5分；会议记录不全每次扣0.5分；扣完为止。',
              evidence: '会议记录、签到表',
              tag: 'party',
              maxPoints: 1.5,
              method: deduction(0.5),
            },
            {
              code: '2.1.3',
              name: '党小组会',
              criteria: '每个党小组每月至少召开1次，倒班班组可按轮班安排。每缺1次扣0.5分；扣完为止。',
              evidence: '党小组会议记录、签到表',
              tag: 'party',
              maxPoints: 1.5,
              method: deduction(0.5),
            },
            {
              code: '2.1.4',
              name: '党课与主题党日',
              criteria:
                '每季度至少上1次党课，支部书记每年至少讲1次；每月开展1次主题党日。每缺1次扣0.5分；主题党日与生产实际脱节、流于形式的每次扣0.5分；扣完为止。',
              evidence: '党课讲稿、主题党日方案及记录、签到表、照片',
              tag: 'party',
              maxPoints: 1.5,
              method: deduction(0.5),
            },
          ],
        },
        {
          code: '2.2',
          name: '组织生活会与民主评议党员',
          criteria:
            '每年至少召开1次组织生活会并开展民主评议党员。会前学习、谈心谈话、查摆问题、批评与自我批评、整改清单、评议结果运用等环节每缺1项扣0.5分；未按期召开的按4次计；扣完为止。',
          evidence: '会议方案、谈心谈话记录、对照检查材料、民主评议表、整改清单',
          tag: 'party',
          maxPoints: 2,
          method: deduction(0.5),
        },
        {
          code: '2.3',
          name: '党费收缴',
          criteria: '按月足额收缴党费，交纳基数按标准核定。每发现1人次迟交、少交、欠交扣0.5分；党费台账不清或未按期公示每次扣0.5分；扣完为止。',
          evidence: '党费收缴台账、交纳凭证、公示记录',
          tag: 'party',
          maxPoints: 1.5,
          method: deduction(0.5),
        },
        {
          code: '2.4',
          name: '党员发展与教育培训',
          criteria:
            '按年度计划发展党员，程序规范、材料齐全，注重在一线班组和技术骨干中发展（1分）；党员年度集中学习培训不少于32学时，“学习强国”“国资e学”等线上学习有记录（1分）；流动党员、退休党员管理到位（0.5分）。按实际情况评分。',
          evidence: '发展党员档案、培训计划及签到表、学时统计、党员名册',
          tag: 'party',
          maxPoints: 2.5,
          method: rating(),
        },
        {
          code: '2.5',
          name: '支部班子与基础工作',
          criteria:
            '好：支委配齐、按期换届，书记抓党建述职评议为“好”；党员名册、会议记录、党费、积分等台账齐全规范，党员信息系统及时维护，活动阵地符合标准；较好：上述工作基本到位，台账有个别不规范；一般：班子不齐或超期未换届但已报批，台账缺项较多；差：班子长期不齐、超期未换届，或基础台账缺失。',
          evidence: '换届选举材料、述职评议结果、党建工作台账、党员信息系统截图',
          tag: 'party',
          maxPoints: 4,
          method: level(),
        },
      ],
    },
    {
      code: '3',
      name: '党员作用',
      criteria: '考核党员在岗位、责任区和重点任务中发挥先锋模范作用的情况，依据岗位承诺、过程纪实、积分评价和结果公示。',
      evidence: '见各项指标',
      tag: 'fusion',
      maxPoints: 14,
      method: null,
      children: [
        {
          code: '3.1',
          name: '党员岗区建设',
          criteria: '围绕装置运行、设备检修、质量控制等重点难点环节设立党员示范岗、攻坚岗和党员责任区。',
          evidence: '见各项指标',
          tag: 'fusion',
          maxPoints: 5.5,
          method: null,
          children: [
            {
              code: '3.1.1',
              name: '党员示范岗',
              criteria:
                '好：示范岗（攻坚岗）紧扣关键岗位和关键流程设置，职责和承诺公开，每季度有践诺纪实，年底承诺全部兑现；较好：设岗合理、有承诺和纪实，个别承诺未兑现；一般：只挂牌定责，纪实缺失较多；差：未设岗或流于挂牌。',
              evidence: '设岗定责清单、承诺书、践诺纪实表、公示照片',
              tag: 'fusion',
              maxPoints: 3,
              method: level(),
            },
            {
              code: '3.1.2',
              name: '党员责任区',
              criteria:
                '责任区覆盖主要生产区域（0.5分）；区内安全、设备、质量、节能等指标全部完成（1.5分，每有1项未完成扣0.5分）；有定期巡查记录（0.5分）。',
              evidence: '责任区划分图、责任区指标及完成情况、巡查记录',
              tag: 'fusion',
              maxPoints: 2.5,
              method: rating(),
            },
          ],
        },
        {
          code: '3.2',
          name: '党员积分管理',
          criteria:
            '按模范作用发挥、教育管理、素质提升、业务职责落实四类计分，按月记分、季度公示、年度运用。积分制度健全（1分）；记分及时准确、业务职责落实有事实依据（1分）；结果公示并运用于评优评先（1分）。',
          evidence: '党员积分细则、积分台账、公示截图、评优评先材料',
          tag: 'party',
          maxPoints: 3,
          method: rating(),
        },
        {
          code: '3.3',
          name: '党建+人才培育',
          criteria:
            '开展“双培养”（把生产经营骨干培养成党员、把党员培养成骨干）、党员师带徒、技能比武。有计划、有结对协议（1分）；徒弟取证或技能等级晋升、党员在技能比武中获奖（1分）；年内将技术骨干列为入党积极分子或党员成长为班组长及以上骨干（0.5分）。',
          evidence: '“双培养”计划、师带徒协议、取证及比武获奖证明',
          tag: 'fusion',
          maxPoints: 2.5,
          method: rating(),
        },
        {
          code: '3.4',
          name: '党员身边“三无”',
          criteria:
            '党员身边无违章、无事故、无隐患。党员本人每被查出1起违章，或其责任区内每发生1起生产事件、每有1项责任性隐患未按期整改，扣0.5分；扣完为止。',
          evidence: '安全检查记录、违章通报、隐患整改台账',
          tag: 'fusion',
          maxPoints: 3,
          method: deduction(0.5),
        },
      ],
    },
    {
      code: '4',
      name: '任务完成',
      criteria: '落实目标协同机制：党建目标与生产经营目标同表编制，量化指标按年度目标值和导入的业务数据计分；重点任务按任务清单考核完成情况。',
      evidence: '见各项指标',
      tag: 'business',
      maxPoints: 20,
      method: null,
      children: [
        {
          code: '4.1',
          name: '目标协同指标',
          criteria: '目标值在考核周期开始时按支部所在单位分解下达，实际值从生产、设备、质量、财务报表导入，按评分规则线性计分。',
          evidence: '目标责任书、业务数据导入表',
          tag: 'business',
          maxPoints: 13,
          method: null,
          children: [
            {
              code: '4.1.1',
              name: '生产任务完成率',
              criteria:
                '以年度生产计划（产量、加工量或发电量）为目标值。实际≥目标得满分，超出部分按同一斜率加分，最多加本项分值的10%；实际≤目标的80%得0分；其间按比例计分。',
              evidence: '生产月报、调度统计报表',
              tag: 'business',
              maxPoints: 4.5,
              method: higher(0.8, 0.1),
            },
            {
              code: '4.1.2',
              name: '单位产品综合能耗',
              criteria: '以年度能耗目标（千克标煤/吨产品或供电煤耗）为目标值，越低越好。实际≤目标得满分；实际≥目标的110%得0分；其间按比例计分。',
              evidence: '能源计量统计报表、能耗月报',
              tag: 'business',
              maxPoints: 2.5,
              method: lower(1.1),
            },
            {
              code: '4.1.3',
              name: '主要设备完好率',
              criteria: '以主要设备完好率目标（一般为98%）为目标值。实际≥目标得满分；实际≤目标的95%得0分；其间按比例计分。',
              evidence: '设备完好率统计表、设备管理月报',
              tag: 'business',
              maxPoints: 2,
              method: higher(0.95),
            },
            {
              code: '4.1.4',
              name: '产品质量合格率',
              criteria: '以产品出厂质量合格率目标为目标值。实际≥目标得满分；实际≤目标的97%得0分；其间按比例计分。',
              evidence: '质量检验统计报表、质量月报',
              tag: 'business',
              maxPoints: 2,
              method: higher(0.97),
            },
            {
              code: '4.1.5',
              name: '可控成本费用',
              criteria: '以年度可控成本费用预算为目标值，越低越好。实际≤预算得满分；实际≥预算的110%得0分；其间按比例计分。',
              evidence: '财务成本报表、预算执行分析',
              tag: 'business',
              maxPoints: 2,
              method: lower(1.1),
            },
          ],
        },
        {
          code: '4.2',
          name: '融合任务清单',
          criteria: '按“任务清单+责任人+考核标准”考核党建与业务重点任务的部署、推进和完成情况。',
          evidence: '见各项指标',
          tag: 'fusion',
          maxPoints: 7,
          method: null,
          children: [
            {
              code: '4.2.1',
              name: '清单编制与同步部署',
              criteria:
                '好：党建计划与业务计划同表编制、同会研究，清单的目标任务、推进措施、责任主体、协同部门、成果形式、风险提示、反馈要求和时间节点齐全，每项党建任务都有对应的业务场景；较好：要素基本齐全，个别任务与业务结合不紧；一般：要素缺项较多或未同会研究；差：未编制清单或只罗列事项。',
              evidence: '年度任务清单、支委会研究记录',
              tag: 'fusion',
              maxPoints: 2.5,
              method: level(),
            },
            {
              code: '4.2.2',
              name: '清单任务按期完成',
              criteria: '清单任务到期未完成或未达到完成标准的，每项扣0.5分；经党委同意调整的不扣分；扣完为止。',
              evidence: '任务清单完成情况、验收销号记录',
              tag: 'fusion',
              maxPoints: 3,
              method: deduction(0.5),
            },
            {
              code: '4.2.3',
              name: '动态台账管理',
              criteria: '动态台账每月更新进度，标注滞后事项、堵点和整改要求。每发现1次未按月更新，或滞后事项未标注、未跟进，扣0.5分；扣完为止。',
              evidence: '动态台账、月度推进会记录',
              tag: 'fusion',
              maxPoints: 1.5,
              method: deduction(0.5),
            },
          ],
        },
      ],
    },
    {
      code: '5',
      name: '服务质量',
      criteria: '考核支部服务生产一线、下游工序和内外部用户的质量与效能，以及党组织服务职工群众的成效。',
      evidence: '见各项指标',
      tag: 'business',
      maxPoints: 10,
      method: null,
      children: [
        {
          code: '5.1',
          name: '用户满意度',
          criteria: '以内外部用户（下游工序、客户或供电用户）满意度测评目标分值为目标值。实际≥目标得满分；实际≤目标的80%得0分；其间按比例计分。',
          evidence: '用户满意度测评结果、第三方调查报告',
          tag: 'business',
          maxPoints: 3,
          method: higher(0.8),
        },
        {
          code: '5.2',
          name: '服务投诉',
          criteria: '因服务质量、交付延误或响应不及时被内外部用户有效投诉，经核实每起扣1分；扣完为止。',
          evidence: '投诉登记及处理记录、核查结论',
          tag: 'business',
          maxPoints: 2,
          method: deduction(1),
        },
        {
          code: '5.3',
          name: '我为群众办实事',
          criteria:
            '好：建立职工诉求清单，围绕作业环境、倒班生活、后勤保障等难点办实事，按期办结率100%并反馈公示；较好：按期办结率不低于90%；一般：有清单但办结率不足90%或未反馈；差：未建立清单或未办理。',
          evidence: '办实事清单、办结反馈记录、职工评价',
          tag: 'fusion',
          maxPoints: 3,
          method: level(),
        },
        {
          code: '5.4',
          name: '党支部工作满意度',
          criteria: '以党员群众对支部工作的民主测评满意率目标（一般为90%）为目标值。实际≥目标得满分；实际≤目标的70%得0分；其间按比例计分。',
          evidence: '民主测评表及统计结果',
          tag: 'party',
          maxPoints: 2,
          method: higher(0.7),
        },
      ],
    },
    {
      code: '6',
      name: '创新成效',
      criteria: '考核“党建+技术创新”成效：党员攻关项目、合理化建议、创新创效和党建工作创新。',
      evidence: '见各项指标',
      tag: 'fusion',
      maxPoints: 12,
      method: null,
      children: [
        {
          code: '6.1',
          name: '党员创新攻关项目',
          criteria:
            '按“立项—计划—执行—验收—总结”考核党员攻关组、突击队和“揭榜挂帅”项目：围绕工艺优化、节能减排、质量提升立项并明确党员负责人（1分）；按节点推进、有过程记录（1.5分）；通过验收（1.5分）；形成可推广的成果、标准或操作法（1分）。',
          evidence: '立项书、项目进度记录、验收报告、成果材料',
          tag: 'fusion',
          maxPoints: 5,
          method: rating(),
        },
        {
          code: '6.2',
          name: '合理化建议与小改小革',
          criteria:
            '以年度合理化建议（含小改小革）被采纳条数目标为目标值，党员带头提出。实际≥目标得满分，超出部分按同一斜率加分，最多加本项分值的10%；实际≤目标的50%得0分；其间按比例计分。',
          evidence: '合理化建议登记表、采纳通知',
          tag: 'fusion',
          maxPoints: 2,
          method: higher(0.5, 0.1),
        },
        {
          code: '6.3',
          name: '创新创效',
          criteria:
            '以年度创新创效目标（经财务确认的降本增效金额，万元）为目标值。实际≥目标得满分，超出部分按同一斜率加分，最多加本项分值的10%；实际≤目标的50%得0分；其间按比例计分。',
          evidence: '创效核算表、财务确认单',
          tag: 'business',
          maxPoints: 3,
          method: higher(0.5, 0.1),
        },
        {
          code: '6.4',
          name: '党建工作品牌',
          criteria:
            '好：形成与本单位业务特点结合的支部党建品牌（“一支部一品牌”），有载体、有制度、有成效；较好：品牌已提出并运行，成效初显；一般：有名称无载体；差：未开展。',
          evidence: '品牌创建方案、工作记录、成效材料',
          tag: 'party',
          maxPoints: 2,
          method: level(),
        },
      ],
    },
    {
      code: '7',
      name: '风险防控',
      criteria: '考核“党建+安全生产”“党建+环保”和问题整改：安全环保结果与党员在隐患排查、环保监督中的作用同步考核。',
      evidence: '见各项指标',
      tag: 'fusion',
      maxPoints: 15,
      method: null,
      children: [
        {
          code: '7.1',
          name: '党建+安全生产',
          criteria: '党政主要负责人同为安全第一责任人，安全生产结果与党员在安全管理中的作用同步考核。',
          evidence: '见各项指标',
          tag: 'fusion',
          maxPoints: 8,
          method: null,
          children: [
            {
              code: '7.1.1',
              name: '党员安全责任区与隐患排查',
              criteria:
                '设立党员安全责任区、安全监督岗（0.5分）；支部书记每月带队开展隐患排查，党员带头查隐患、反违章（1.5分，每缺1个月扣0.5分）；排查出的隐患按期整改闭环（1分）。',
              evidence: '党员安全责任区台账、隐患排查记录、整改闭环单',
              tag: 'fusion',
              maxPoints: 3,
              method: rating(),
            },
            {
              code: '7.1.2',
              name: '安全事故事件',
              criteria:
                '发生轻伤及以上人身伤害、火灾、泄漏、非计划停车或设备非计划停运等一般及以下生产安全事故事件（重大及以上适用一票否决），每起扣1分；被公司级及以上检查通报严重违章，每起扣1分；扣完为止。',
              evidence: '事故事件报告、安全检查通报',
              tag: 'business',
              maxPoints: 3,
              method: deduction(1),
            },
            {
              code: '7.1.3',
              name: '安全培训与应急演练',
              criteria: '按计划开展全员安全培训，每季度至少1次应急演练。每缺1次培训或演练扣0.5分；特种作业人员无证上岗每人次扣0.5分；扣完为止。',
              evidence: '培训记录、演练方案及评估报告、持证台账',
              tag: 'business',
              maxPoints: 2,
              method: deduction(0.5),
            },
          ],
        },
        {
          code: '7.2',
          name: '党建+环保',
          criteria: '环保合规结果与党员环保监督作用同步考核。',
          evidence: '见各项指标',
          tag: 'fusion',
          maxPoints: 5,
          method: null,
          children: [
            {
              code: '7.2.1',
              name: '环保合规',
              criteria: '发生污染物超标排放、危险废物处置不规范、环保设施非正常停运等问题，或被环保部门、上级检查通报，每起扣1分；扣完为止。',
              evidence: '在线监测数据、环保检查通报、危险废物台账',
              tag: 'business',
              maxPoints: 3,
              method: deduction(1),
            },
            {
              code: '7.2.2',
              name: '党员环保监督岗',
              criteria:
                '好：设立党员环保监督岗，定期巡查排放口和“跑冒滴漏”，发现问题及时处置，节能减排有量化成效；较好：监督岗运行正常，成效一般；一般：有设岗、无巡查记录；差：未设立。',
              evidence: '监督岗设置文件、巡查记录、问题处置单',
              tag: 'fusion',
              maxPoints: 2,
              method: level(),
            },
          ],
        },
        {
          code: '7.3',
          name: '问题整改闭环',
          criteria: '上级巡察、审计、安全环保检查发现的问题，以及上一考核周期整改清单中的事项，每1项未按期整改销号扣0.5分；扣完为止。',
          evidence: '整改清单、整改报告、销号记录',
          tag: 'fusion',
          maxPoints: 2,
          method: deduction(0.5),
        },
      ],
    },
    {
      code: '8',
      name: '加分项',
      criteria: '在基础分100分之外加分，加分合计不超过考核周期设定的加分上限（默认5分）；同一事项按最高一项加分，不重复计分。',
      evidence: '见各项指标',
      tag: 'fusion',
      maxPoints: 7,
      method: null,
      children: [
        {
          code: '8.1',
          name: '上级表彰',
          criteria: '支部或党员获公司级及以上党委、政府授予的先进基层党组织、优秀共产党员、劳动模范等荣誉，每项加1分；本项最多加2分。',
          evidence: '表彰文件、荣誉证书',
          tag: 'party',
          maxPoints: 2,
          method: bonus(1),
        },
        {
          code: '8.2',
          name: '技术创新成果与专利',
          criteria: '获授权专利、公司级及以上科技进步奖或QC成果奖、主持制定技术标准，每项加0.5分；本项最多加2分。',
          evidence: '专利证书、获奖证书、标准发布文件',
          tag: 'business',
          maxPoints: 2,
          method: bonus(0.5),
        },
        {
          code: '8.3',
          name: '党建品牌与经验推广',
          criteria: '党建工作经验或融合案例被上级党委发文推广，或在公司级及以上会议交流、媒体刊发，每项加1分；本项最多加2分。',
          evidence: '推广文件、交流材料、刊发截图',
          tag: 'party',
          maxPoints: 2,
          method: bonus(1),
        },
        {
          code: '8.4',
          name: '合理化建议被采纳',
          criteria: '合理化建议被公司级采纳实施并产生经济效益的，每条加0.5分；本项最多加1分。',
          evidence: '采纳通知、效益核算',
          tag: 'fusion',
          maxPoints: 1,
          method: bonus(0.5),
        },
      ],
    },
    {
      code: '9',
      name: '一票否决',
      criteria: '触发任一项的，当期考核等次不得高于该项规定的等次（未注明的定为最低等次），得分照常显示，排在未被否决的支部之后。',
      evidence: '见各项指标',
      tag: 'fusion',
      maxPoints: 0,
      method: null,
      children: [
        {
          code: '9.1',
          name: '重大及以上安全生产责任事故',
          criteria: '考核周期内支部所在单位发生经认定负有责任的重大及以上生产安全事故的，一票否决，等次定为最低等次。',
          evidence: '事故调查报告、上级认定文件',
          tag: 'business',
          maxPoints: 0,
          method: veto(),
        },
        {
          code: '9.2',
          name: '重大环境污染事件',
          criteria: '考核周期内支部所在单位发生经认定负有责任的重大及以上突发环境事件的，一票否决，等次定为最低等次。',
          evidence: '环境事件调查报告、生态环境部门通报',
          tag: 'business',
          maxPoints: 0,
          method: veto(),
        },
        {
          code: '9.3',
          name: '未完成年度主要生产经营指标',
          criteria: '支部所在单位未完成年度主要生产经营指标（产量或发电量、利润或成本控制），且经党委认定无不可抗拒客观原因的，等次最高为“一般”。',
          evidence: '年度生产经营指标完成情况表、党委认定意见',
          tag: 'business',
          maxPoints: 0,
          method: veto('一般'),
        },
        {
          code: '9.4',
          name: '班子成员严重违纪违法',
          criteria: '支部班子成员受到撤销党内职务及以上党纪处分，或被依法追究刑事责任的，一票否决，等次定为最低等次。',
          evidence: '纪检监察机关处分决定、司法文书',
          tag: 'party',
          maxPoints: 0,
          method: veto(),
        },
        {
          code: '9.5',
          name: '群体性事件或意识形态责任事故',
          criteria: '发生造成恶劣影响的群体性事件、越级集体上访，或发生意识形态责任事故的，一票否决，等次定为最低等次。',
          evidence: '上级通报、事件调查处理材料',
          tag: 'party',
          maxPoints: 0,
          method: veto(),
        },
      ],
    },
  ],
};
