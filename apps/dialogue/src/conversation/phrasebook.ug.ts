import { chinaDate, endOfChinaDay } from '@libs/common/time/china-time';
import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { formatYuan } from '../calculators/money';
import { DEDUCTION_NAMES, Simulation } from '../calculators/policy-simulation';
import { TaxFacts } from '../tax/tax-facts-from-slots';
import { documentNumbersIn, termIn } from './glossary';
import { Phrasebook } from './phrasebook';

/** The word that cancels (the usual label of a Cancel button); the intent model reads it as `cancel`. */
export const UG_CANCEL_REPLY = 'بىكار قىلىش';

/** 2026-يىلى 12-ئاينىڭ 3-كۈنى: the date as Xinjiang's official Uyghur texts write it, numbers in ASCII digits. */
export function uyghurDate(instant: Date): string {
  const [year, month, day] = chinaDate(instant).split('-').map(Number);
  return `${year}-يىلى ${month}-ئاينىڭ ${day}-كۈنى`;
}

const numbered = (items: string[]) => items.map((item, index) => `${index + 1}. ${item}`).join('\n');
const yuan = (cents: number) => `${formatYuan(cents)} يۈەن`;
const MENU = ['ئەرز-شىكايەت قىلىمەن', 'سىياسەت سوراش', 'ئىش بېجىرىش قوللانمىسى', 'خىزمەتچى خادىمغا ئۇلاش'];
/** 好差评, best first, as the Chinese phrasebook offers them. */
const RATINGS = ['ناھايىتى رازى', 'رازى', 'ئاساسەن رازى', 'رازى ئەمەس', 'ناھايىتى رازى ئەمەس'];

/**
 * The assistant in Uyghur (Arabic script), in the register of the Chinese one, polite سىز throughout. Chinese names
 * (departments, titles) are quoted as written after a colon, where no Uyghur suffix has to attach to them.
 */
