/** What the assistant says, in the words of a good service hall: clear, warm, exact. */

export const MENU_CHOICES = ['我要投诉', '政策咨询', '办事指南', '转人工'];

export const GREETING =
  '您好！我是政务服务智能客服，7×24 小时为您服务。\n' +
  '我可以帮您：\n' +
  '1. 受理投诉和建议，例如“我要投诉小区周边施工扰民”，我会转交承办部门并告诉您办结时限；\n' +
  '2. 解答政策问题、指引办事流程（正在完善中）。\n' +
  '请直接输入您想办理或咨询的事项。';

export const NOT_UNDERSTOOD =
  '抱歉，这个问题我暂时还不能准确回答。为避免给您错误的信息，建议您换个说法再问一次；' +
  '如需反映问题，请以“我要投诉”开头描述具体情况。';

export const STILL_NOT_UNDERSTOOD =
  '很抱歉，我仍然没能理解您的问题。您可以拨打 12345 政务服务便民热线，由工作人员为您解答。';

export const UNSUPPORTED_MESSAGE = '目前我只能读懂文字消息，请用文字描述您的问题。';

export const CLARIFY = (titles: string[]) =>
  `您想了解的是以下哪一项？请回复序号或直接点选：\n${titles.map((title, index) => `${index + 1}. ${title}`).join('\n')}`;

export const HANDOFF_QUEUED = (ahead: number, isPriority: boolean) =>
  (isPriority ? '已为您优先转接人工客服，请稍候。' : '好的，正在为您转接人工客服，请稍候。') +
  (ahead > 0 ? `您前面还有 ${ahead} 位。` : '') +
  '等待期间您发送的消息，客服接入后都能看到。如不想等待，请回复“取消”。';

export const HANDOFF_STILL_WAITING = (ahead: number) =>
  `人工客服正在接入${ahead > 0 ? `，您前面还有 ${ahead} 位` : ''}。您的消息已记录，请稍候。`;

export const HANDOFF_CANCELLED = '已为您取消转人工。您可以继续向我提问。';

export const AGENT_JOINED = '人工客服已接入，请问有什么可以帮您？';

export const AGENT_RETURNED = '人工客服已结束本次服务，您可以继续向我提问。';

export const AGENT_CLOSED = '本次人工服务已结束，感谢您的耐心。如还有问题，欢迎随时留言。';

export const CANCELLED = '好的，已取消。请问还有什么可以帮您？';

export const LOCATION_RECEIVED = (label?: string) =>
  `已收到您分享的位置${label ? `：${label}` : ''}。如需反映这里的问题，请直接用文字描述，我会一并转交承办部门。`;
