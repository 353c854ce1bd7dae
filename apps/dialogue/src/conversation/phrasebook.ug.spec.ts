import { aCreatedTicket, ownWords, phrasebookTexts } from '../../../../test/builders/phrasebook-texts.builder';
import { simulateDeductions } from '../calculators/policy-simulation';
import { intentClassifier } from '../nlu/classifier/intent-classifier';
import { Segmenter } from '../nlu/segmentation/segmenter';
import { simulationFacts, TaxFacts } from '../tax/tax-facts-from-slots';
import { isBareComplaint } from './citizen-language';
import { GLOSSARY } from './glossary';
import { ug, UG_CANCEL_REPLY, ugElder, uyghurDate } from './phrasebook.ug';

const HAN = /\p{Script=Han}/u;
const QUOTED_IN_GLOSSARY = GLOSSARY.map((entry) => entry.ug.term).filter((term) => HAN.test(term));
const DOCUMENT_NUMBER = /\p{Script=Han}+〔\d{4}〕\d+号/gu;
const TICKET_NUMBER = /\b[A-Z]{1,4}\d{6,}\b/g;
/** Marks that change the direction of text: the script and the client's renderer are left to get it right. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** What is left of a text once what it quotes is taken out: the phrasebook's own Uyghur. */
function uyghurOf(text: string): string {
  return QUOTED_IN_GLOSSARY.reduce((left, quoted) => left.split(quoted).join(' '), ownWords(text))
    .replace(DOCUMENT_NUMBER, ' ')
    .replace(TICKET_NUMBER, ' ');
}

const saving = (facts: TaxFacts & { monthlyIncome: number }) =>
  ug.taxSaving(simulateDeductions(simulationFacts(facts, 2026)), facts);

describe.each([
  ['plain', ug],
  ['elder mode', ugElder],
])('the Uyghur phrasebook (%s)', (_mode, say) => {
  const texts = Object.entries(phrasebookTexts(say)).flatMap(([key, rendered]) =>
    rendered.map((text, index) => ({ key: `${key}[${index}]`, text })),
  );

  it('has a text for everything the assistant says', () => {
    expect(texts.filter(({ text }) => text.trim() === '').map(({ key }) => key)).toEqual([]);
  });

  it('writes in Arabic script, with no Chinese or Latin of its own: only names and numbers it quotes', () => {
    const own = texts.map(({ key, text }) => ({ key, text: uyghurOf(text) }));
    expect(own.filter(({ text }) => !/\p{Script=Arabic}/u.test(text)).map(({ key }) => key)).toEqual([]);
    expect(own.filter(({ text }) => HAN.test(text) || /[A-Za-z]/.test(text)).map(({ key }) => key)).toEqual([]);
  });

  it('writes numbers in ASCII digits and adds no direction marks', () => {
    expect(texts.filter(({ text }) => /[\u0660-\u0669\u06f0-\u06f9]/u.test(text)).map(({ key }) => key)).toEqual([]);
    expect(texts.filter(({ text }) => BIDI_CONTROLS.test(text)).map(({ key }) => key)).toEqual([]);
  });

  it('offers a first menu choice that reads as a complaint still to be described', () => {
    expect(isBareComplaint(say.menuChoices[0])).toBe(true);
  });

  it('lists the menu choices in the greeting, numbered, as they are matched', () => {
    expect(new Set(say.menuChoices).size).toBe(4);
    say.menuChoices.forEach((choice, index) => expect(say.greeting).toContain(`${index + 1}. ${choice}`));
  });
});

describe('Uyghur replies the intent model reads as meant', () => {
  const intents = intentClassifier(Segmenter.load());

  it.each([
    [ug.menuChoices[0], 'complaint'],
    [ug.menuChoices[3], 'handoff'],
    [ugElder.menuChoices[3], 'handoff'],
    [UG_CANCEL_REPLY, 'cancel'],
    ['خىزمەتچى خادىم', 'handoff'],
  ])('%s → %s', (text, intent) => {
    expect(intents.classify(text).intent).toBe(intent);
  });
});