export const ug: Phrasebook = {
  lang: 'ug',
  isElderMode: false,
  menuChoices: MENU,
  greeting:
    'ياخشىمۇسىز! مەن ھۆكۈمەت ئىشلىرى مۇلازىمىتىنىڭ ئەقلىي ياردەمچىسى، سىزگە كۈنىگە 24 سائەت، ھەپتىدە 7 كۈن ' +
    'مۇلازىمەت قىلىمەن.\n' +
    'نومۇر يېزىڭ، ياكى نېمە ئىش قىلماقچى ئىكەنلىكىڭىزنى بىۋاسىتە يېزىڭ:\n' +
    `1. ${MENU[0]}: ئەرز-شىكايەت ۋە تەكلىپلەرنى قوبۇل قىلىمەن، مەسىلەن: «ئولتۇراق رايونىمىز ئەتراپىدىكى قۇرۇلۇش ` +
    'شاۋقۇنى كېچىدە ئارام ئالغىلى قويمايدۇ»؛ ئۇنى بىر تەرەپ قىلغۇچى ئورۇنغا يوللاپ، قايسى ۋاقىتقىچە بىر تەرەپ قىلىپ ' +
    'ئاخىرلاشتۇرۇلىدىغانلىقىنى ئېيتىپ بېرىمەن؛\n' +
    `2. ${MENU[1]}: مەسىلەن: «بالام باشلانغۇچ مەكتەپتە ئوقۇيدۇ، شەخسىي تاپاۋەت بېجىدىن قانچىلىك چىقىرىۋېتىلىدۇ؟»؛\n` +
    `3. ${MENU[2]}: ئىش بېجىرىش باسقۇچلىرى ۋە كېرەكلىك ماتېرىياللار تىزىملىكى، مەسىلەن: «يېڭى تۇغۇلغان بوۋاقنى ` +
    'قانداق نوپۇسقا ئالدۇرىمەن؟»؛\n' +
    `4. ${MENU[3]}.\n` +
    'شەخسىي تاپاۋەت بېجىڭىزنى ھېسابلاپ بېرەلەيمەن، ئاممىۋى ئىجارە ئۆي قاتارلىقلارنىڭ ئىلتىماس قىلىش شەرتىگە ' +
    'توشىدىغان-توشمايدىغانلىقىڭىزنى تەكشۈرۈپ بېرەلەيمەن. رەسمىي سىياسەت ھۆججەتلىرى خەنزۇچە، ئۇلارنى نەقىل ' +
    'كەلتۈرگەندە ئالدىن ئېيتىپ قويىمەن.',
  notUnderstood:
    'كەچۈرۈڭ، بۇ سوئالغا ھازىرچە ئېنىق جاۋاب بېرەلمەيمەن. سىزگە خاتا ئۇچۇر بېرىپ قويماسلىق ئۈچۈن، باشقىچە ' +
    `ئىپادىلەپ قايتا سوراپ بېقىڭ. مەسىلە ئىنكاس قىلماقچى بولسىڭىز، ئۇچۇرىڭىزنى «${MENU[0]}» دەپ باشلاپ، ` +
    'ئەھۋالنى تەپسىلىي يېزىڭ.',
  unsupportedMessage: 'ھازىرچە پەقەت يېزىق ئۇچۇرلىرىنىلا چۈشىنەلەيمەن، مەسىلىڭىزنى يېزىق بىلەن بايان قىلىڭ.',
  cancelled: 'بولىدۇ، بىكار قىلىندى. سىزگە يەنە قانداق ياردەم قىلالايمەن؟',
  clarify: (titles) =>
    'قايسىسىنى دېمەكچىسىز؟ تۆۋەندىكى ماۋزۇلار رەسمىي ماۋزۇ بولۇپ، خەنزۇچە يېزىلغان. نومۇرىنى يېزىڭ ياكى ' +
    `بىرىنى تاللاڭ:\n${numbered(titles)}`,
  locationReceived: (label) =>
    `سىز ھەمبەھىرلىگەن ئورۇن ئۇچۇرى تاپشۇرۇۋېلىندى${label ? `: ${label}` : ''}.\n` +
    'بۇ يەردىكى مەسىلىنى ئىنكاس قىلماقچى بولسىڭىز، ئۇنى يېزىق بىلەن بايان قىلىڭ، مەن ئۇنى ئورۇن ئۇچۇرى بىلەن بىللە ' +
    'بىر تەرەپ قىلغۇچى ئورۇنغا يوللاپ بېرىمەن.',
  askPolicyTopic:
    'قايسى جەھەتتىكى سىياسەتنى بىلمەكچىسىز؟ مەسىلەن: شەخسىي تاپاۋەت بېجىنىڭ مەخسۇس قوشۇمچە چىقىرىۋېتىش ' +
    'تۈرلىرى، ئاممىۋى ئىجارە ئۆي ئىلتىماس قىلىش شەرتى، ئەڭ تۆۋەن تۇرمۇش كاپالىتى، جانلىق ئىشقا ' +
    'ئورۇنلاشقانلارنىڭ ئىجتىمائىي سۇغۇرتىغا قاتنىشىشى.',
  askServiceTopic:
    'قايسى ئىشنى بېجىرمەكچىسىز؟ مەسىلەن: يېڭى تۇغۇلغان بوۋاقنى نوپۇسقا ئالدۇرۇش، تىجارەت كىنىشكىسى، ئىككىنچى ' +
    'قول ئۆي ئۆتكۈزۈش، كارخانا يىللىق دوكلاتى، ئىجتىمائىي سۇغۇرتا ئۇچۇرىنى تەكشۈرۈش.',
  askComplaintDetails:
    'بولىدۇ، ئەھۋالنى تەپسىلىي بايان قىلىڭ: قانداق مەسىلە كۆرۈلدى، قەيەردە (رايون، كوچا ياكى ئولتۇراق رايونى)، ' +
    'قاچان. مەن ئۇنى بىر تەرەپ قىلغۇچى ئورۇنغا يوللاپ بېرىمەن.',
  handoffQueued: (ahead, isPriority) =>
    (isPriority
      ? 'سىزنى ئالدى بىلەن خىزمەتچى خادىمغا ئۇلاۋاتىمەن، سەل ساقلاڭ.'
      : 'بولىدۇ، سىزنى خىزمەتچى خادىمغا ئۇلاۋاتىمەن، سەل ساقلاڭ.') +
    (ahead > 0 ? ` ئالدىڭىزدا يەنە ${ahead} كىشى بار.` : '') +
    ' ساقلاۋاتقان ۋاقىتتا يوللىغان ئۇچۇرلىرىڭىزنى خىزمەتچى خادىم ئۇلانغاندىن كېيىن كۆرەلەيدۇ. ساقلىمايمەن ' +
    `دېسىڭىز، «${UG_CANCEL_REPLY}» دەپ يېزىڭ.`,
  handoffStillWaiting: (ahead) =>
    `خىزمەتچى خادىم ئۇلىنىۋاتىدۇ${ahead > 0 ? `، ئالدىڭىزدا يەنە ${ahead} كىشى بار` : ''}. ` +
    'ئۇچۇرلىرىڭىز خاتىرىلەندى، سەل ساقلاڭ.',
  handoffCancelled: 'خىزمەتچى خادىمغا ئۇلاش بىكار قىلىندى. ماڭا سوئال سوراشنى داۋاملاشتۇرسىڭىز بولىدۇ.',
  agentJoined: 'خىزمەتچى خادىم ئۇلاندى، سىزگە قانداق ياردەم قىلالايمەن؟',
  agentReturned: 'خىزمەتچى خادىم بۇ قېتىملىق مۇلازىمەتنى تۈگەتتى. ماڭا سوئال سوراشنى داۋاملاشتۇرسىڭىز بولىدۇ.',
  agentClosed:
    'خىزمەتچى خادىمنىڭ بۇ قېتىملىق مۇلازىمىتى تۈگىدى، سەۋرچانلىقىڭىزغا رەھمەت. يەنە سوئالىڭىز بولسا، خالىغان ' +
    'ۋاقىتتا ئۇچۇر قالدۇرۇڭ.',
  askMonthlyIncome: 'بولىدۇ، ھېسابلاپ بېرەي. ئايلىق باجدىن بۇرۇنقى مائاشىڭىز تەخمىنەن قانچە يۈەن؟ (مەسىلەن: 15000)',
  incomeNotRead:
    'كەچۈرۈڭ، بۇ سوممىنى چۈشىنەلمىدىم. ئايلىق باجدىن بۇرۇنقى مائاشىڭىزنى سان بىلەن يېزىڭ، مەسىلەن 15000. ' +
    `داۋاملاشتۇرمىسىڭىز، «${UG_CANCEL_REPLY}» دەپ يېزىڭ.`,
  taxSaving: taxSavingText,
  ticketCreated: (ticket) =>
    `ئىنكاس قىلغان مەسىلىڭىز بىر تەرەپ قىلىشقا يوللاندى: ${ticket.departmentName}\n` +
    `خىزمەت تالونى نومۇرى: ${ticket.ticketNo}\n` +
    `بىر تەرەپ قىلغۇچى ئورۇن ${deadline(ticket)} بىر تەرەپ قىلىپ ئاخىرلاشتۇرۇپ، سىزگە جاۋاب بېرىدۇ. ` +
    'بىر تەرەپ قىلىنىش ئەھۋالىنى سۈرۈشتۈرۈش ئۈچۈن خىزمەت تالونى نومۇرىنى خاتىرىلىۋېلىڭ.',
  ticketProgress: (tickets) =>
    tickets.length === 0
      ? 'بۇ قېتىملىق سۆھبەتتە سىز تاپشۇرغان خىزمەت تالونى تېپىلمىدى. ئەگەر ئۇنى باشقا يول بىلەن تاپشۇرغان ' +
        'بولسىڭىز، 12345 ھۆكۈمەت ئىشلىرى مۇلازىمىتى قىزىق لىنىيىسىگە تېلېفون قىلىپ، بىر تەرەپ قىلىنىش ئەھۋالىنى ' +
        'سۈرۈشتۈرۈڭ.'
      : tickets
          .map(
            (ticket) =>
              `خىزمەت تالونى ${ticket.ticketNo}: يوللانغان ئورۇن: ${ticket.departmentName}؛ ` +
              `${STATUS[ticket.status] ?? 'بىر تەرەپ قىلىنىۋاتىدۇ'}. ` +
              `قوبۇل قىلىنغان ۋاقتى: ${uyghurDate(new Date(ticket.acceptedAt))}؛ ` +
              `${deadline(ticket)} بىر تەرەپ قىلىپ ئاخىرلاشتۇرۇلۇشى كېرەك.`,
          )
          .join('\n'),
  ticketSignedFor: (ticket) =>
    'خىزمەت تالونىڭىز ئىمزا قويۇپ تاپشۇرۇۋېلىندى، ھازىر بىر تەرەپ قىلىنىۋاتىدۇ.\n' +
    `خىزمەت تالونى نومۇرى: ${ticket.ticketNo}\nئىمزا قويۇپ تاپشۇرۇۋالغان ئورۇن: ${ticket.departmentName}`,
  ticketConcluded: (ticket, reply) =>
    'خىزمەت تالونىڭىز بىر تەرەپ قىلىنىپ ئاخىرلاشتۇرۇلدى.\n' +
    `خىزمەت تالونى نومۇرى: ${ticket.ticketNo}\nجاۋاب بەرگەن ئورۇن: ${ticket.departmentName}\n` +
    `جاۋابى (خەنزۇچە):\n${reply}`,
  ticketExtended: (ticket) =>
    'خىزمەت تالونىڭىزنىڭ مۇددىتى تەستىقلىنىپ ئۇزارتىلدى.\n' +
    `خىزمەت تالونى نومۇرى: ${ticket.ticketNo}\nبىر تەرەپ قىلغۇچى ئورۇن: ${ticket.departmentName}\n` +
    `ئۇ ${deadline(ticket)} بىر تەرەپ قىلىپ ئاخىرلاشتۇرۇپ، سىزگە جاۋاب بېرىدۇ.`,
  ticketRedispatched: (ticket) =>
    'خىزمەت تالونىڭىز باشقا ئورۇنغا قايتا تەقسىملەندى.\n' +
    `خىزمەت تالونى نومۇرى: ${ticket.ticketNo}\nيېڭى بىر تەرەپ قىلغۇچى ئورۇن: ${ticket.departmentName}\n` +
    `ئۇ ${deadline(ticket)} بىر تەرەپ قىلىپ ئاخىرلاشتۇرۇپ، سىزگە جاۋاب بېرىدۇ.`,
  ticketReopened: (ticket) =>
    'باھا بەرگىنىڭىزگە رەھمەت. خىزمەت تالونىڭىز قايتا بىر تەرەپ قىلىشقا قايتۇرۇلدى.\n' +
    `خىزمەت تالونى نومۇرى: ${ticket.ticketNo}\nبىر تەرەپ قىلغۇچى ئورۇن: ${ticket.departmentName}\n` +
    `${deadline(ticket)} سىزگە قايتا جاۋاب بېرىلىدۇ.`,
  homeVisitArranged: (visit) =>
    `تور كاتەكچە خادىمى ${uyghurDate(endOfChinaDay(visit.visitDate))} ئۆيىڭىزگە كېلىپ مۇلازىمەت قىلىدۇ.\n` +
    `مەھەللە: ${visit.community}\nخىزمەت تالونى نومۇرى: ${visit.ticketNo}\n` +
    `ئالدىن تەييارلاپ قويۇڭ: ${visit.materials.join('، ')}\n` +
    'ۋاقىت مۇۋاپىق بولمىسا، بىۋاسىتە جاۋاب يېزىپ بىزگە ئېيتىڭ.',
  homeVisitDone: (visit) =>
    'تور كاتەكچە خادىمى ئۆيىڭىزگە كېلىپ مۇلازىمەت قىلىشنى تاماملىدى.\n' +
    `مەھەللە: ${visit.community}\nخىزمەت تالونى نومۇرى: ${visit.ticketNo}\nماسلاشقىنىڭىزغا رەھمەت!`,
  ratingChoices: RATINGS,
  askRating: `بۇ قېتىملىق بىر تەرەپ قىلىش نەتىجىسىگە باھا بېرىڭ (نومۇرىنى يېزىڭ ياكى بىرىنى تاللاڭ):\n${numbered(RATINGS)}`,
  ratingNotRead: `باھا بېرىش ئۈچۈن 1 بىلەن 5 ئارىسىدىكى نومۇرنى يېزىڭ؛ باھا بەرمىسىڭىز، «${UG_CANCEL_REPLY}» دەپ يېزىڭ.`,
  ratingThanks: 'باھا بەرگىنىڭىزگە رەھمەت! پىكرىڭىزگە ئەستايىدىل مۇئامىلە قىلىمىز.',
  thanks: 'ھېچقىسى يوق! باشقا سوئالىڭىز بولسا، خالىغان ۋاقىتتا مەندىن سوراڭ.',
  remindersNotOpen:
    'سىياسەت ئۆزگىرىشى ئەسكەرتىشى ھازىرچە ئېچىلمىدى، ئېچىلغاندىن كېيىن بۇ يەردە ئۇقتۇرىمەن. ' +
    'مۇددەت ئەسكەرتىشى بار: مەسىلەن «2027-06-29 دە ئەسكەرتىڭ» دەپ يېزىڭ. ' +
    'ئالدىن ئاگاھلاندۇرۇش ئۇچۇرى تاپشۇرۇۋالماقچى بولسىڭىز «ئاگاھلاندۇرۇشقا مۇشتەرى بولىمەن» دەپ يېزىڭ. ' +
    'جىددىي ئەھۋالدا تېلېفون قىلىڭ: 110 (ساقچى)، 119 (ئوت ئۆچۈرۈش)، 120 (قۇتقۇزۇش).',
  officialTextInChinese: 'تۆۋەندىكى رەسمىي ئۇچۇر خەنزۇچە يېزىلغان:',
};

