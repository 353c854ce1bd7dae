import { ownWords, phrasebookTexts, TextKey } from '../../../../test/builders/phrasebook-texts.builder';
import { DEDUCTION_NAMES } from '../calculators/policy-simulation';
import {
  avoidedWordsIn,
  chineseTermsIn,
  documentNumbersIn,
  GLOSSARY,
  glossaryTerm,
  mentions,
  termIn,
} from './glossary';
import { Phrasebook } from './phrasebook';
import { en, enElder } from './phrasebook.en';
import { ug, ugElder } from './phrasebook.ug';
import { zh, zhElder } from './phrasebook.zh';

/**
 * Where a Chinese text speaks of a glossary term, its translation says the glossary's rendering; and no translation
 * ever uses a rendering the glossary rules out. Texts are compared member by member, with the same sample inputs,
 * and with the Chinese content they quote (department names, titles) taken out.
 */
function glossaryViolations(translated: Phrasebook, chinese: Phrasebook): string[] {
  const lang = translated.lang;
  if (lang === 'zh') return [];
  const theirs = phrasebookTexts(translated);
  const ours = phrasebookTexts(chinese);
  const violations: string[] = [];
  for (const key of Object.keys(theirs) as TextKey[]) {
    theirs[key].forEach((rendered, index) => {
      const text = ownWords(rendered);
      const original = ownWords(ours[key][index] ?? '');
      for (const entry of GLOSSARY) {
        const wording = entry.zh.find((candidate) => original.includes(candidate));
        if (wording && !mentions(text, entry[lang], lang)) {
          violations.push(`${key}[${index}]: says ${wording} in Chinese but not "${entry[lang].term}"`);
        }
        for (const word of avoidedWordsIn(text, entry[lang], lang)) {
          violations.push(`${key}[${index}]: "${word}" where the glossary says "${entry[lang].term}"`);
        }
      }
    });
  }
  return violations;
}

describe('the glossary', () => {
  it('gives every Chinese wording one entry', () => {
    const wordings = GLOSSARY.flatMap((entry) => entry.zh);
    expect(new Set(wordings).size).toBe(wordings.length);
  });

  it('has each stem inside its term, so that the term itself always passes the check', () => {
    for (const entry of GLOSSARY) {
      for (const lang of ['en', 'ug'] as const) {
        expect({ term: entry[lang].term, mentioned: mentions(entry[lang].term, entry[lang], lang) }).toEqual({
          term: entry[lang].term,
          mentioned: true,
        });
      }
    }
  });

  it('writes Uyghur in Arabic script and English without it', () => {
    for (const entry of GLOSSARY) {
      expect(entry.ug.term).toMatch(/\p{Script=Arabic}/u);
      expect(entry.en.term).not.toMatch(/\p{Script=Arabic}/u);
    }
  });

  it('never rules out its own rendering', () => {
    for (const entry of GLOSSARY) {
      for (const lang of ['en', 'ug'] as const) {
        expect(avoidedWordsIn(entry[lang].term, entry[lang], lang)).toEqual([]);
      }
    }
  });

  it('translates every special additional deduction the tax simulation names', () => {
    for (const name of Object.values(DEDUCTION_NAMES)) expect(glossaryTerm(name)).toBeDefined();
    expect(termIn('en', DEDUCTION_NAMES.elderlySupport)).toBe('support for elderly parents');
    expect(termIn('ug', DEDUCTION_NAMES.childEducation)).toBe('پەرزەنت مائارىپى');
  });

  it('finds an entry by any of its Chinese wordings, and leaves an unknown name in Chinese', () => {
    expect(glossaryTerm('户口')?.en.term).toBe('household registration');
    expect(termIn('en', '天河区住房和建设局')).toBe('天河区住房和建设局');
  });
});

describe('every phrasebook speaks the glossary', () => {
  it.each([
    ['English', en, zh],
    ['English, elder mode', enElder, zhElder],
    ['Uyghur', ug, zh],
    ['Uyghur, elder mode', ugElder, zhElder],
  ])('%s', (_name, translated, chinese) => {
    expect(glossaryViolations(translated, chinese)).toEqual([]);
  });

  it('notices a text that calls a work order a ticket, or leaves the working days out', () => {
    const careless: Phrasebook = {
      ...en,
      ticketCreated: (ticket) => `Your ticket ${ticket.ticketNo} went to ${ticket.departmentName}; it will be handled.`,
    };
    const violations = glossaryViolations(careless, zh);
    expect(violations).toContain('ticketCreated[0]: "ticket" where the glossary says "work order"');
    expect(violations).toContain('ticketCreated[0]: says 工作日 in Chinese but not "working day"');
    expect(violations).toContain('ticketCreated[0]: says 承办单位 in Chinese but not "handling department"');
  });

  it('notices a Uyghur text with another word for a term', () => {
    const careless: Phrasebook = { ...ug, askServiceTopic: 'مەسىلەن: ئىجتىمائىي كاپالەت ئۇچۇرىنى تەكشۈرۈش.' };
    expect(glossaryViolations(careless, zh)).toContain(
      'askServiceTopic[0]: says 社保 in Chinese but not "ئىجتىمائىي سۇغۇرتا"',
    );
  });
});

describe('Chinese terms in a message in another language', () => {
  it('reads English terms, whatever their case or number', () => {
    expect(chineseTermsIn('How do I get a Business Licence?', 'en')).toEqual(['营业执照']);
    expect(chineseTermsIn('Am I eligible for public rental housing?', 'en')).toEqual(['申请资格', '公租房']);
    expect(chineseTermsIn('where are my work orders', 'en')).toEqual(['工单']);
  });

  it('reads Uyghur terms with their suffixes', () => {
    expect(chineseTermsIn('تىجارەت كىنىشكىسىنى قانداق ئالىمەن؟', 'ug')).toEqual(['营业执照']);
    expect(chineseTermsIn('ئەڭ تۆۋەن تۇرمۇش كاپالىتىگە ئىلتىماس قىلماقچى', 'ug')).toEqual(['低保']);
  });

  it('finds nothing where no term is spoken of', () => {
    expect(chineseTermsIn('hello there', 'en')).toEqual([]);
    expect(chineseTermsIn('I found it unacceptable', 'en')).toEqual([]);
  });
});

describe('official document numbers', () => {
  it('are picked out of a basis to be quoted as written', () => {
    expect(documentNumbersIn('国发〔2018〕41号；国发〔2022〕8号；国发〔2023〕13号（提高专项附加扣除标准）')).toEqual([
      '国发〔2018〕41号',
      '国发〔2022〕8号',
      '国发〔2023〕13号',
    ]);
    expect(documentNumbersIn('按规定执行')).toEqual([]);
  });
});
