/** A term in one language: the one way the assistant writes it, and the ways it must not. */
export interface Rendering {
  /** The translation, as it is written in a sentence. */
  readonly term: string;
  /**
   * What every text that speaks of the term contains, where grammar changes the term's ending: Uyghur suffixes
   * (سۇغۇرتا → سۇغۇرتىغا), English inflection (conclude → concluded). The term itself when absent.
   */
  readonly stem?: string;
  /** Other translations of the same term that a reader could take for a different thing: never used. */
  readonly avoid?: readonly string[];
}

export interface GlossaryTerm {
  /** The Chinese term first, then the other Chinese wordings of the same thing (户口 and 落户 for 户籍). */
  readonly zh: readonly [string, ...string[]];
  readonly en: Rendering;
  /** Uyghur in Arabic script (UEY), as in Xinjiang government communication. */
  readonly ug: Rendering;
}

/**
 * Policy and service terms, zh → en → ug, one fixed translation each, so that a citizen who reads 工作日 as
 * "working day" in one answer never meets "business day" in the next, and a term reads the same in every flow.
 * English follows the official English of the State Taxation Administration and the State Council where there is
 * one; Uyghur follows the usage of Xinjiang's bilingual government signage and documents as far as we know it and
 * still wants a native reviewer (docs/nlu.md). Digits stay ASCII in every language. The phrasebooks' specs check
 * every text against this list: add a term here and every phrasebook is checked for it.
 */