/** Work-order states as the citizen is told them. */
const STATUS: Record<string, string> = {
  created: 'قوبۇل قىلىندى، تەقسىملىنىۋاتىدۇ',
  assigned: 'تەقسىملەندى، بىر تەرەپ قىلغۇچى ئورۇننىڭ ئىمزا قويۇپ تاپشۇرۇۋېلىشىنى ساقلاۋاتىدۇ',
  accepted: 'بىر تەرەپ قىلغۇچى ئورۇن ئىمزا قويۇپ تاپشۇرۇۋالدى',
  in_progress: 'بىر تەرەپ قىلغۇچى ئورۇن بىر تەرەپ قىلىۋاتىدۇ',
  returned: 'قايتا تەقسىملىنىۋاتىدۇ',
  resolved: 'بىر تەرەپ قىلىنىپ ئاخىرلاشتۇرۇلدى',
  revisited: 'بىر تەرەپ قىلىنىپ ئاخىرلاشتۇرۇلدى، قايتا زىيارەتمۇ قىلىندى',
  closed: 'بىر تەرەپ قىلىنىپ ئاخىرلاشتۇرۇلۇپ، ئارخىپقا ئېلىندى',
};

/** For older citizens: short sentences, one thing at a time, numbered choices, no jargon. */
export const ugElder: Phrasebook = {
  ...ug,
  isElderMode: true,
  menuChoices: ['ئەرز-شىكايەت قىلىمەن', 'سىياسەت سوراش', 'ئىش بېجىرىشنى سوراش', 'خىزمەتچى خادىم ئىزدەش'],
  greeting:
    'ياخشىمۇسىز! مەن ھۆكۈمەت ئىشلىرى مۇلازىمىتى ياردەمچىسى.\n' +
    'نومۇر يېزىڭ، ياكى ئىشىڭىزنى بىۋاسىتە ئېيتىڭ:\n' +
    '1. ئەرز-شىكايەت قىلىمەن\n2. سىياسەت سوراش\n3. ئىش بېجىرىشنى سوراش\n4. خىزمەتچى خادىم ئىزدەش',
  notUnderstood:
    'كەچۈرۈڭ، بۇ سوئالغا توغرا جاۋاب بېرەلمەيمەن. باشقىچە سوراپ بېقىڭ. ياكى «خىزمەتچى خادىم» دەپ يېزىڭ، ' +
    'خىزمەتچى خادىم ياردەم قىلىدۇ.',
  clarify: (titles) => `قايسىسىنى سورىدىڭىز؟ نومۇرىنى يېزىڭ:\n${numbered(titles)}`,
  askComplaintDetails: 'بولىدۇ، ئېيتىپ بېرىڭ: نېمە ئىش؟ قەيەردە؟ قاچان؟',
  handoffQueued: (ahead, isPriority) =>
    `سىزگە ${isPriority ? 'ئالدى بىلەن ' : ''}خىزمەتچى خادىم چاقىرىۋاتىمەن، سەل ساقلاڭ.` +
    (ahead > 0 ? ` ئالدىڭىزدا يەنە ${ahead} كىشى بار.` : ''),
  handoffStillWaiting: () => 'خىزمەتچى خادىم ھازىرلا كېلىدۇ، سەل ساقلاڭ. سىز يازغانلارنى ئۇلار كۆرەلەيدۇ.',
  askMonthlyIncome: 'بولىدۇ، ھېسابلاپ بېرەي. ھەر ئايدا قانچە پۇل مائاش ئالىسىز؟ سان يازسىڭىزلا بولىدۇ، مەسىلەن 5000.',
  ticketCreated: (ticket) =>
    `مەسىلىڭىز بىر تەرەپ قىلىشقا يوللاندى: ${ticket.departmentName}\n` +
    `خىزمەت تالونى نومۇرى: ${ticket.ticketNo}\n` +
    `${deadline(ticket)} سىزگە جاۋاب بېرىلىدۇ.`,
};

