import { TicketCreatedV1 } from '@libs/common/contracts/ticket-events.v1';
import { endOfChinaDay } from '@libs/common/time/china-time';
import { formatYuan } from '../calculators/money';
import { DEDUCTION_NAMES, Simulation } from '../calculators/policy-simulation';
import { TaxFacts } from '../tax/tax-facts-from-slots';
import { documentNumbersIn, termIn } from './glossary';
import { Phrasebook } from './phrasebook';

const dateInChina = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** The word that cancels, as the texts tell the citizen to write it; the intent model reads it as `cancel`. */
export const EN_CANCEL_REPLY = 'cancel';

const numbered = (items: string[]) => items.map((item, index) => `${index + 1}. ${item}`).join('\n');
const yuan = (cents: number) => `${formatYuan(cents)} yuan`;
const people = (count: number) => (count === 1 ? '1 person is' : `${count} people are`);
const MENU = ['Make a complaint', 'Policy questions', 'Service guides', 'Talk to a staff member'];
/** 好差评, best first, as the Chinese phrasebook offers them. */
const RATINGS = ['Very satisfied', 'Satisfied', 'Fairly satisfied', 'Dissatisfied', 'Very dissatisfied'];

/** The assistant in English, in the register of the Chinese one: clear, warm, exact. Terms from the glossary. */
export const en: Phrasebook = {
  lang: 'en',
  isElderMode: false,
  menuChoices: MENU,
  greeting:
    "Hello! I'm the government service assistant, here for you 24 hours a day, 7 days a week.\n" +
    'Reply with a number, or simply tell me what you need:\n' +
    `1. ${MENU[0]}: I accept complaints and suggestions, e.g. “Construction noise near my residential compound ` +
    'at night”, forward them to the handling department and tell you the deadline for concluding them;\n' +
    `2. ${MENU[1]}: e.g. “How much individual income tax can I deduct for a child in primary school?”;\n` +
    `3. ${MENU[2]}: the steps and the list of required documents, e.g. “How do I get household registration ` +
    'for a newborn?”;\n' +
    `4. ${MENU[3]}.\n` +
    'I can also work out your individual income tax and check your eligibility for public rental housing and ' +
    'other schemes. Official policy texts are in Chinese; I will say so when I quote them.',
  notUnderstood:
    "Sorry, I can't answer this question reliably yet. So as not to give you wrong information, please try " +
    `asking in other words. To report a problem, start your message with “${MENU[0]}” and describe what happened.`,
  unsupportedMessage: 'For now I can only read text messages. Please describe your question in words.',
  cancelled: 'All right, cancelled. What else can I do for you?',
  clarify: (titles) =>
    `Which of these do you mean? The titles are the official ones, in Chinese. Reply with a number or tap one:\n${numbered(titles)}`,
  locationReceived: (label) =>
    `I have received the location you shared${label ? `: ${label}` : ''}. To report a problem here, please ` +
    'describe it in words and I will forward it to the handling department together with the location.',
  askPolicyTopic:
    'Which policy would you like to know about? For example: special additional deductions for individual ' +
    'income tax, eligibility for public rental housing, the minimum living allowance, or social insurance for ' +
    'people in flexible employment.',
  askServiceTopic:
    'What would you like to get done? For example: household registration for a newborn, a business licence, ' +
    'a second-hand home transfer, the enterprise annual report, or checking your social insurance records.',
  askComplaintDetails:
    'All right. Please describe what happened: what the problem is, where it is (district, sub-district or ' +
    'residential compound) and when. I will forward it to the handling department.',
  handoffQueued: (ahead, isPriority) =>
    (isPriority
      ? 'You have priority: I am connecting you to a staff member now, please wait a moment.'
      : 'All right, I am connecting you to a staff member, please wait a moment.') +
    (ahead > 0 ? ` ${people(ahead)} ahead of you.` : '') +
    ' The staff member will see everything you send while you wait. If you would rather not wait, reply ' +
    `“${EN_CANCEL_REPLY}”.`,
  handoffStillWaiting: (ahead) =>
    `A staff member will be with you shortly${ahead > 0 ? ` (${people(ahead)} ahead of you)` : ''}. ` +
    'Your messages have been recorded; please wait a moment.',
  handoffCancelled: 'Your request for a staff member has been cancelled. You can go on asking me questions.',
  agentJoined: 'A staff member has joined the conversation. How can I help you?',
  agentReturned: 'The staff member has finished this session. You can go on asking me questions.',
  agentClosed:
    'This session with a staff member has ended. Thank you for your patience. If you have more questions, ' +
    'write to us at any time.',
  askMonthlyIncome:
    'Sure, let me work it out for you. About how much is your monthly salary before tax, in yuan? (For example: 15000)',
  incomeNotRead:
    'Sorry, I could not read that amount. Please reply with your monthly salary before tax as a number, for ' +
    `example 15000. To stop, reply “${EN_CANCEL_REPLY}”.`,
  taxSaving: taxSavingText,
  ticketCreated: (ticket) =>
    `Your report has been forwarded to ${ticket.departmentName}. Work order number: ${ticket.ticketNo}\n` +
    `The handling department will conclude it and reply to you ${deadline(ticket)}. Please keep the work order ` +
    'number to check on its progress.',
  ticketProgress: (tickets) =>
    tickets.length === 0
      ? 'I found no work order submitted in this conversation. If you submitted it through another channel, ' +
        'please call the 12345 Government Service Hotline to check its progress.'
      : tickets
          .map(
            (ticket) =>
              `Work order ${ticket.ticketNo}: forwarded to ${ticket.departmentName}; ` +
              `${STATUS[ticket.status] ?? 'in progress'}. Accepted on ${dateInChina.format(new Date(ticket.acceptedAt))}; ` +
              `to be concluded ${deadline(ticket)}.`,
          )
          .join('\n'),
  ticketSignedFor: (ticket) =>
    `Your work order ${ticket.ticketNo} has been signed for by ${ticket.departmentName} and is being handled.`,
  ticketConcluded: (ticket, reply) =>
    `Your work order ${ticket.ticketNo} has been concluded. The reply from ${ticket.departmentName}, in Chinese:\n${reply}`,
  ticketExtended: (ticket) =>
    `The deadline of your work order ${ticket.ticketNo} has been extended with approval: ${ticket.departmentName} ` +
    `will conclude it and reply to you ${deadline(ticket)}.`,
  ticketRedispatched: (ticket) =>
    `Your work order ${ticket.ticketNo} has been reassigned to ${ticket.departmentName}, which will conclude it and ` +
    `reply to you ${deadline(ticket)}.`,
  ticketReopened: (ticket) =>
    `Thank you for your rating. Work order ${ticket.ticketNo} has been reopened and sent back to ` +
    `${ticket.departmentName} to be handled again; you will get a new reply ${deadline(ticket)}.`,
  homeVisitArranged: (visit) =>
    `A grid worker from ${visit.community} will make a home visit on ${dateInChina.format(endOfChinaDay(visit.visitDate))} ` +
    `(work order ${visit.ticketNo}). Please have these ready: ${visit.materials.join(', ')}. If the time does not ` +
    'suit you, simply reply and tell us.',
  homeVisitDone: (visit) =>
    `The grid worker from ${visit.community} has completed the home visit (work order ${visit.ticketNo}). ` +
    'Thank you for your cooperation!',
  ratingChoices: RATINGS,
  askRating: `Please give your rating of how this was handled (reply with a number or tap one):\n${numbered(RATINGS)}`,
  ratingNotRead: `Please reply with a number from 1 to 5 to give your rating. If you would rather not, reply “${EN_CANCEL_REPLY}”.`,
  ratingThanks: 'Thank you for your rating! We take every opinion seriously.',
  thanks: "You're welcome! If you have any other questions, I'm here any time.",
  remindersNotOpen:
    'Reminders of policy changes are not available yet; I will tell you here once they are. ' +
    'For a deadline I can remind you: e.g. "remind me to hand in the documents on 2027-06-29". ' +
    'To receive alerts such as rainstorm and typhoon alerts, reply "subscribe to alerts". ' +
    'In an emergency, call 110 (police), 119 (fire) or 120 (ambulance).',
  officialTextInChinese: 'The official information is in Chinese:',
};

