import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { formatYuan } from '../calculators/money';
import { Simulation } from '../calculators/policy-simulation';
import { TaxFacts } from '../tax/tax-facts-from-slots';
import { Phrasebook } from './phrasebook';

const dateInChina = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

const numbered = (items: string[]) => items.map((item, index) => `${index + 1}. ${item}`).join('\n');

/** The assistant in the words of a good service hall: clear, warm, exact. */
export const zh: Phrasebook = {
  lang: 'zh',
  isElderMode: false,
  menuChoices: ['我要投诉', '政策咨询', '办事指南', '转人工'],
  greeting:
    '您好！我是政务服务智能客服，7×24 小时为您服务。\n' +
    '我可以帮您：\n' +
    '1. 受理投诉和建议，例如“我要投诉小区周边施工扰民”，我会转交承办部门并告诉您办结时限；\n' +
    '2. 解答政策问题，例如“孩子上小学个税能扣多少”；\n' +
    '3. 指引办事流程和材料清单，例如“新生儿怎么上户口”；\n' +
    '4. 帮您算个税、自查公租房等申请资格。\n' +
    '请直接输入您想办理或咨询的事项。',
  notUnderstood:
    '抱歉，这个问题我暂时还不能准确回答。为避免给您错误的信息，建议您换个说法再问一次；' +
    '如需反映问题，请以“我要投诉”开头描述具体情况。',
  unsupportedMessage: '目前我只能读懂文字消息，请用文字描述您的问题。',
  cancelled: '好的，已取消。请问还有什么可以帮您？',
  clarify: (titles) => `您想了解的是以下哪一项？请回复序号或直接点选：\n${numbered(titles)}`,
  locationReceived: (label) =>
    `已收到您分享的位置${label ? `：${label}` : ''}。如需反映这里的问题，请直接用文字描述，我会一并转交承办部门。`,
  askPolicyTopic: '请问您想了解哪方面的政策？例如：个税专项附加扣除、公租房申请条件、低保、灵活就业人员参保。',
  askServiceTopic: '请问您想办理什么事项？例如：新生儿落户、营业执照、二手房过户、企业年报、社保查询。',
  askComplaintDetails:
    '好的，请您描述一下具体情况：发生了什么问题、在哪里（区、街道或小区）、什么时间。我会转交承办部门办理。',
  handoffQueued: (ahead, isPriority) =>
    (isPriority ? '已为您优先转接人工客服，请稍候。' : '好的，正在为您转接人工客服，请稍候。') +
    (ahead > 0 ? `您前面还有 ${ahead} 位。` : '') +
    '等待期间您发送的消息，客服接入后都能看到。如不想等待，请回复“取消”。',
  handoffStillWaiting: (ahead) =>
    `人工客服正在接入${ahead > 0 ? `，您前面还有 ${ahead} 位` : ''}。您的消息已记录，请稍候。`,
  handoffCancelled: '已为您取消转人工。您可以继续向我提问。',
  agentJoined: '人工客服已接入，请问有什么可以帮您？',
  agentReturned: '人工客服已结束本次服务，您可以继续向我提问。',
  agentClosed: '本次人工服务已结束，感谢您的耐心。如还有问题，欢迎随时留言。',
  askMonthlyIncome: '好的，我帮您算一算。请问您每月税前工资大约多少元？（例如：15000）',
  incomeNotRead: '抱歉，我没能看懂这个金额。请直接回复每月税前工资的数字，例如 15000；如不想继续，回复“取消”。',
  taxSaving: taxSavingText,
  ticketCreated: (ticket) =>
    `您反映的问题已转交${ticket.departmentName}办理，工单号：${ticket.ticketNo}。\n` +
    `承办单位将在${deadline(ticket)}办结并答复您。请记下工单号，以便查询办理进展。`,
  ticketProgress: (tickets) =>
    tickets.length === 0
      ? '在本次对话中还没有查到您提交的工单。如果工单是通过其他渠道提交的，请拨打 12345 查询进展。'
      : tickets
          .map(
            (ticket) =>
              `工单 ${ticket.ticketNo}：已转交${ticket.departmentName}，${STATUS[ticket.status] ?? '办理中'}。` +
              `受理时间 ${dateInChina.format(new Date(ticket.acceptedAt))}，` +
              `应在${deadline(ticket)}办结。`,
          )
          .join('\n'),
  ticketSignedFor: (ticket) => `您的工单 ${ticket.ticketNo} 已由${ticket.departmentName}签收，正在办理。`,
  ticketConcluded: (ticket, reply) =>
    `您的工单 ${ticket.ticketNo} 已办结。${ticket.departmentName}的答复如下：\n${reply}`,
  ticketExtended: (ticket) =>
    `您的工单 ${ticket.ticketNo} 经审批延期办理，${ticket.departmentName}将在${deadline(ticket)}办结并答复您。`,
  ticketRedispatched: (ticket) =>
    `您的工单 ${ticket.ticketNo} 已改派${ticket.departmentName}办理，将在${deadline(ticket)}办结并答复您。`,
  ticketReopened: (ticket) =>
    `收到您的评价。工单 ${ticket.ticketNo} 已退回${ticket.departmentName}重新办理，将在${deadline(ticket)}再次答复您。`,
  homeVisitArranged: (visit) =>
    `${visit.community}的网格员将于${chineseDay(visit.visitDate)}上门为您服务（工单 ${visit.ticketNo}）。` +
    `请提前准备好：${visit.materials.join('、')}。如时间不便，请直接回复告诉我们。`,
  homeVisitDone: (visit) => `${visit.community}的网格员已完成上门服务（工单 ${visit.ticketNo}）。感谢您的配合！`,
  ratingChoices: ['非常满意', '满意', '基本满意', '不满意', '非常不满意'],
  askRating:
    '请您对这次办理结果进行评价（回复序号或直接点选）：\n1. 非常满意\n2. 满意\n3. 基本满意\n4. 不满意\n5. 非常不满意',
  ratingNotRead: '请回复 1 到 5 的序号进行评价；如不想评价，回复“取消”。',
  ratingThanks: '感谢您的评价！您的意见我们会认真对待。',
  thanks: '不客气！还有其他问题，随时找我。',
  remindersNotOpen:
    '政策更新提醒暂未开通，开通后会在这里告诉您。办事截止日期可以设置提醒，例如回复“下周五提醒我去交材料”。' +
    '如需接收暴雨、台风等预警信息，请回复“订阅预警”。' +
    '遇到紧急情况，请拨打 110、119 或 120。',
  officialTextInChinese: '',
};

