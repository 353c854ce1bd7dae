import { Lang } from '@libs/common/contracts/common-fields';
import { AlertChannel, AlertSubscriptionAction } from './alert-subscription-request';
import { EN_CANCEL_REPLY } from './phrasebook.en';
import { UG_CANCEL_REPLY } from './phrasebook.ug';

/**
 * What the assistant says about alert subscriptions (订阅预警), per language and register, kept beside the flow so
 * the flow holds no user-facing text. Places are given by their official Chinese names; in English and Uyghur after
 * a colon or in quotes, where no suffix has to attach to them.
 */
export interface AlertSubscriptionPhrases {
  /** The words that cancel a subscription, as the citizen is told to write them. */
  readonly unsubscribeWords: string;
  askPlace(canShareLocation: boolean): string;
  askWhich(places: string[]): string;
  askSmaller(province: string): string;
  placeNotRead: string;
  subscribed(place: string, channel: AlertChannel): string;
  subscribedAtLocation(label: string | undefined, channel: AlertChannel): string;
  unsubscribed: string;
  /** On a channel that only answers: where alerts can be subscribed to, or stopped. */
  notOnThisChannel(action: AlertSubscriptionAction): string;
}

const numbered = (items: string[]) => items.map((item, index) => `${index + 1}. ${item}`).join('\n');

const ZH_CANCEL = '取消订阅预警';
const ZH_BY: Record<AlertChannel, string> = { sms: '短信', wxa: '小程序订阅消息', wecom: '企业微信消息' };
/** A mini-program subscribe message is delivered only if the user allowed it in the mini-program itself. */
const ZH_WXA_NOTE = '\n提示：小程序订阅消息需要您在小程序中允许接收预警通知，微信才会送达。';

const zh: AlertSubscriptionPhrases = {
  unsubscribeWords: ZH_CANCEL,
  askPlace: (canShareLocation) =>
    '好的，我来帮您订阅预警信息。请问您想接收哪个区县的预警？请直接回复区县名称，例如“天河区”' +
    (canShareLocation ? '；也可以发送您的位置，我按位置为您订阅。' : '。'),
  askWhich: (places) => `有几个地方叫这个名字，请问您指的是哪一个？请回复序号或直接点选：\n${numbered(places)}`,
  askSmaller: (province) =>
    `${province}范围较大，预警一般按市、区县发布。请告诉我您要订阅的市或区县，例如“广州市”“天河区”。`,
  placeNotRead: '抱歉，没能认出这个地名。请回复区县的名称，例如“天河区”“越秀区”；如不想订阅，回复“取消”。',
  subscribed: (place, channel) =>
    `好的，已为您订阅${place}的预警信息。当地发布暴雨、台风、高温等气象灾害预警或其他突发事件预警时，` +
    `我们会通过${ZH_BY[channel]}及时通知您。\n如需取消，请回复“${ZH_CANCEL}”。` +
    (channel === 'wxa' ? ZH_WXA_NOTE : ''),
  subscribedAtLocation: (label, channel) =>
    `好的，已按您分享的位置${label ? `（${label}）` : ''}为您订阅预警信息。该位置所在区域发布预警时，` +
    `我们会通过${ZH_BY[channel]}及时通知您。\n如需取消，请回复“${ZH_CANCEL}”。` +
    (channel === 'wxa' ? ZH_WXA_NOTE : ''),
  unsubscribed: '好的，已为您取消预警订阅，今后不再向您发送预警信息。如需重新订阅，回复“订阅预警”即可。',
  notOnThisChannel: (action) =>
    action === 'subscribe'
      ? '当前对话渠道只能回复您的消息，不能主动向您推送预警。预警信息通过手机短信和政务服务小程序的订阅消息发送，' +
        '您可以：\n1. 在政务服务小程序中发送“订阅预警”，并允许接收预警通知；\n' +
        '2. 用手机短信向本平台的服务号码发送“订阅预警”。\n遇到紧急情况，请拨打 110、119 或 120。'
      : '当前对话渠道没有预警订阅。如需取消短信预警，请用接收预警的手机向本平台的服务号码发送' +
        `“${ZH_CANCEL}”；小程序的预警订阅，请在小程序中发送“${ZH_CANCEL}”。`,
};

/** For older citizens: short sentences, one thing at a time. */
const zhElder: AlertSubscriptionPhrases = {
  ...zh,
  askPlace: (canShareLocation) =>
    `好的。您想收哪个区的预警？请回复区的名字，比如“天河区”。${canShareLocation ? '也可以发个位置给我。' : ''}`,
  askWhich: (places) => `叫这个名字的地方有几个。您说的是哪一个？请回复数字：\n${numbered(places)}`,
  placeNotRead: '对不起，我没认出这个地方。请回复区的名字，比如“天河区”。不想订了，回复“取消”。',
  subscribed: (place, channel) =>
    `好了，已为您订阅${place}的预警。有预警时，会用${ZH_BY[channel]}告诉您。\n不想要了，回复“${ZH_CANCEL}”。` +
    (channel === 'wxa' ? ZH_WXA_NOTE : ''),
  subscribedAtLocation: (label, channel) =>
    `好了，已按您发的位置${label ? `（${label}）` : ''}订阅预警。有预警时，会用${ZH_BY[channel]}告诉您。\n` +
    `不想要了，回复“${ZH_CANCEL}”。` +
    (channel === 'wxa' ? ZH_WXA_NOTE : ''),
  unsubscribed: '好了，预警已经退订，以后不再给您发。想再订，回复“订阅预警”。',
};

