/**
 * A first, keyword-based reading of a citizen's message: enough for the walking skeleton to greet, take a complaint
 * and admit what it cannot answer. The trained classifier (issue 4) replaces it; until then confidence is a rough
 * fixed figure per rule, not a calibrated probability.
 */
export type FirstIntent =
  'greeting' | 'complaint' | 'handoff' | 'calculate_tax' | 'check_eligibility' | 'cancel' | 'unknown';

export interface Understanding {
  intent: FirstIntent;
  confidence: number;
  /** For complaints: the top-level category (the label set of the citizen-message data). */
  category?: string;
}

const GREETING = /^(你好|您好|hi|hello|hey|在吗|在不在|菜单|帮助|开始|喂)[\s!！。.,，~～?？]*$/i;
const CANCEL = /^(取消|重新开始|重来|算了|不用了|不问了|不等了|不要人工)/;
const TAX =
  /(少缴|少交|能省|省多少|算一?算|计算|测算|交多少|缴多少).{0,6}(个税|税)|(个税|个人所得税).{0,8}(少缴|少交|能省|算一?算|计算|测算)/;
const ELIGIBILITY =
  /(我|我们|我家|我们家).{0,10}(能不能|能否|可不可以|可以|是否|符合|够不够|有没有资格|能).{0,8}(申请|条件|资格)/;
const HANDOFF = /(转?人工|真人|客服人员|坐席)/;
const COMPLAINT = /(投诉|举报|扰民|反映|噪音|噪声|污染|欠薪|拖欠|乱收费|违规|违法|脏乱|不作为)/;

/** First match wins; the order puts the specific before the general. Unmatched complaints go to the 12345 desk. */
const CATEGORY_KEYWORDS: Array<[category: string, pattern: RegExp]> = [
  ['劳动和社会保障', /(工资|欠薪|社保|养老金|医保|失业|劳动合同|加班|退休)/],
  ['环境保护', /(噪音|噪声|污染|排污|废气|油烟|异味|粉尘|垃圾焚烧)/],
  ['城乡建设', /(施工|工地|拆迁|物业|小区|供水|停水|停电|路灯|违建|房屋|住房)/],
  ['交通运输', /(公交|出租车|网约车|道路|红绿灯|停车|地铁|交通)/],
  ['教育文体', /(学校|老师|教师|招生|学位|幼儿园|培训机构|体育)/],
  ['卫生计生', /(医院|医生|诊所|疫苗|药店|卫生|计生)/],
  ['商贸旅游', /(商家|商店|消费|退款|假货|传销|诈骗|景区|旅游|市场)/],
];

export const UNCATEGORISED = '其他';

export function understand(text: string): Understanding {
  const normalised = text.trim();
  if (GREETING.test(normalised)) return { intent: 'greeting', confidence: 0.95 };
  if (CANCEL.test(normalised)) return { intent: 'cancel', confidence: 0.9 };
  if (HANDOFF.test(normalised)) return { intent: 'handoff', confidence: 0.9 };
  if (TAX.test(normalised)) return { intent: 'calculate_tax', confidence: 0.8 };
  if (ELIGIBILITY.test(normalised)) return { intent: 'check_eligibility', confidence: 0.8 };
  if (COMPLAINT.test(normalised)) {
    const match = CATEGORY_KEYWORDS.find(([, pattern]) => pattern.test(normalised));
    return { intent: 'complaint', confidence: 0.8, category: match?.[0] ?? UNCATEGORISED };
  }
  return { intent: 'unknown', confidence: 0 };
}