/** Work-order states as the citizen is told them. */
const STATUS: Record<string, string> = {
  created: 'accepted and being dispatched',
  assigned: 'dispatched, waiting for the handling department to sign for it',
  accepted: 'signed for by the handling department',
  in_progress: 'the handling department is working on it',
  returned: 'being dispatched again',
  resolved: 'concluded',
  revisited: 'concluded, and the follow-up call has been made',
  closed: 'concluded and filed',
};

/** For older citizens: short sentences, one thing at a time, numbered choices, no jargon. */
export const enElder: Phrasebook = {
  ...en,
  isElderMode: true,
  menuChoices: ['Make a complaint', 'Ask about a policy', 'Ask how to get something done', 'Talk to a staff member'],
  greeting:
    'Hello! I am the government service assistant.\n' +
    'Please reply with a number, or just tell me what you need:\n' +
    '1. Make a complaint\n2. Ask about a policy\n3. Ask how to get something done\n4. Talk to a staff member',
  notUnderstood:
    'Sorry, I cannot answer this one well. You can ask it in other words. Or reply “staff member”, and one will help you.',
  clarify: (titles) => `Which one do you mean? Please reply with the number:\n${numbered(titles)}`,
  askComplaintDetails: 'All right. Please tell me: What happened? Where? When?',
  handoffQueued: (ahead, isPriority) =>
    `${isPriority ? 'You come first. ' : ''}I am getting a staff member for you. Please wait a moment.` +
    (ahead > 0 ? ` ${people(ahead)} ahead of you.` : ''),
  handoffStillWaiting: () => 'A staff member is coming soon. Please wait. They can see everything you write.',
  askMonthlyIncome:
    'All right, I will work it out. How much is your pay each month? Just reply with the number, for example 5000.',
  ticketCreated: (ticket) =>
    `Your problem has been passed to ${ticket.departmentName}.\nWork order number: ${ticket.ticketNo}\n` +
    `You will get a reply ${deadline(ticket)}.`,
};

