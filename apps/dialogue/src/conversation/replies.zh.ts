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

export const HANDOFF_NOT_AVAILABLE =
  '人工坐席暂未接入此渠道。您可以拨打 12345 政务服务便民热线（工作人员 7×24 小时接听），或继续向我描述您的问题。';

export const UNSUPPORTED_MESSAGE = '目前我只能读懂文字消息，请用文字描述您的问题。';

export const CLARIFY = (titles: string[]) =>
  `您想了解的是以下哪一项？请回复序号或直接点选：\n${titles.map((title, index) => `${index + 1}. ${title}`).join('\n')}`;
