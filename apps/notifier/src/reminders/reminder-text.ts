import { Lang } from '@libs/common/contracts/common-fields';
import { enDayName, zhDayName } from '@libs/common/time/day-names';

export interface ReminderToSay {
  subject: string;
  /** The day the citizen named (YYYY-MM-DD); for a deadline the reminder comes the day before. */
  date: string;
  lang: Lang;
  elderMode: boolean;
}

/**
 * The reminder as the citizen reads it in their conversation, in their language: what they asked to be reminded of,
 * the day they named, and what to do if it is already done. It goes back into the conversation, so a question in
 * reply reaches the assistant as any other message.
 */
export function reminderText(reminder: ReminderToSay): string {
  const { subject, date } = reminder;
  switch (reminder.lang) {
    case 'en':
      return (
        `Reminder: you asked me to remind you about "${subject}" (date: ${enDayName(date)}). ` +
        'If it is already done, please ignore this message; if you have a question, ask me here.'
      );
    case 'ug':
      return (
        `ئەسكەرتىش: سىز «${subject}» نى ئەسكەرتىشنى تەلەپ قىلغان ئىدىڭىز (چېسلا: ${date}). ` +
        'بېجىرىپ بولغان بولسىڭىز، بۇ ئۇچۇرغا پەرۋا قىلماڭ؛ سوئالىڭىز بولسا بۇ يەردە سوراڭ.'
      );
    case 'zh':
      return reminder.elderMode
        ? `【办事提醒】您让我提醒您：${subject}。日期是${zhDayName(date)}。办好了就不用管这条消息。`
        : `【办事提醒】您好，这是您设置的提醒：${subject}，日期为${zhDayName(date)}。` +
            '如已办理，请忽略本消息；如有疑问，可以直接在这里问我。';
  }
}