function deadline(ticket: Pick<TicketCreatedV1, 'dueAt' | 'workingDays'>): string {
  const days = `within ${ticket.workingDays} working day${ticket.workingDays === 1 ? '' : 's'}`;
  return ticket.dueAt ? `${days} (by ${dateInChina.format(new Date(ticket.dueAt))})` : days;
}

/** The simulation as the Chinese phrasebook gives it: each deduction and its saving, the total, then every assumption. */
function taxSavingText(simulation: Simulation, facts: TaxFacts): string {
  const lines: string[] = [];
  if (simulation.deductions.length === 0) {
    lines.push(
      `Based on what you told me (a monthly income of ${yuan(simulation.annualIncome / 12)}), there are no ` +
        'special additional deductions you can claim for now.',
      'If you have children at school, support parents aged 60 or over, rent a home or repay a loan on your ' +
        'first home, or are in continuing education, tell me and I will work it out again.',
    );
  } else {
    lines.push(`Worked out for ${simulation.taxYear} with the standards of ${basisOf(simulation)}:`);
    for (const deduction of simulation.deductions) {
      const monthly = deduction.monthlyAmount === null ? '' : `${yuan(deduction.monthlyAmount)} a month, `;
      lines.push(
        `· ${capitalised(termIn('en', DEDUCTION_NAMES[deduction.item]))}: ${monthly}${yuan(deduction.yearlyAmount)} ` +
          `a year; you pay ${yuan(deduction.yearlySaving)} less individual income tax`,
      );
    }
    lines.push(
      `In total: ${yuan(simulation.total.yearlySaving)} less individual income tax a year ` +
        `(${yuan(simulation.taxWithoutDeductions.tax)} without the deductions, ${yuan(simulation.taxWithDeductions.tax)} with them).`,
    );
  }
  lines.push(
    '',
    `Assumptions: ${taxAssumptions(facts).join('; ')}.`,
    'The actual amount is what you declare in the Individual Income Tax app (个人所得税 App) and in the annual ' +
      'settlement.',
  );
  return lines.join('\n');
}

/** State Council document numbers, quoted as written; the basis as written when it has none. */
function basisOf(simulation: Simulation): string {
  const numbers = documentNumbersIn(simulation.standards.basis);
  if (numbers.length === 0) return simulation.standards.basis;
  const listed = numbers.length === 1 ? numbers[0] : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  return `State Council document${numbers.length === 1 ? '' : 's'} ${listed}`;
}

function taxAssumptions(facts: TaxFacts): string[] {
  const income = facts.monthlyIncome === undefined ? '' : ` of ${yuan(Math.round(facts.monthlyIncome * 100))}`;
  return [
    `your monthly income${income} is your salary before tax, the same every month`,
    'no social insurance and housing fund contributions are deducted (tell me how much you pay each month for ' +
      'a more exact figure)',
    ...(facts.children.length > 0 ? ["one parent, you, takes each child's deduction in full (100%)"] : []),
    ...(facts.parentsOver60 && !facts.isOnlyChild
      ? ['support for elderly parents is counted as for someone who is not an only child, sharing 1,500 yuan a month']
      : []),
    ...(facts.monthlyRent !== undefined
      ? ['the home you rent is in Guangzhou: the provincial capital rate of 1,500 yuan a month']
      : []),
  ];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
