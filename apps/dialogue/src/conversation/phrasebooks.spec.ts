import { phrasebookFor } from './phrasebooks';

describe('the phrasebook for a citizen', () => {
  it('speaks their language, in elder mode when they are older', () => {
    expect([phrasebookFor('zh'), phrasebookFor('en'), phrasebookFor('ug')].map((say) => say.lang)).toEqual([
      'zh',
      'en',
      'ug',
    ]);
    for (const lang of ['zh', 'en', 'ug'] as const) {
      expect(phrasebookFor(lang, true)).toMatchObject({ lang, isElderMode: true });
      expect(phrasebookFor(lang, false)).toMatchObject({ lang, isElderMode: false });
    }
  });
});
