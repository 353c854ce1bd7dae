// The web chat page's rules, without the page: what to show once, when to reconnect, what waits to be sent, which
// language to speak. A classic script, so that the page needs no bundler (window.ChatLogic) and the unit tests can
// require it in Node (chat-logic.spec.ts beside webchat.controller.ts); its types are in chat-logic.d.ts.
(function (exports) {
  'use strict';

  const LANGS = ['zh', 'en', 'ug'];

  /** What the page says, per language. Uyghur is written right to left. */
  const STRINGS = {
    zh: {
      htmlLang: 'zh-CN',
      dir: 'ltr',
      title: '政务服务智能客服',
      subtitle: '7×24 小时为您解答政策、指引办事、受理投诉',
      language: '语言',
      elderMode: '长者模式',
      close: '关闭',
      conversation: '对话记录',
      quickReplies: '快捷回复',
      inputLabel: '输入您的问题',
      placeholder: '请输入您的问题，例如：我要投诉小区周边施工扰民',
      send: '发送',
      citizenSaid: '我说：',
      assistantSaid: '客服回复：',
      thinking: '正在为您查询，请稍候…',
      replyLater: '答复将稍后送达，请您留在本页面。',
      offline: '网络连接已中断，正在为您重新连接；您输入的消息将在连接恢复后自动发送。',
      queued: '待发送',
      failed: '消息未能发送，请修改后重新发送。',
      greeting: '你好',
    },
    en: {
      htmlLang: 'en',
      dir: 'ltr',
      title: 'Government Services Assistant',
      subtitle: 'Policy answers, service guides and complaints, 24/7',
      language: 'Language',
      elderMode: 'Elder mode',
      close: 'Close',
      conversation: 'Conversation',
      quickReplies: 'Quick replies',
      inputLabel: 'Type your question',
      placeholder: 'Type your question, e.g. "How do I register a newborn?"',
      send: 'Send',
      citizenSaid: 'You said:',
      assistantSaid: 'Assistant replied:',
      thinking: 'Looking that up for you…',
      replyLater: 'The answer is on its way; please stay on this page.',
      offline: 'Connection lost. Reconnecting… Messages you type now are sent as soon as it is back.',
      queued: 'Waiting to send',
      failed: 'Could not send this message. Please change it and send it again.',
      greeting: 'Hello',
    },
    ug: {
      htmlLang: 'ug',
      dir: 'rtl',
      title: 'ھۆكۈمەت ئىشلىرى مۇلازىمىتى ئەقلىي ياردەمچىسى',
      subtitle: 'كۈنىگە 24 سائەت: سىياسەت سوئاللىرىغا جاۋاب، ئىش بېجىرىش يېتەكچىلىكى، ئەرز-شىكايەت قوبۇل قىلىش',
      language: 'تىل',
      elderMode: 'ياشانغانلار ھالىتى',
      close: 'تاقاش',
      conversation: 'سۆھبەت خاتىرىسى',
      quickReplies: 'تېز جاۋابلار',
      inputLabel: 'سوئالىڭىزنى يېزىڭ',
      placeholder: 'سوئالىڭىزنى بۇ يەرگە يېزىڭ',
      send: 'يوللاش',
      citizenSaid: 'سىز:',
      assistantSaid: 'ياردەمچى:',
      thinking: 'سىز ئۈچۈن ئىزدەۋاتىمەن، سەل ساقلاڭ…',
      replyLater: 'جاۋاب سەل تۇرۇپ كېلىدۇ، بۇ بەتتىن ئايرىلماڭ.',
      offline: 'تور ئۈزۈلدى، قايتا ئۇلىنىۋاتىدۇ. ھازىر يازغان ئۇچۇرلىرىڭىز تور ئەسلىگە كەلگەندە ئاپتوماتىك يوللىنىدۇ.',
      queued: 'يوللىنىشنى ساقلاۋاتىدۇ',
      failed: 'بۇ ئۇچۇر يوللانمىدى، ئۆزگەرتىپ قايتا يوللاڭ.',
      greeting: 'ياخشىمۇسىز',
    },
  };

  /**
   * The language to speak: the one the citizen chose before, else the one the host site asks for, else the browser's
   * (a Uyghur, Chinese or English one), else Chinese.
   */
  function chooseLang(saved, requested, browserLanguages) {
    if (LANGS.includes(saved)) return saved;
    if (LANGS.includes(requested)) return requested;
    for (const tag of browserLanguages || []) {
      const primary = String(tag).toLowerCase().split('-')[0];
      if (LANGS.includes(primary)) return primary;
    }
    return 'zh';
  }

  /**
   * How long to wait before reconnect attempt `attempt` (0 for the first): doubling from baseMs up to capMs, and only
   * the upper half of that fixed, the rest random ("equal jitter"), so that pages cut off together by a gateway
   * restart do not all knock at the same instant, and none retries at once in a tight loop. The cap is short for a
   * chat: a citizen back online should not wait half a minute to see the reply.
   */
  function reconnectDelayMs(attempt, random, options) {
    const { baseMs = 500, capMs = 10000 } = options || {};
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
    return Math.round(ceiling / 2 + (random || Math.random)() * (ceiling / 2));
  }

  /** What to do after POST /api/v1/chat/messages answered with this status (0: no answer at all, the network failed). */
  function sendOutcome(status) {
    if (status === 200 || status === 202) return 'sent';
    if (status === 404) return 'unknown_session';
    if (status === 0 || status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
    return 'rejected';
  }

  /**
   * The messages the page shows, each once, whichever way it came: the WebSocket push, the catch-up after a
   * (re)connect, or the answer to a POST. The cursor is the message up to which the page has everything the server
   * holds, and a catch-up asks for what follows it. It moves to the end of each catch-up's history, and with the live
   * feed only while caught up: a push is in the server's order after everything the catch-up before it saw, as long
   * as the socket was open before that catch-up began (the page starts one on every open). A POST's answer never moves
   * it (a reply can overtake, on the POST's connection, a message pushed just before it), nor does a push after a
   * failed catch-up. Pushes that arrive while a catch-up is on its way are held and shown after its history.
   */
  class MessageSync {
    constructor() {
      this.shownIds = new Set();
      this.cursor = undefined;
      this.held = undefined;
      this.isCaughtUp = false;
    }

    isShown(id) {
      return this.shownIds.has(id);
    }

    /** A message the page shows without having received it (the citizen's own, once the POST gave its id). */
    markShown(id) {
      this.shownIds.add(id);
    }

    /** A message pushed over the WebSocket; returns what to show now. */
    pushed(message) {
      if (this.held) {
        this.held.push(message);
        return [];
      }
      if (this.isCaughtUp) this.cursor = message.id;
      return this.unseen([message]);
    }

    /** A catch-up starts: returns the cursor to ask after (undefined: the whole history). */
    beginCatchUp() {
      if (!this.held) this.held = [];
      return this.cursor;
    }

    /** The history after the cursor arrived; returns what to show, in order. */
    endCatchUp(history) {
      const held = this.held || [];
      this.held = undefined;
      if (history.length > 0) this.cursor = history[history.length - 1].id;
      this.isCaughtUp = true;
      return this.unseen([...history, ...held]);
    }

    /** The catch-up failed: what was pushed meanwhile is shown, but the cursor stays, so the next one asks again. */
    abortCatchUp() {
      const held = this.held || [];
      this.held = undefined;
      this.isCaughtUp = false;
      return this.unseen(held);
    }

    /** The socket closed: until the next catch-up, nothing moves the cursor. */
    disconnected() {
      this.isCaughtUp = false;
    }

    /** Replies that came in a POST's answer: shown once, cursor untouched. */
    answered(messages) {
      return this.unseen(messages);
    }

    unseen(messages) {
      const fresh = [];
      for (const message of messages) {
        if (this.shownIds.has(message.id)) continue;
        this.shownIds.add(message.id);
        fresh.push(message);
      }
      return fresh;
    }
  }

  const isEntry = (entry) =>
    entry !== null &&
    typeof entry === 'object' &&
    typeof entry.clientMessageId === 'string' &&
    typeof entry.text === 'string' &&
    entry.text.length > 0;

  /**
   * Messages the citizen wrote that the server has not accepted yet, oldest first. Kept in localStorage, so that a
   * reload while offline loses none; each keeps its clientMessageId, so that sending one again after a lost answer
   * gives the same message and the same reply.
   */
  class Outbox {
    constructor(entries) {
      this.entries = entries || [];
    }

    /** The outbox as it was saved; anything unreadable in it is dropped. */
    static parse(raw) {
      try {
        const list = JSON.parse(raw || '[]');
        return new Outbox(Array.isArray(list) ? list.filter(isEntry) : []);
      } catch {
        return new Outbox([]);
      }
    }

    add(entry) {
      if (!this.entries.some((queued) => queued.clientMessageId === entry.clientMessageId)) this.entries.push(entry);
    }

    first() {
      return this.entries[0];
    }

    remove(clientMessageId) {
      this.entries = this.entries.filter((entry) => entry.clientMessageId !== clientMessageId);
    }

    get size() {
      return this.entries.length;
    }

    serialize() {
      return JSON.stringify(this.entries);
    }
  }

  Object.assign(exports, { LANGS, STRINGS, chooseLang, reconnectDelayMs, sendOutcome, MessageSync, Outbox });
})(typeof module === 'object' && module.exports ? module.exports : (window.ChatLogic = {}));