describe('dates in Uyghur', () => {
  it('are written as official texts write them, in Beijing time', () => {
    expect(uyghurDate(new Date('2026-12-03T15:59:59.999Z'))).toBe('2026-يىلى 12-ئاينىڭ 3-كۈنى');
    expect(uyghurDate(new Date('2026-12-03T16:30:00.000Z'))).toBe('2026-يىلى 12-ئاينىڭ 4-كۈنى');
  });
});

describe('telling the citizen in Uyghur where the complaint went', () => {
  it('names the department, the work order number and the deadline in working days with its date', () => {
    expect(ug.ticketCreated(aCreatedTicket())).toBe(
      'ئىنكاس قىلغان مەسىلىڭىز بىر تەرەپ قىلىشقا يوللاندى: 天河区住房和建设局\n' +
        'خىزمەت تالونى نومۇرى: GD20261126000001\n' +
        'بىر تەرەپ قىلغۇچى ئورۇن 5 خىزمەت كۈنى ئىچىدە (2026-يىلى 12-ئاينىڭ 3-كۈنىگىچە) بىر تەرەپ قىلىپ ' +
        'ئاخىرلاشتۇرۇپ، سىزگە جاۋاب بېرىدۇ. بىر تەرەپ قىلىنىش ئەھۋالىنى سۈرۈشتۈرۈش ئۈچۈن خىزمەت تالونى نومۇرىنى ' +
        'خاتىرىلىۋېلىڭ.',
    );
  });

  it('gives the working days without a date when the holiday schedule is not yet published', () => {
    const text = ug.ticketCreated(aCreatedTicket({ dueAt: null }));
    expect(text).toContain('بىر تەرەپ قىلغۇچى ئورۇن 5 خىزمەت كۈنى ئىچىدە بىر تەرەپ قىلىپ');
    expect(text).not.toContain('گىچە');
  });

  it('keeps to the essentials in elder mode', () => {
    expect(ugElder.ticketCreated(aCreatedTicket())).toBe(
      'مەسىلىڭىز بىر تەرەپ قىلىشقا يوللاندى: 天河区住房和建设局\nخىزمەت تالونى نومۇرى: GD20261126000001\n' +
        '5 خىزمەت كۈنى ئىچىدە (2026-يىلى 12-ئاينىڭ 3-كۈنىگىچە) سىزگە جاۋاب بېرىلىدۇ.',
    );
  });
});

describe('the tax saving in Uyghur', () => {
  it('answers the seed article example with the 2023 standard: 2,000 a month, 2,400 a year', () => {
    const text = saving({ monthlyIncome: 15000, children: ['school'] });
    expect(text).toContain('گوۋۇيۈەن ھۆججىتى: 国发〔2018〕41号، 国发〔2022〕8号، 国发〔2023〕13号');
    expect(text).toContain(
      '· پەرزەنت مائارىپى: ھەر ئايدا 2,000 يۈەن، يىلىغا 24,000 يۈەن؛ شەخسىي تاپاۋەت بېجىنى 2,400 يۈەن ئاز تاپشۇرىسىز',
    );
    expect(text).toContain('جەمئىي: يىلىغا شەخسىي تاپاۋەت بېجىنى 2,400 يۈەن ئاز تاپشۇرىسىز');
    expect(text).toContain('(چىقىرىۋەتمىگەندە يىللىق باج 9,480 يۈەن، چىقىرىۋەتكەندىن كېيىن 7,080 يۈەن)');
  });

  it('says so when nothing can be deducted', () => {
    expect(saving({ monthlyIncome: 8000, children: [] })).toContain(
      'ھازىرچە بەھرىمەن بولالايدىغان مەخسۇس قوشۇمچە چىقىرىۋېتىش تۈرى يوق',
    );
  });
});
