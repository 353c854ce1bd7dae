import { Lang } from '@libs/common/contracts/common-fields';
import { enDayName, zhDayName } from '@libs/common/time/day-names';

/** A reminder as the citizen is told it is set. */
export interface ReminderConfirmation {
  /** The day the citizen named, and the day the reminder goes out (the day before, for a deadline). */
  date: string;
  remindOn: string;
  subject: string;
  /** The web chat shows a reminder only when the citizen opens the conversation again. */
  isWebChat: boolean;
}

/**
 * What the assistant says about dated reminders (办事提醒), per language and register, kept beside the flow so the
 * flow holds no user-facing text. The time is always said with its zone: a citizen abroad or in Xinjiang (which
 * often lives by UTC+6) must not read 9点 as their own clock.
 */
export interface ReminderPhrases {
  readonly cancelWords: string;
  /** Said when the subject is not in the message nor in the last answer. */
  readonly defaultSubject: string;
  askDate: string;
  dateNotRead: string;
  past(date: string): string;
  tooFar(date: string): string;
  confirmed(reminder: ReminderConfirmation): string;
  cancelled: string;
}

const ZH_CANCEL = '取消提醒';

const zh: ReminderPhrases = {
  cancelWords: ZH_CANCEL,
  defaultSubject: '您设置的办事事项',
  askDate: '好的，我来帮您设置提醒。请问需要在哪一天提醒您？例如“6月30日前”“下周五”。',
  dateNotRead: '抱歉，没能认出日期，这次没有设置提醒。需要时请再说一次，例如“6月30日前提醒我办理个税年度汇算”。',
  past: (date) => `${zhDayName(date)}已经过去，无法设置提醒。请告诉我今天以后的日期。`,
  tooFar: (date) => `${zhDayName(date)}距今超过一年，暂时只能设置一年以内的提醒。请临近时再来设置。`,
  confirmed: ({ date, remindOn, subject, isWebChat }) =>
    `好的，已为您设置提醒：我会在${zhDayName(remindOn)}上午9点（北京时间）在这里提醒您“${subject}”` +
    (remindOn === date ? '。' : `，截止日期是${zhDayName(date)}。`) +
    (isWebChat ? '如果那时您没有打开本对话，提醒会在您下次打开时显示。' : '') +
    `\n如需取消，请回复“${ZH_CANCEL}”。`,
  cancelled: '好的，已取消您在本对话中设置的办事提醒，到时不会再发送。',
};

/** For older citizens: short sentences, one thing at a time. */
const zhElder: ReminderPhrases = {
  ...zh,
  askDate: '好的。哪一天提醒您？比如“6月30日”。',
  dateNotRead: '没看懂日期。提醒没有设置。可以再说一次，比如“6月30日提醒我”。',
  confirmed: ({ remindOn, subject }) =>
    `好的，记下了。${zhDayName(remindOn)}上午9点，我在这里提醒您：${subject}。\n不要了，就回复“${ZH_CANCEL}”。`,
  cancelled: '好的，提醒已取消。',
};

const EN_CANCEL = 'cancel reminder';

const en: ReminderPhrases = {
  cancelWords: EN_CANCEL,
  defaultSubject: 'the matter you asked about',
  askDate: 'Sure, I can set a reminder. On which day should I remind you? For example "2027-06-30".',
  dateNotRead:
    'Sorry, I could not read the date, so no reminder was set. Please ask again with a date, e.g. ' +
    '"remind me to hand in the documents on 2027-06-29".',
  past: (date) => `${enDayName(date)} has already passed, so I cannot set a reminder. Please give me a later date.`,
  tooFar: (date) => `${enDayName(date)} is more than a year away; reminders can be set up to a year ahead.`,
  confirmed: ({ date, remindOn, subject, isWebChat }) =>
    `Done: I will remind you here on ${enDayName(remindOn)} at 9:00 (Beijing time) about "${subject}"` +
    (remindOn === date ? '.' : `; the deadline is ${enDayName(date)}.`) +
    (isWebChat ? ' If this chat is not open then, you will see it when you come back.' : '') +
    `\nTo cancel, reply "${EN_CANCEL}".`,
  cancelled: 'Done: the reminders you set in this conversation are cancelled and will not be sent.',
};

const UG_CANCEL = 'ئەسكەرتىشنى بىكار قىلىش';

const ug: ReminderPhrases = {
  cancelWords: UG_CANCEL,
  defaultSubject: 'سىز سورىغان ئىش',
  askDate: 'بولىدۇ. قايسى كۈنى ئەسكەرتەي؟ مەسىلەن: 2027-06-30',
  dateNotRead: 'كەچۈرۈڭ، چېسلانى چۈشەنمىدىم، ئەسكەرتىش تەڭشەلمىدى. چېسلا بىلەن قايتا يېزىڭ، مەسىلەن: 2027-06-30',
  past: (date) => `${date} ئۆتۈپ كەتتى، ئەسكەرتىش تەڭشىگىلى بولمايدۇ. بۈگۈندىن كېيىنكى چېسلانى يېزىڭ.`,
  tooFar: (date) => `${date} بىر يىلدىن ئېشىپ كەتتى؛ پەقەت بىر يىل ئىچىدىكى ئەسكەرتىشنى تەڭشىگىلى بولىدۇ.`,
  confirmed: ({ date, remindOn, subject }) =>
    `بولىدۇ، ئەسكەرتىش تەڭشەلدى: ${remindOn} سائەت 9:00 دە (بېيجىڭ ۋاقتى) بۇ يەردە «${subject}» نى ئەسكەرتىمەن` +
    (remindOn === date ? '.' : `؛ ئاخىرقى مۇددەت: ${date}.`) +
    `\nبىكار قىلماقچى بولسىڭىز «${UG_CANCEL}» دەپ يېزىڭ.`,
  cancelled: 'بولىدۇ، بۇ سۆھبەتتە تەڭشىگەن ئەسكەرتىشلەر بىكار قىلىندى.',
};

const BY_LANG: Record<Lang, { plain: ReminderPhrases; elder: ReminderPhrases }> = {
  zh: { plain: zh, elder: zhElder },
  en: { plain: en, elder: en },
  ug: { plain: ug, elder: ug },
};

/** The phrases for a citizen: their language, and elder mode (Chinese only so far) when they are older. */
export function reminderPhrasesFor(lang: Lang, isElderMode: boolean): ReminderPhrases {
  const phrases = BY_LANG[lang];
  return isElderMode ? phrases.elder : phrases.plain;
}