export const GLOSSARY: readonly GlossaryTerm[] = [
  // The work order and its lifecycle.
  {
    zh: ['工单'],
    en: { term: 'work order', avoid: ['ticket', 'case', 'case number', 'request number'] },
    ug: { term: 'خىزمەت تالونى', stem: 'خىزمەت تالون', avoid: ['بېلەت'] },
  },
  {
    zh: ['工作日'],
    en: { term: 'working day', avoid: ['business day', 'workday', 'work day'] },
    ug: { term: 'خىزمەت كۈنى', stem: 'خىزمەت كۈن' },
  },
  {
    zh: ['办结'],
    en: { term: 'conclude', stem: 'conclud', avoid: ['resolve', 'resolved', 'settle', 'settled'] },
    ug: { term: 'بىر تەرەپ قىلىپ ئاخىرلاشتۇرۇش', stem: 'ئاخىرلاشتۇر' },
  },
  {
    zh: ['受理'],
    en: { term: 'accept', stem: 'accept' },
    ug: { term: 'قوبۇل قىلىش', stem: 'قوبۇل قىل' },
  },
  {
    zh: ['派单'],
    en: { term: 'dispatch', avoid: ['assign', 'assigned', 'allocate', 'allocated'] },
    ug: { term: 'تەقسىملەش', stem: 'تەقسىم' },
  },
  {
    zh: ['签收'],
    en: { term: 'sign for', stem: 'sign' },
    ug: { term: 'ئىمزا قويۇپ تاپشۇرۇۋېلىش', stem: 'ئىمزا قويۇپ تاپشۇرۇۋ' },
  },
  {
    zh: ['延期'],
    en: { term: 'extend', stem: 'exten', avoid: ['postpone', 'postponed', 'delay'] },
    ug: { term: 'مۇددىتىنى ئۇزارتىش', stem: 'ئۇزارت' },
  },
  {
    zh: ['改派'],
    en: { term: 'reassign', stem: 'reassign', avoid: ['redirect', 'redirected'] },
    ug: { term: 'قايتا تەقسىملەش', stem: 'قايتا تەقسىم' },
  },
  {
    zh: ['重新办理'],
    en: { term: 'reopen', stem: 'reopen' },
    ug: { term: 'قايتا بىر تەرەپ قىلىش', stem: 'قايتا بىر تەرەپ قىل' },
  },
  {
    zh: ['回访'],
    en: { term: 'follow-up call', avoid: ['return visit', 'callback'] },
    ug: { term: 'قايتا زىيارەت', stem: 'قايتا زىيارەت' },
  },
  {
    zh: ['评价'],
    en: { term: 'rating', avoid: ['review', 'feedback score'] },
    ug: { term: 'باھا' },
  },
  {
    zh: ['网格员'],
    en: { term: 'grid worker', avoid: ['grid administrator', 'grid officer', 'grid member'] },
    ug: { term: 'تور كاتەكچە خادىمى', stem: 'تور كاتەكچە خادىم' },
  },
  {
    zh: ['上门'],
    en: { term: 'home visit', avoid: ['house call', 'door-to-door'] },
    ug: { term: 'ئۆيگە كېلىپ مۇلازىمەت قىلىش', stem: 'كېلىپ مۇلازىمەت' },
  },
  {
    zh: ['承办单位', '承办部门'],
    en: { term: 'handling department', avoid: ['responsible department', 'handling unit', 'handling agency'] },
    ug: { term: 'بىر تەرەپ قىلغۇچى ئورۇن' },
  },
  {
    zh: ['投诉'],
    en: { term: 'complaint', stem: 'complain', avoid: ['grievance'] },
    ug: { term: 'ئەرز-شىكايەت', stem: 'شىكايەت' },
  },
  {
    zh: ['12345政务服务便民热线', '12345'],
    en: { term: '12345 Government Service Hotline', avoid: ['helpline', 'hot line'] },
    ug: {
      term: '12345 ھۆكۈمەت ئىشلىرى مۇلازىمىتى قىزىق لىنىيىسى',
      stem: '12345 ھۆكۈمەت ئىشلىرى مۇلازىمىتى قىزىق لىنىي',
    },
  },
  {
    zh: ['政务服务'],
    en: { term: 'government service', avoid: ['public service', 'administrative service'] },
    ug: { term: 'ھۆكۈمەت ئىشلىرى مۇلازىمىتى', stem: 'ھۆكۈمەت ئىشلىرى مۇلازىم' },
  },
  {
    zh: ['人工客服', '工作人员', '人工'],
    en: { term: 'staff member', avoid: ['operator', 'human agent', 'customer service agent', 'representative'] },
    ug: { term: 'خىزمەتچى خادىم' },
  },
  {
    zh: ['预警'],
    en: { term: 'alert', avoid: ['warning', 'early warning'] },
    ug: { term: 'ئالدىن ئاگاھلاندۇرۇش' },
  },
  // Asking and getting things done.
  {
    zh: ['政策'],
    en: { term: 'policy', stem: 'polic' },
    ug: { term: 'سىياسەت', stem: 'سىياس' },
  },
  {
    zh: ['办事指南'],
    en: { term: 'service guide', avoid: ['how-to guide', 'service manual'] },
    ug: { term: 'ئىش بېجىرىش قوللانمىسى', stem: 'ئىش بېجىرىش قوللانم' },
  },
  {
    zh: ['材料清单'],
    en: { term: 'list of required documents', avoid: ['materials list', 'material list'] },
    ug: { term: 'كېرەكلىك ماتېرىياللار تىزىملىكى', stem: 'ماتېرىيال' },
  },
  {
    zh: ['申请资格', '申请条件'],
    en: { term: 'eligibility', stem: 'eligib', avoid: ['qualification'] },
    ug: { term: 'ئىلتىماس قىلىش شەرتى', stem: 'شەرت' },
  },
  {
    zh: ['街道'],
    en: { term: 'sub-district', avoid: ['street office'] },
    ug: { term: 'كوچا' },
  },
  {
    zh: ['小区'],
    en: { term: 'residential compound', avoid: ['housing estate', 'neighbourhood', 'neighborhood'] },
    ug: { term: 'ئولتۇراق رايونى', stem: 'ئولتۇراق رايون' },
  },
  // Schemes and services.
  {
    zh: ['户籍', '户口', '落户'],
    en: { term: 'household registration', avoid: ['household register', 'residency registration'] },
    ug: { term: 'نوپۇس' },
  },
  {
    zh: ['新生儿'],
    en: { term: 'newborn', avoid: ['new-born', 'neonate'] },
    ug: { term: 'يېڭى تۇغۇلغان بوۋاق' },
  },
  {
    zh: ['社保', '社会保险', '参保'],
    en: { term: 'social insurance', avoid: ['social security'] },
    ug: { term: 'ئىجتىمائىي سۇغۇرتا', stem: 'ئىجتىمائىي سۇغۇرت' },
  },
  {
    zh: ['灵活就业'],
    en: { term: 'flexible employment', avoid: ['gig work', 'freelance'] },
    ug: { term: 'جانلىق ئىشقا ئورۇنلىشىش', stem: 'جانلىق ئىشقا ئورۇنل' },
  },
  {
    zh: ['公租房', '公共租赁住房'],
    en: {
      term: 'public rental housing',
      avoid: ['public housing', 'social housing', 'council housing', 'public rent housing'],
    },
    ug: { term: 'ئاممىۋى ئىجارە ئۆي' },
  },
  {
    zh: ['低保', '最低生活保障'],
    en: {
      term: 'minimum living allowance',
      avoid: ['subsistence allowance', 'low-income allowance', 'minimum livelihood guarantee', 'welfare'],
    },
    ug: { term: 'ئەڭ تۆۋەن تۇرمۇش كاپالىتى', stem: 'ئەڭ تۆۋەن تۇرمۇش كاپال' },
  },
  {
    zh: ['营业执照'],
    en: { term: 'business licence', avoid: ['business license', 'business permit', 'trade licence'] },
    ug: { term: 'تىجارەت كىنىشكىسى', stem: 'تىجارەت كىنىشك' },
  },
  {
    zh: ['二手房过户'],
    en: { term: 'second-hand home transfer', avoid: ['used house', 'resale housing'] },
    ug: { term: 'ئىككىنچى قول ئۆي ئۆتكۈزۈش' },
  },
  {
    zh: ['企业年报'],
    en: { term: 'enterprise annual report', avoid: ['company annual return'] },
    ug: { term: 'كارخانا يىللىق دوكلاتى', stem: 'كارخانا يىللىق دوكلات' },
  },
  // Individual income tax.
  {
    zh: ['个人所得税', '个税'],
    en: { term: 'individual income tax', avoid: ['personal income tax', 'IIT'] },
    ug: { term: 'شەخسىي تاپاۋەت بېجى', stem: 'شەخسىي تاپاۋەت بېج' },
  },
  {
    zh: ['个人所得税App'],
    en: { term: 'Individual Income Tax app (个人所得税 App)' },
    ug: { term: 'شەخسىي تاپاۋەت بېجى ئەپى (个人所得税 App)' },
  },
  {
    zh: ['专项附加扣除'],
    en: {
      term: 'special additional deductions',
      stem: 'special additional deduction',
      avoid: ['special deduction', 'itemized deduction', 'itemised deduction'],
    },
    ug: { term: 'مەخسۇس قوشۇمچە چىقىرىۋېتىش', stem: 'مەخسۇس قوشۇمچە چىقىرىۋېت' },
  },
  {
    zh: ['三险一金'],
    en: { term: 'social insurance and housing fund contributions', stem: 'social insurance and housing fund' },
    ug: { term: 'ئۈچ خىل سۇغۇرتا بىر خىل جامغۇرما', stem: 'ئۈچ خىل سۇغۇرتا بىر خىل جامغۇرم' },
  },
  {
    zh: ['年度汇算'],
    en: { term: 'annual settlement', avoid: ['annual reconciliation', 'tax return'] },
    ug: { term: 'يىللىق يىغىنچاق ھېسابلاش', stem: 'يىللىق يىغىنچاق ھېساب' },
  },
  {
    zh: ['子女教育'],
    en: { term: "children's education", avoid: ['child education'] },
    ug: { term: 'پەرزەنت مائارىپى', stem: 'پەرزەنت مائارىپ' },
  },
  {
    zh: ['3岁以下婴幼儿照护'],
    en: { term: 'care of infants under 3', avoid: ['childcare', 'child care'] },
    ug: { term: '3 ياشتىن تۆۋەن بوۋاقلارنى پەرۋىش قىلىش', stem: '3 ياشتىن تۆۋەن بوۋاقلارنى پەرۋىش' },
  },
  {
    zh: ['赡养老人'],
    en: { term: 'support for elderly parents', avoid: ['elderly care', 'elder care'] },
    ug: { term: 'ياشانغانلارنى بېقىش' },
  },
  {
    zh: ['住房贷款利息'],
    en: { term: 'housing loan interest', avoid: ['mortgage interest'] },
    ug: { term: 'ئۆي قەرزى ئۆسۈمى' },
  },
  {
    zh: ['住房租金'],
    en: { term: 'housing rent' },
    ug: { term: 'ئۆي ئىجارە ھەققى' },
  },
  {
    zh: ['继续教育'],
    en: { term: 'continuing education', avoid: ['further education', 'adult education'] },
    ug: { term: 'داۋاملىق مائارىپ' },
  },
  {
    zh: ['大病医疗'],
    en: { term: 'medical expenses for serious illness', avoid: ['critical illness'] },
    ug: { term: 'ئېغىر كېسەل داۋالاش چىقىمى', stem: 'ئېغىر كېسەل داۋالاش' },
  },
  {
    zh: ['独生子女'],
    en: { term: 'only child', avoid: ['single child'] },
    ug: { term: 'يالغۇز پەرزەنت' },
  },
  {
    zh: ['省会城市'],
    en: { term: 'provincial capital' },
    ug: { term: 'ئۆلكە مەركىزى شەھەر' },
  },
  {
    zh: ['元'],
    en: { term: 'yuan', avoid: ['RMB', 'CNY'] },
    ug: { term: 'يۈەن' },
  },
];