const EN_CANCEL = 'unsubscribe from alerts';
const EN_BY: Record<AlertChannel, string> = {
  sms: 'text message',
  wxa: 'a mini-program subscription message',
  wecom: 'a WeCom message',
};
const EN_WXA_NOTE =
  '\nNote: WeChat delivers mini-program subscription messages only if you allowed alert notifications in the mini-program.';

const en: AlertSubscriptionPhrases = {
  unsubscribeWords: EN_CANCEL,
  askPlace: (canShareLocation) =>
    "All right, I'll subscribe you to alerts. For which district would you like to receive them? Reply with its " +
    `name, e.g. “天河区” (Tianhe District)${canShareLocation ? ', or share your location and I will use that' : ''}.`,
  askWhich: (places) =>
    `Several places have that name. Which one do you mean? Reply with a number or tap one:\n${numbered(places)}`,
  askSmaller: (province) =>
    `“${province}” is large, and alerts are issued for cities and districts. Please tell me the city or district, ` +
    'e.g. “广州市” or “天河区”.',
  placeNotRead:
    'Sorry, I could not recognise that place. Please reply with the name of the district, e.g. “天河区”; ' +
    `to stop, reply “${EN_CANCEL_REPLY}”.`,
  subscribed: (place, channel) =>
    `Done: you are subscribed to alerts for “${place}”. When a warning is issued there (rainstorm, typhoon, heat or ` +
    `another emergency), we will tell you by ${EN_BY[channel]}.\nTo stop, reply “${EN_CANCEL}”.` +
    (channel === 'wxa' ? EN_WXA_NOTE : ''),
  subscribedAtLocation: (label, channel) =>
    `Done: you are subscribed to alerts for the location you shared${label ? ` (${label})` : ''}. When a warning ` +
    `is issued for that area, we will tell you by ${EN_BY[channel]}.\nTo stop, reply “${EN_CANCEL}”.` +
    (channel === 'wxa' ? EN_WXA_NOTE : ''),
  unsubscribed:
    'Done: your alert subscription is cancelled and you will receive no more alerts. To subscribe again, ' +
    'reply “subscribe to alerts”.',
  notOnThisChannel: (action) =>
    action === 'subscribe'
      ? 'This chat can only answer your messages; it cannot send you alerts. Alerts go out by text message and as ' +
        'subscription messages of the government service mini-program. You can:\n' +
        '1. send “订阅预警” in the mini-program and allow alert notifications;\n' +
        '2. text “订阅预警” from your mobile phone to our service number.\n' +
        'In an emergency, call 110 (police), 119 (fire) or 120 (ambulance).'
      : 'There is no alert subscription on this chat. To stop alerts by text message, text “取消订阅预警” from the ' +
        'phone that receives them to our service number; in the mini-program, send “取消订阅预警” there.',
};

const UG_CANCEL = 'ئالدىن ئاگاھلاندۇرۇش مۇشتەرىلىكىنى بىكار قىلىش';
const UG_BY: Record<AlertChannel, string> = {
  sms: 'قىسقا ئۇچۇر',
  wxa: 'كىچىك پروگراممىنىڭ مۇشتەرى ئۇچۇرى',
  wecom: 'كارخانا ۋېيشىن ئۇچۇرى',
};
const UG_WXA_NOTE =
  '\nئەسكەرتىش: كىچىك پروگراممىدا ئالدىن ئاگاھلاندۇرۇش ئۇقتۇرۇشىنى قوبۇل قىلىشقا رۇخسەت قىلغان بولسىڭىزلا، ۋېيشىن ئۇنى يەتكۈزىدۇ.';

