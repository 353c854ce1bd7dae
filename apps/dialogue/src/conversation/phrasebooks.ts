import { Lang } from '@libs/common/contracts/common-fields';
import { Phrasebook } from './phrasebook';
import { en, enElder } from './phrasebook.en';
import { ug, ugElder } from './phrasebook.ug';
import { zh, zhElder } from './phrasebook.zh';

const BY_LANG: Record<Lang, { plain: Phrasebook; elder: Phrasebook }> = {
  zh: { plain: zh, elder: zhElder },
  en: { plain: en, elder: enElder },
  ug: { plain: ug, elder: ugElder },
};

/** The phrasebook for a citizen: their language, and elder mode when they are older. */
export function phrasebookFor(lang: Lang, isElderMode = false): Phrasebook {
  const books = BY_LANG[lang];
  return isElderMode ? books.elder : books.plain;
}