function deadline(ticket: Pick<TicketCreatedV1, 'dueAt' | 'workingDays'>): string {
  const days = `${ticket.workingDays} خىزمەت كۈنى ئىچىدە`;
  return ticket.dueAt ? `${days} (${uyghurDate(new Date(ticket.dueAt))}گىچە)` : days;
}

/** The simulation as the Chinese phrasebook gives it: each deduction and its saving, the total, then every assumption. */
function taxSavingText(simulation: Simulation, facts: TaxFacts): string {
  const lines: string[] = [];
  if (simulation.deductions.length === 0) {
    lines.push(
      `سىز ئېيتقان ئەھۋالغا ئاساسەن (ئايلىق كىرىم ${yuan(simulation.annualIncome / 12)})، ھازىرچە بەھرىمەن ` +
        'بولالايدىغان مەخسۇس قوشۇمچە چىقىرىۋېتىش تۈرى يوق.',
      'ئەگەر مەكتەپتە ئوقۇۋاتقان پەرزەنتىڭىز بولسا، 60 ياشتىن ئاشقان ئاتا-ئانىڭىزنى باقسىڭىز، ئىجارە ئۆيدە ' +
        'تۇرسىڭىز ياكى تۇنجى ئۆي قەرزىنى قايتۇرۇۋاتقان بولسىڭىز، داۋاملىق مائارىپقا قاتناشقان بولسىڭىز، ماڭا ' +
        'ئېيتىڭ، قايتا ھېسابلاپ بېرەي.',
    );
  } else {
    lines.push(`${simulation.taxYear}-يىلى ئۈچۈن يولغا قويۇلغان ئۆلچەم بويىچە ھېسابلاندى (${basisOf(simulation)}):`);
    for (const deduction of simulation.deductions) {
      const monthly = deduction.monthlyAmount === null ? '' : `ھەر ئايدا ${yuan(deduction.monthlyAmount)}، `;
      lines.push(
        `· ${termIn('ug', DEDUCTION_NAMES[deduction.item])}: ${monthly}يىلىغا ${yuan(deduction.yearlyAmount)}؛ ` +
          `شەخسىي تاپاۋەت بېجىنى ${yuan(deduction.yearlySaving)} ئاز تاپشۇرىسىز`,
      );
    }
    lines.push(
      `جەمئىي: يىلىغا شەخسىي تاپاۋەت بېجىنى ${yuan(simulation.total.yearlySaving)} ئاز تاپشۇرىسىز ` +
        `(چىقىرىۋەتمىگەندە يىللىق باج ${yuan(simulation.taxWithoutDeductions.tax)}، ` +
        `چىقىرىۋەتكەندىن كېيىن ${yuan(simulation.taxWithDeductions.tax)}).`,
    );
  }
  lines.push(
    '',
    `ھېسابلاشتىكى پەرەزلەر: ${taxAssumptions(facts).join('؛ ')}.`,
    'ئەمەلىي سومما سىزنىڭ شەخسىي تاپاۋەت بېجى ئەپى (个人所得税 App) ئارقىلىق تولدۇرغان مەلۇماتىڭىز ۋە يىللىق ' +
      'يىغىنچاق ھېسابلاش نەتىجىسىنى ئاساس قىلىدۇ.',
  );
  return lines.join('\n');
}

