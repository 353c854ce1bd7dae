import type { Cue } from './text-features';

function cue(name: string, pattern: RegExp): Cue {
  return { name, pattern };
}

/**
 * Cue words of the intents, as extra features: with a few dozen examples per intent the model cannot learn every
 * way of asking "how do I" or "can I", but it can learn what a cue is worth. Patterns run on normalised text
 * (half-width, lower case). They are written into the model file at training, so serving uses exactly these.
 */
export const INTENT_CUES: readonly Cue[] = [
  cue(
    'greet',
    /^(你好|您好|你们好|大家好|hi|hello|hey|哈喽|嗨|在吗|在么|在嘛|在不在|有人吗|有人在|早上好|上午好|中午好|下午好|晚上好|早安|喂|ياخشى|سالام|ئەسسالام)/u,
  ),
  cue('thanks', /(谢谢|感谢|多谢|谢了|辛苦|麻烦你了|thank|رەھمەت|ساغ بول)/u),
  cue('goodbye', /(再见|拜拜|回见|下次见|bye|see you|^88$|خەير خوش)/u),
  cue('acknowledge', /^(好的?|好嘞|行吧?|嗯+|ok|收到|明白|知道了|了解了?|懂了|可以了?|妥了)/u),
  cue(
    'person',
    /(人工|真人|工作人员|客服|坐席|负责人|领导|找个人|找人|叫人|human|agent|person|staff|supervisor|خادىم|ئادەم)/u,
  ),
  cue(
    'cancel',
    /(取消|算了|算啦|不用了|不要了|不办了|不问了|重新|重来|从头|返回|退出|撤销|撤回|放弃|终止|中止|清空|重置|cancel|start over|never mind|forget it|reset|quit|exit|stop|go back)/u,
  ),
  cue(
    'progress',
    /(进展|进度|工单|处理得?怎么样|处理了(吗|没)|结果|办结|办好了|有人管|回复|催|到哪|状态|下文|审核到|批了|status|update|follow up|handled)/u,
  ),
  cue('ticket_number', /([a-z]{1,4}\d{6,}|\d{8,})/u),
  cue(
    'complaint',
    /(投诉|举报|反映|扰民|拖欠|欠薪|不给|不管|没人管|不作为|太吵|吵得|乱收费|污染|太臭|脏|坏了|漏水|假货|complain|report|broken|noisy|dumping)/u,
  ),
  cue('subscribe', /(订阅|提醒|推送|预警|通知我|(了|时|时候|的话|就)告诉我|alert|remind|notif|subscribe)/u),
  cue(
    'how_to',
    /(怎么办|怎么弄|怎么申请|怎么操作|怎么填|如何|办理|流程|材料|手续|在哪|哪里|去哪|哪个窗口|窗口|预约|要带|带什么|需要什么|how (do|to|can)|where|what do i need)/u,
  ),
  cue(
    'what_rule',
    /(多少|标准|比例|是什么|有哪些|什么政策|政策|规定|几年|多久|多长|有没有|what is|what are|rules?|policy)/u,
  ),
  cue(
    'can_i',
    /(我能|我可以|我还能|能不能|可不可以|可以.*吗|符合|够不够|够.*条件|资格|算不算|eligible|qualif|can i|am i)/u,
  ),
  cue('about_me', /(我是|我家|我有|我在|我今年|我们家|俺|我老|我爸|我妈|我孩子|我的情况|i am|i'm|my )/u),
  cue('tax', /(个税|税|所得税|扣除|汇算|tax)/u),
  cue('calculate', /(算一?下|算算|帮我算|计算|多少税|交多少|扣多少|到手|税后|税前|calculat|take-home|how much)/u),
  cue(
    'amount',
    /(\d+(\.\d+)?\s*(万|千|k|元|块)|\d{4,}|[一二两三四五六七八九十]+(万|千)|[一二两三四五六七八九十百千]+块)/u,
  ),
  cue(
    'chit_chat',
    /(天气|笑话|唱歌|唱首|电影|彩票|股票|写一首|写首|诗|减肥|游戏|故事|好吃|吃饭了|男朋友|女朋友|几点|joke|weather|poem|movie|music|football)/u,
  ),
  cue(
    'instruction',
    /(忽略|ignore|system|prompt|提示词|指令|<script|select |drop table|developer mode|扮演|\{\{|配置文件)/u,
  ),
];