const ug: AlertSubscriptionPhrases = {
  unsubscribeWords: UG_CANCEL,
  askPlace: (canShareLocation) =>
    'بولىدۇ، سىزنى ئالدىن ئاگاھلاندۇرۇشقا مۇشتەرى قىلىپ قوياي. قايسى ناھىيە ياكى رايوننىڭ ئالدىن ئاگاھلاندۇرۇشىنى ' +
    `تاپشۇرۇۋالماقچىسىز؟ نامىنى يېزىڭ، مەسىلەن: 天河区${canShareLocation ? '؛ ياكى ئورنىڭىزنى ئەۋەتىڭ.' : '.'}`,
  askWhich: (places) =>
    `بۇ نامدا بىرنەچچە جاي بار. قايسىسىنى دېمەكچىسىز؟ نومۇرنى يېزىڭ ياكى بىرنى تاللاڭ:\n${numbered(places)}`,
  askSmaller: (province) =>
    `بۇ ئۆلكە دائىرىسى چوڭ: ${province}. ئالدىن ئاگاھلاندۇرۇش شەھەر ۋە ناھىيە بويىچە ئېلان قىلىنىدۇ. ` +
    'شەھەر ياكى ناھىيەنىڭ نامىنى يېزىڭ، مەسىلەن: 天河区',
  placeNotRead:
    'كەچۈرۈڭ، بۇ جاي نامىنى تونۇيالمىدىم. ناھىيە ياكى رايوننىڭ نامىنى يېزىڭ، مەسىلەن: 天河区. ' +
    `مۇشتەرى بولمىسىڭىز، «${UG_CANCEL_REPLY}» دەپ يېزىڭ.`,
  subscribed: (place, channel) =>
    `بولدى، تۆۋەندىكى جاينىڭ ئالدىن ئاگاھلاندۇرۇشىغا مۇشتەرى بولدىڭىز: ${place}. ` +
    `ئۇ يەردە ئالدىن ئاگاھلاندۇرۇش ئېلان قىلىنسا، ${UG_BY[channel]} ئارقىلىق ۋاقتىدا ئۇقتۇرىمىز.\n` +
    `بىكار قىلماقچى بولسىڭىز، «${UG_CANCEL}» دەپ يېزىڭ.` +
    (channel === 'wxa' ? UG_WXA_NOTE : ''),
  subscribedAtLocation: (label, channel) =>
    `بولدى، سىز ئەۋەتكەن ئورۇن بويىچە ئالدىن ئاگاھلاندۇرۇشقا مۇشتەرى بولدىڭىز${label ? `: ${label}` : ''}. ` +
    `بۇ رايونغا ئالدىن ئاگاھلاندۇرۇش ئېلان قىلىنسا، ${UG_BY[channel]} ئارقىلىق ۋاقتىدا ئۇقتۇرىمىز.\n` +
    `بىكار قىلماقچى بولسىڭىز، «${UG_CANCEL}» دەپ يېزىڭ.` +
    (channel === 'wxa' ? UG_WXA_NOTE : ''),
  unsubscribed: 'بولدى، ئالدىن ئاگاھلاندۇرۇش مۇشتەرىلىكىڭىز بىكار قىلىندى، بۇنىڭدىن كېيىن ئەۋەتىلمەيدۇ.',
  notOnThisChannel: (action) =>
    action === 'subscribe'
      ? 'بۇ سۆھبەت پەقەت ئۇچۇرىڭىزغا جاۋاب بېرەلەيدۇ، ئالدىن ئاگاھلاندۇرۇشنى ئۆزلۈكىدىن ئەۋەتەلمەيدۇ. ' +
        'ئالدىن ئاگاھلاندۇرۇش قىسقا ئۇچۇر ۋە ھۆكۈمەت ئىشلىرى كىچىك پروگراممىسىنىڭ مۇشتەرى ئۇچۇرى ئارقىلىق ئەۋەتىلىدۇ:\n' +
        '1. كىچىك پروگراممىدا «订阅预警» دەپ يېزىپ، ئۇقتۇرۇشقا رۇخسەت قىلىڭ؛\n' +
        '2. يانفونىڭىزدىن مۇلازىمەت نومۇرىمىزغا «订阅预警» دەپ قىسقا ئۇچۇر ئەۋەتىڭ.\n' +
        'جىددىي ئەھۋالدا تېلېفون قىلىڭ: 110 (ساقچى)، 119 (ئوت ئۆچۈرۈش)، 120 (قۇتقۇزۇش).'
      : 'بۇ سۆھبەتتە ئالدىن ئاگاھلاندۇرۇش مۇشتەرىلىكى يوق. قىسقا ئۇچۇر مۇشتەرىلىكىنى بىكار قىلىش ئۈچۈن، ' +
        'ئۇچۇر تاپشۇرۇۋالىدىغان يانفوندىن مۇلازىمەت نومۇرىمىزغا «取消订阅预警» دەپ ئەۋەتىڭ.',
};

const BY_LANG: Record<Lang, { plain: AlertSubscriptionPhrases; elder: AlertSubscriptionPhrases }> = {
  zh: { plain: zh, elder: zhElder },
  en: { plain: en, elder: en },
  ug: { plain: ug, elder: ug },
};

/** The phrases for a citizen: their language, and elder mode (Chinese only so far) when they are older. */
export function alertSubscriptionPhrasesFor(lang: Lang, isElderMode: boolean): AlertSubscriptionPhrases {
  const phrases = BY_LANG[lang];
  return isElderMode ? phrases.elder : phrases.plain;
}