/** State Council document numbers, quoted as written; the basis as written when it has none. */
function basisOf(simulation: Simulation): string {
  const numbers = documentNumbersIn(simulation.standards.basis);
  return numbers.length === 0 ? simulation.standards.basis : `گوۋۇيۈەن ھۆججىتى: ${numbers.join('، ')}`;
}

function taxAssumptions(facts: TaxFacts): string[] {
  const income = facts.monthlyIncome === undefined ? '' : ` ${yuan(Math.round(facts.monthlyIncome * 100))}`;
  return [
    `ئايلىق كىرىم${income} باجدىن بۇرۇنقى مائاش بولۇپ، يىل بويى ھەر ئايدا ئوخشاش`,
    'ئۈچ خىل سۇغۇرتا بىر خىل جامغۇرما چىقىرىۋېتىلمىدى (ھەر ئايدا قانچە تاپشۇرىدىغانلىقىڭىزنى ئېيتسىڭىز، تېخىمۇ ' +
      'ئېنىق ھېسابلاپ بېرەلەيمەن)',
    ...(facts.children.length > 0 ? ['پەرزەنت چىقىرىۋېتىشىنى ئاتا-ئانىدىن سىز 100% چىقىرىۋېتىسىز'] : []),
    ...(facts.parentsOver60 && !facts.isOnlyChild
      ? ['ياشانغانلارنى بېقىش يالغۇز پەرزەنت ئەمەس دەپ، ھەر ئايدا 1,500 يۈەن ئورتاق تەقسىملەپ ھېسابلاندى']
      : []),
    ...(facts.monthlyRent !== undefined
      ? ['ئىجارە ئۆي گۇاڭجۇدا، ئۆلكە مەركىزى شەھەر ئۆلچىمى بويىچە ھەر ئايدا 1,500 يۈەن ھېسابلاندى']
      : []),
  ];
}