/** Work-order states as the citizen is told them. */
const STATUS: Record<string, string> = {
  created: '已受理，正在派单',
  assigned: '已派单，等待承办单位签收',
  accepted: '承办单位已签收',
  in_progress: '承办单位正在办理',
  returned: '正在重新派单',
  resolved: '已办结',
  revisited: '已回访',
  closed: '已办结归档',
};

/** For older citizens: short sentences, one thing at a time, numbered choices, no jargon. */
export const zhElder: Phrasebook = {
  ...zh,
  isElderMode: true,
  menuChoices: ['我要投诉', '问政策', '问办事', '找人工'],
  greeting:
    '您好！我是政务服务小助手。\n' +
    '请回复数字，或者直接说您的事：\n' +
    '1. 我要投诉\n2. 问政策\n3. 问办事\n4. 找人工',
  notUnderstood: '对不起，这个问题我答不准。您可以换个说法再问；也可以回复“人工”，请工作人员帮您。',
  clarify: (titles) => `您问的是哪一个？请回复数字：\n${numbered(titles)}`,
  askComplaintDetails: '好的，请您说一说：什么事？在哪里？什么时候？',
  handoffQueued: (ahead, isPriority) =>
    `${isPriority ? '已优先为您' : '正在为您'}请工作人员，请稍等。${ahead > 0 ? `前面还有 ${ahead} 位。` : ''}`,
  handoffStillWaiting: () => '工作人员马上就来，请稍等。您说的话，他们都能看到。',
  askMonthlyIncome: '好的，我帮您算。请问您每月工资大概多少钱？直接回复数字就行，比如 5000。',
  ticketCreated: (ticket) =>
    `您反映的问题已交给${ticket.departmentName}办理。\n工单号：${ticket.ticketNo}\n` + `${deadline(ticket)}给您答复。`,
};

/** 2026-12-03 → 12月3日 */
function chineseDay(isoDate: string): string {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${month}月${day}日`;
}

function deadline(ticket: Pick<TicketCreatedV1, 'dueAt' | 'workingDays'>): string {
  return ticket.dueAt
    ? `${ticket.workingDays}个工作日内（${dateInChina.format(new Date(ticket.dueAt))}前）`
    : `${ticket.workingDays}个工作日内`;
}

/**
 * The simulation as the citizen reads it: each deduction and what it saves a year, the total, then the basis and
 * every assumption made where they said nothing, and where the real figure comes from.
 */
function taxSavingText(simulation: Simulation, facts: TaxFacts): string {
  const lines: string[] = [];
  if (simulation.deductions.length === 0) {
    lines.push(
      `按您说的情况（月收入 ${formatYuan(simulation.annualIncome / 12)} 元），暂时没有可以享受的专项附加扣除。`,
      '如果您有子女上学、赡养60岁以上父母、租房或还首套房贷、继续教育等情况，告诉我，我再帮您算。',
    );
  } else {
    lines.push(`按${simulation.standards.basis}的标准测算：`);
    for (const deduction of simulation.deductions) {
      const monthly = deduction.monthlyAmount === null ? '' : `每月 ${formatYuan(deduction.monthlyAmount)} 元，`;
      lines.push(
        `· ${deduction.name}：${monthly}全年 ${formatYuan(deduction.yearlyAmount)} 元，可少缴个税 ${formatYuan(deduction.yearlySaving)} 元`,
      );
    }
    lines.push(
      `合计：全年可少缴个人所得税 ${formatYuan(simulation.total.yearlySaving)} 元` +
        `（不扣除时全年个税 ${formatYuan(simulation.taxWithoutDeductions.tax)} 元，扣除后 ${formatYuan(simulation.taxWithDeductions.tax)} 元）。`,
    );
  }
  lines.push('', `测算假设：${taxAssumptions(facts).join('；')}。`, '实际金额以个人所得税App填报和年度汇算为准。');
  return lines.join('\n');
}

function taxAssumptions(facts: TaxFacts): string[] {
  return [
    `月收入 ${facts.monthlyIncome} 元为税前工资，全年每月相同`,
    '未扣除三险一金（告诉我每月缴纳多少，可以算得更准）',
    ...(facts.children.length > 0 ? ['子女扣除由您一方按100%扣除'] : []),
    ...(facts.parentsOver60 && !facts.isOnlyChild ? ['赡养老人按非独生子女、每月分摊1,500元计算'] : []),
    ...(facts.monthlyRent !== undefined ? ['租房在广州，按省会城市标准每月1,500元计算'] : []),
  ];
}
