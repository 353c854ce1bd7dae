import { aCreatedTicket, ownWords, phrasebookTexts } from '../../../../test/builders/phrasebook-texts.builder';
import { simulateDeductions } from '../calculators/policy-simulation';
import { intentClassifier } from '../nlu/classifier/intent-classifier';
import { Segmenter } from '../nlu/segmentation/segmenter';
import { simulationFacts, TaxFacts } from '../tax/tax-facts-from-slots';
import { isBareComplaint } from './citizen-language';
import { GLOSSARY } from './glossary';
import { en, EN_CANCEL_REPLY, enElder } from './phrasebook.en';

const HAN = /\p{Script=Han}/u;
/** Chinese a glossary rendering quotes on purpose (the tax app's name, as citizens find it in the app store). */
const QUOTED_IN_GLOSSARY = GLOSSARY.map((entry) => entry.en.term).filter((term) => HAN.test(term));
const DOCUMENT_NUMBER = /\p{Script=Han}+〔\d{4}〕\d+号/gu;

/** What is left of a text once the Chinese it quotes is taken out: the phrasebook's own English. */
function englishOf(text: string): string {
  return QUOTED_IN_GLOSSARY.reduce((left, quoted) => left.split(quoted).join(' '), ownWords(text)).replace(
    DOCUMENT_NUMBER,
    ' ',
  );
}

const saving = (facts: TaxFacts & { monthlyIncome: number }) =>
  en.taxSaving(simulateDeductions(simulationFacts(facts, 2026)), facts);

describe.each([
  ['plain', en],
  ['elder mode', enElder],
])('the English phrasebook (%s)', (_mode, say) => {
  const texts = Object.entries(phrasebookTexts(say)).flatMap(([key, rendered]) =>
    rendered.map((text, index) => ({ key: `${key}[${index}]`, text })),
  );

  it('has a text for everything the assistant says', () => {
    expect(texts.filter(({ text }) => text.trim() === '').map(({ key }) => key)).toEqual([]);
  });

  it('writes no Chinese of its own: only the names and document numbers it quotes', () => {
    expect(texts.filter(({ text }) => HAN.test(englishOf(text))).map(({ key }) => key)).toEqual([]);
  });

  it('offers a first menu choice that reads as a complaint still to be described', () => {
    expect(isBareComplaint(say.menuChoices[0])).toBe(true);
  });

  it('lists the menu choices in the greeting, numbered, as they are matched', () => {
    expect(new Set(say.menuChoices).size).toBe(4);
    say.menuChoices.forEach((choice, index) => expect(say.greeting).toContain(`${index + 1}. ${choice}`));
  });
});

describe('English replies the intent model reads as meant', () => {
  const intents = intentClassifier(Segmenter.load());

  it.each([
    [en.menuChoices[0], 'complaint'],
    [en.menuChoices[3], 'handoff'],
    [enElder.menuChoices[3], 'handoff'],
    [EN_CANCEL_REPLY, 'cancel'],
    ['staff member', 'handoff'],
  ])('%s → %s', (text, intent) => {
    expect(intents.classify(text).intent).toBe(intent);
  });
});

describe('telling the citizen in English where the complaint went', () => {
  it('names the department, the work order number and the deadline in working days with its date in Beijing', () => {
    expect(en.ticketCreated(aCreatedTicket())).toBe(
      'Your report has been forwarded to 天河区住房和建设局. Work order number: GD20261126000001\n' +
        'The handling department will conclude it and reply to you within 5 working days (by 3 December 2026). ' +
        'Please keep the work order number to check on its progress.',
    );
  });

  it('dates the deadline in Beijing, not in the server time zone', () => {
    expect(en.ticketCreated(aCreatedTicket({ dueAt: '2026-12-03T16:30:00.000Z' }))).toContain('(by 4 December 2026)');
  });

  it('gives the working days without a date when the holiday schedule is not yet published, one day as one', () => {
    const text = en.ticketCreated(aCreatedTicket({ dueAt: null, workingDays: 1 }));
    expect(text).toContain('reply to you within 1 working day. Please');
  });

  it('keeps to the essentials in elder mode', () => {
    expect(enElder.ticketCreated(aCreatedTicket())).toBe(
      'Your problem has been passed to 天河区住房和建设局.\nWork order number: GD20261126000001\n' +
        'You will get a reply within 5 working days (by 3 December 2026).',
    );
  });
});

describe('the tax saving in English', () => {
  it('answers the seed article example with the 2023 standard: 2,000 a month, 2,400 a year', () => {
    const text = saving({ monthlyIncome: 15000, children: ['school'] });
    expect(text).toContain(
      'Worked out for 2026 with the standards of State Council documents 国发〔2018〕41号, 国发〔2022〕8号 and 国发〔2023〕13号:',
    );
    expect(text).toContain(
      "· Children's education: 2,000 yuan a month, 24,000 yuan a year; you pay 2,400 yuan less individual income tax",
    );
    expect(text).toContain(
      'In total: 2,400 yuan less individual income tax a year (9,480 yuan without the deductions, 7,080 yuan with them).',
    );
    expect(text).toContain('your monthly income of 15,000 yuan is your salary before tax');
  });

  it('states the assumption it makes for elderly parents', () => {
    const text = saving({ monthlyIncome: 20000, children: [], parentsOver60: true });
    expect(text).toContain('· Support for elderly parents: 1,500 yuan a month');
    expect(text).toContain('as for someone who is not an only child, sharing 1,500 yuan a month');
  });

  it('says so when nothing can be deducted', () => {
    expect(saving({ monthlyIncome: 8000, children: [] })).toContain(
      'there are no special additional deductions you can claim for now',
    );
  });
});