const BY_CHINESE = new Map(GLOSSARY.flatMap((entry) => entry.zh.map((wording) => [wording, entry] as const)));

/** The glossary entry for a Chinese wording (户口 finds 户籍's), if there is one. */
export function glossaryTerm(chinese: string): GlossaryTerm | undefined {
  return BY_CHINESE.get(chinese);
}

/** A Chinese term in a citizen's language; a name the glossary does not know stays in Chinese, as written. */
export function termIn(lang: 'en' | 'ug', chinese: string): string {
  return glossaryTerm(chinese)?.[lang].term ?? chinese;
}

/**
 * The Chinese terms a message in English or Uyghur speaks of, for searching content that is written in Chinese
 * ("business licence" → 营业执照). Uyghur is matched on the stem, since suffixes follow it.
 */
export function chineseTermsIn(text: string, lang: 'en' | 'ug'): string[] {
  return GLOSSARY.filter((entry) => mentions(text, entry[lang], lang)).map((entry) => entry.zh[0]);
}

/** Whether a text in that language uses the glossary's rendering (or its stem) of a term. */
export function mentions(text: string, rendering: Rendering, lang: 'en' | 'ug'): boolean {
  return containsWord(text, rendering.stem ?? rendering.term, lang);
}

/** The words of `avoid` a text uses instead of the term. */
export function avoidedWordsIn(text: string, rendering: Rendering, lang: 'en' | 'ug'): string[] {
  return (rendering.avoid ?? []).filter((word) => containsWord(text, word, lang, true));
}

/**
 * English words are matched from a word's start, ignoring case ("Work orders" has "work order"); an avoided word
 * also up to its end, plural allowed ("ticket" is not in "ticketing"). Uyghur is matched as written: its suffixes
 * follow the stem.
 */
function containsWord(text: string, word: string, lang: 'en' | 'ug', isWhole = false): boolean {
  if (lang === 'ug') return text.includes(word);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${isWhole ? '(?:e?s)?(?![\\p{L}\\p{N}])' : ''}`, 'iu').test(text);
}

/** 国发〔2023〕13号: an official document number is a name, quoted as written in every language. */
const DOCUMENT_NUMBER = /[\p{Script=Han}]{1,6}〔\d{4}〕\d+号/gu;

export function documentNumbersIn(text: string): string[] {
  return [...new Set(text.match(DOCUMENT_NUMBER) ?? [])];
}
