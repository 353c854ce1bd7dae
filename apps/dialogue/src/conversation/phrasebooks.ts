import { Lang } from '@libs/common/contracts/common-fields';
import { Phrasebook } from './phrasebook';
import { zh, zhElder } from './phrasebook.zh';

const BY_LANG: Record<Lang, Phrasebook> = { zh, en: zh, ug: zh };

/** The phrasebook for a citizen: their language, and elder mode (Chinese only so far) when they are older. */
export function phrasebookFor(lang: Lang, isElderMode = false): Phrasebook {
  return lang === 'zh' && isElderMode ? zhElder : BY_LANG[lang];
}
