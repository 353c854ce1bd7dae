import {
  ChatMessage,
  chooseLang,
  LANGS,
  MessageSync,
  Outbox,
  reconnectDelayMs,
  sendOutcome,
  STRINGS,
} from './public/chat/chat-logic';

const reply = (id: string): ChatMessage => ({
  id,
  direction: 'out',
  text: `reply ${id}`,
  createdAt: '2026-11-26T08:00:00.000Z',
});
const ids = (messages: ChatMessage[]) => messages.map(({ id }) => id);

describe('the wait before reconnecting', () => {
  it('doubles from half a second, with the lower half fixed and the upper half random', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, () => 0))).toEqual([250, 500, 1000, 2000]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(reconnectDelayMs(2, () => 0.5)).toBe(1500);
  });

  it('stops growing at the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(20, () => 1)).toBe(10_000);
    expect(reconnectDelayMs(1000, () => 0)).toBe(5000);
    expect(reconnectDelayMs(6, () => 1, { baseMs: 100, capMs: 5000 })).toBe(5000);
  });

  it('spreads pages cut off together over the upper half of the window', () => {
    const delays = Array.from({ length: 200 }, () => reconnectDelayMs(9));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(5000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(10_000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});

describe('what a POST answer means for the message waiting to be sent', () => {
  it.each([
    [200, 'sent'],
    [202, 'sent'],
    [404, 'unknown_session'],
    [0, 'retry'],
    [429, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [400, 'rejected'],
    [413, 'rejected'],
  ])('%i: %s', (status, outcome) => {
    expect(sendOutcome(status)).toBe(outcome);
  });
});

describe('the language the page speaks', () => {
  it('is the one the citizen chose before, over the host site and the browser', () => {
    expect(chooseLang('ug', 'zh', ['en-US'])).toBe('ug');
  });

  it('is the host site’s, then the browser’s, then Chinese', () => {
    expect(chooseLang(null, 'en', ['zh-CN'])).toBe('en');
    expect(chooseLang(null, undefined, ['fr-FR', 'ug-CN', 'en'])).toBe('ug');
    expect(chooseLang('fr', 'de', ['fr-FR'])).toBe('zh');
    expect(chooseLang(null, null, undefined)).toBe('zh');
  });

  it('has every string in every language, and Uyghur alone right to left', () => {
    const keys = Object.keys(STRINGS.zh).sort();
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
      expect(Object.values(STRINGS[lang]).every((text) => text.trim().length > 0)).toBe(true);
    }
    expect(LANGS.map((lang) => STRINGS[lang].dir)).toEqual(['ltr', 'ltr', 'rtl']);
  });
});

describe('the messages a page shows', () => {
  it('shows a reply once, whether pushed, caught up or in a POST answer', () => {
    const sync = new MessageSync();
    expect(ids(sync.answered([reply('r1')]))).toEqual(['r1']);
    expect(sync.pushed(reply('r1'))).toEqual([]);
    sync.beginCatchUp();
    expect(sync.endCatchUp([reply('r1')])).toEqual([]);
  });

  it('catches up after the last message the live feed brought, not after a reply a POST answer brought', () => {
    const sync = new MessageSync();
    sync.beginCatchUp();
    sync.endCatchUp([]);
    sync.pushed(reply('r1'));
    sync.answered([reply('r3')]);
    expect(sync.beginCatchUp()).toBe('r1');
    expect(ids(sync.endCatchUp([reply('r2'), reply('r3')]))).toEqual(['r2']);
    expect(sync.cursor).toBe('r3');
  });

  it('asks for the whole history before it has seen anything', () => {
    expect(new MessageSync().beginCatchUp()).toBeUndefined();
  });

  it('holds what is pushed during a catch-up and shows it after the history, once', () => {
    const sync = new MessageSync();
    sync.beginCatchUp();
    sync.endCatchUp([reply('r1')]);
    sync.beginCatchUp();
    expect(sync.pushed(reply('r3'))).toEqual([]);
    expect(sync.pushed(reply('r4'))).toEqual([]);
    expect(ids(sync.endCatchUp([reply('r2'), reply('r3')]))).toEqual(['r2', 'r3', 'r4']);
    // Only the history is known to be complete: a push held meanwhile may have come from a socket opened after the query.
    expect(sync.cursor).toBe('r3');
    expect(ids(sync.pushed(reply('r5')))).toEqual(['r5']);
    expect(sync.cursor).toBe('r5');
  });

  it('keeps its cursor when a catch-up fails, or the socket closes, until the next catch-up', () => {
    const sync = new MessageSync();
    sync.beginCatchUp();
    sync.endCatchUp([reply('r1')]);
    sync.beginCatchUp();
    sync.pushed(reply('r3'));
    expect(ids(sync.abortCatchUp())).toEqual(['r3']);
    expect(ids(sync.pushed(reply('r4')))).toEqual(['r4']);
    expect(sync.beginCatchUp()).toBe('r1');
    expect(ids(sync.endCatchUp([reply('r2'), reply('r3'), reply('r4')]))).toEqual(['r2']);
    sync.disconnected();
    sync.pushed(reply('r5'));
    expect(sync.cursor).toBe('r4');
  });

  it('loses nothing stored while the socket was down, when the reply is both pushed and caught up', () => {
    const sync = new MessageSync();
    sync.beginCatchUp();
    sync.endCatchUp([reply('greeting')]);
    sync.disconnected();
    // Reconnected: the catch-up is under way when the gateway, back up, stores and pushes the ticket progress.
    expect(sync.beginCatchUp()).toBe('greeting');
    expect(sync.pushed(reply('signed-for'))).toEqual([]);
    expect(ids(sync.endCatchUp([reply('signed-for')]))).toEqual(['signed-for']);
    expect(sync.pushed(reply('signed-for'))).toEqual([]);
  });

  it('does not show the citizen’s own message again once its id is known', () => {
    const sync = new MessageSync();
    sync.markShown('m1');
    sync.beginCatchUp();
    expect(ids(sync.endCatchUp([{ ...reply('m1'), direction: 'in' }, reply('r1')]))).toEqual(['r1']);
  });
});

describe('messages waiting to be sent', () => {
  const entry = (clientMessageId: string, text = '我要投诉') => ({
    clientMessageId,
    text,
    lang: 'zh' as const,
    elderMode: false,
  });

  it('go out oldest first, each once, and survive being saved and read back', () => {
    const outbox = new Outbox();
    outbox.add(entry('a', '第一条'));
    outbox.add(entry('b', '第二条'));
    outbox.add(entry('a', '第一条'));
    const restored = Outbox.parse(outbox.serialize());
    expect(restored.size).toBe(2);
    expect(restored.first()?.text).toBe('第一条');
    restored.remove('a');
    expect(restored.first()?.text).toBe('第二条');
  });

  it('start empty from nothing saved, or from something unreadable, keeping only whole entries', () => {
    expect(Outbox.parse(null).size).toBe(0);
    expect(Outbox.parse('{not json').size).toBe(0);
    expect(Outbox.parse('{"a":1}').size).toBe(0);
    expect(Outbox.parse(JSON.stringify([entry('a'), { text: 'no id' }, null, entry('b', '')])).size).toBe(1);
  });
});
