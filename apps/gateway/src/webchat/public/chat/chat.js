// The web chat page, alone at /chat/ or inside the widget's iframe (?embed=1). Sends with POST
// /api/v1/chat/messages, hears replies live on /ws, and after every (re)connect catches up on what it missed with
// GET …/messages?after=<cursor>. The rules (what to show once, backoff, outbox, language) are in chat-logic.js.
(() => {
  'use strict';
  const { STRINGS, chooseLang, reconnectDelayMs, sendOutcome, MessageSync, Outbox } = window.ChatLogic;

  const KEYS = { session: 'chatSessionId', lang: 'chatLang', elderMode: 'chatElderMode', outbox: 'chatOutbox' };
  /** Without the live feed, the POST waits this long for the reply itself. */
  const FALLBACK_WAIT_MS = 15000;
  /** Failed socket attempts, on a page that never had one open, after which WebSockets look blocked. */
  const BLOCKED_AFTER_ATTEMPTS = 2;
  const THINKING_MS = 20000;

  const params = new URLSearchParams(location.search);
  const isEmbedded = params.get('embed') === '1' && window.parent !== window;
  const storage = openStorage();
  const byId = (id) => document.getElementById(id);
  const log = byId('log');
  const choices = byId('choices');
  const form = byId('form');
  const input = byId('text');
  const langSelect = byId('lang');
  const elderButton = byId('elder');
  const closeButton = byId('close');
  const offlineBanner = byId('offline');
  const status = byId('status');

  let lang = chooseLang(storage.get(KEYS.lang), params.get('lang'), navigator.languages);
  let isElderMode = storage.get(KEYS.elderMode) === '1';
  let sessionId = storage.get(KEYS.session);
  let sync = new MessageSync();
  const outbox = Outbox.parse(storage.get(KEYS.outbox));
  let socket = null;
  let isLive = false;
  let hasBeenLive = false;
  let attempt = 0;
  let reconnectTimer;
  let sendAttempt = 0;
  let sendRetryTimer;
  let isFlushing = false;
  let catchUpRun = null;
  let needsAnotherCatchUp = false;
  let awaitingReplyTo = null;
  let thinkingTimer;
  const answeredIds = new Set();

  const t = (key) => STRINGS[lang][key];
  const api = (path) => new URL(`../api/v1/chat/${path}`, location.href).toString();

  // ---- what the page shows ----

  function bubble(direction, text) {
    const item = document.createElement('li');
    item.className = direction;
    const speaker = document.createElement('span');
    speaker.className = 'visually-hidden speaker';
    speaker.textContent = t(direction === 'in' ? 'citizenSaid' : 'assistantSaid');
    const body = document.createElement('div');
    body.className = 'text';
    body.dir = 'auto';
    body.textContent = text;
    item.append(speaker, body);
    return item;
  }

  /** Server messages go before the citizen's messages still waiting to be sent, which stay last. */
  function showMessages(messages) {
    for (const message of messages) {
      const item = bubble(message.direction, message.text);
      item.dataset.id = message.id;
      if (message.quickReplies && message.quickReplies.length > 0) {
        item.dataset.choices = JSON.stringify(message.quickReplies);
      }
      log.insertBefore(item, log.querySelector('li.pending'));
      if (message.direction === 'out' && message.inReplyTo && message.endOfTurn !== false) {
        answeredIds.add(message.inReplyTo);
        if (message.inReplyTo === awaitingReplyTo) stopThinking();
      }
    }
    if (messages.length > 0) {
      offerChoices();
      scrollToEnd();
    }
  }

  /** The quick replies of the last message, when it is the assistant's; in elder mode CSS makes them big buttons. */
  function offerChoices() {
    const items = log.querySelectorAll('li:not(.pending)');
    const last = items[items.length - 1];
    const labels =
      last && last.classList.contains('out') && last.dataset.choices ? JSON.parse(last.dataset.choices) : [];
    choices.replaceChildren(
      ...labels.map((label) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        button.dir = 'auto';
        button.addEventListener('click', () => {
          submit(label);
          input.focus();
        });
        return button;
      }),
    );
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function startThinking(messageId) {
    if (answeredIds.has(messageId)) return;
    awaitingReplyTo = messageId;
    status.textContent = t('thinking');
    clearTimeout(thinkingTimer);
    thinkingTimer = setTimeout(() => {
      if (awaitingReplyTo === messageId) status.textContent = t('replyLater');
    }, THINKING_MS);
  }

  function stopThinking() {
    awaitingReplyTo = null;
    clearTimeout(thinkingTimer);
    status.textContent = '';
  }

  function setOffline(isOffline) {
    document.documentElement.classList.toggle('offline', isOffline);
    if (isOffline === !offlineBanner.hidden) return;
    offlineBanner.hidden = !isOffline;
    // Set again once visible, so that screen readers announce it.
    if (isOffline) offlineBanner.textContent = t('offline');
  }

  // ---- sending: every message goes through the outbox ----

  function submit(rawText) {
    const text = rawText.trim();
    if (!text) return;
    const entry = { clientMessageId: newId(), text, lang, elderMode: isElderMode };
    outbox.add(entry);
    saveOutbox();
    log.appendChild(pendingBubble(entry));
    input.value = '';
    choices.replaceChildren();
    scrollToEnd();
    void flush();
  }

  function pendingBubble(entry) {
    const item = bubble('in', entry.text);
    item.classList.add('pending');
    item.dataset.clientId = entry.clientMessageId;
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = t('queued');
    item.appendChild(note);
    return item;
  }

  /**
   * Sends what waits, oldest first, one at a time so that the order holds. With a session, only once the page is live
   * (socket open and caught up), so that what the gateway stored meanwhile is shown before the answers to these;
   * unless WebSockets look blocked, when the POST waits for its own reply instead.
   */
  async function flush() {
    const canSend = !sessionId || isLive || (!hasBeenLive && attempt >= BLOCKED_AFTER_ATTEMPTS);
    if (isFlushing || !canSend) return;
    isFlushing = true;
    clearTimeout(sendRetryTimer);
    try {
      for (let entry = outbox.first(); entry; entry = outbox.first()) {
        if ((await post(entry)) === 'retry') {
          sendRetryTimer = setTimeout(flush, reconnectDelayMs(sendAttempt++));
          return;
        }
      }
      sendAttempt = 0;
    } finally {
      isFlushing = false;
    }
  }

  async function post(entry) {
    const body = {
      text: entry.text,
      lang: entry.lang,
      elderMode: entry.elderMode,
      clientMessageId: entry.clientMessageId,
    };
    if (sessionId) body.sessionId = sessionId;
    let response;
    let answer;
    try {
      response = await fetch(api(`messages?wait=${isLive ? 0 : FALLBACK_WAIT_MS}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      answer = await response.json().catch(() => ({}));
    } catch {
      return 'retry';
    }
    const item = log.querySelector(`li.pending[data-client-id="${entry.clientMessageId}"]`);
    const outcome = sendOutcome(response.status);
    if (outcome === 'unknown_session' && body.sessionId) {
      // The session is gone (expired or cleared): this message opens a new one.
      forgetSession();
      return 'again';
    }
    if (outcome === 'retry') return 'retry';
    outbox.remove(entry.clientMessageId);
    saveOutbox();
    if (outcome !== 'sent') {
      markFailed(item, answer.message);
      return 'rejected';
    }
    confirm(item, answer.messageId);
    if (answer.sessionId !== sessionId) adoptSession(answer.sessionId);
    startThinking(answer.messageId);
    showMessages(sync.answered(answer.replies || []));
    if (response.status === 202 && !isLive) status.textContent = t('replyLater');
    return 'sent';
  }

  function confirm(item, messageId) {
    if (!item) return sync.markShown(messageId);
    // A catch-up may have brought the message already (its answer was lost and it was sent again).
    if (sync.isShown(messageId)) return item.remove();
    sync.markShown(messageId);
    item.classList.remove('pending');
    item.dataset.id = messageId;
    delete item.dataset.clientId;
    item.querySelector('.note')?.remove();
  }

  function markFailed(item, reason) {
    if (!item) return;
    item.classList.remove('pending');
    item.classList.add('failed');
    const note = item.querySelector('.note') || item.appendChild(document.createElement('span'));
    note.className = 'note';
    note.textContent = reason || t('failed');
    status.textContent = t('failed');
  }

  // ---- hearing replies: the socket, and the catch-up after each (re)connect ----

  function connect() {
    if (!sessionId || socket) return;
    clearTimeout(reconnectTimer);
    const url = new URL(`../ws?sessionId=${encodeURIComponent(sessionId)}`, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      void goLive(ws);
    });
    ws.addEventListener('message', (event) => {
      const data = parseJson(event.data);
      if (socket === ws && data && data.type === 'message' && data.message && data.message.id) {
        showMessages(sync.pushed(data.message));
      }
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = null;
      isLive = false;
      sync.disconnected();
      if (event.code === 4404 || event.code === 4400) return startAfresh();
      setOffline(true);
      reconnectTimer = setTimeout(connect, reconnectDelayMs(attempt++));
      if (!hasBeenLive) void flush();
    });
  }

  async function goLive(ws) {
    const isCaughtUp = await catchUp();
    if (socket !== ws || ws.readyState !== WebSocket.OPEN) return;
    if (!isCaughtUp) return ws.close();
    isLive = true;
    hasBeenLive = true;
    setOffline(false);
    void flush();
  }

  /** One catch-up at a time; one asked for while another runs starts right after it, from the newer cursor. */
  function catchUp() {
    if (catchUpRun) {
      needsAnotherCatchUp = true;
      return catchUpRun;
    }
    catchUpRun = (async () => {
      let isCaughtUp = false;
      do {
        needsAnotherCatchUp = false;
        isCaughtUp = await catchUpOnce();
      } while (needsAnotherCatchUp && isCaughtUp);
      return isCaughtUp;
    })().finally(() => {
      catchUpRun = null;
    });
    return catchUpRun;
  }

  async function catchUpOnce() {
    const forSession = sessionId;
    const mySync = sync;
    const after = mySync.beginCatchUp();
    const query = after ? `?after=${encodeURIComponent(after)}` : '';
    try {
      const response = await fetch(api(`sessions/${encodeURIComponent(forSession)}/messages${query}`), {
        cache: 'no-store',
      });
      if (forSession !== sessionId) return false;
      if (response.status === 404) {
        startAfresh();
        return false;
      }
      if (!response.ok) throw new Error(`history answered ${response.status}`);
      const { messages } = await response.json();
      if (forSession !== sessionId) return false;
      showMessages(mySync.endCatchUp(messages));
      return true;
    } catch {
      if (mySync === sync) showMessages(mySync.abortCatchUp());
      return false;
    }
  }

  function adoptSession(id) {
    sessionId = id;
    storage.set(KEYS.session, id);
    connect();
  }

  /** The session is unknown to the server: forget it, keeping only what waits to be sent. */
  function forgetSession() {
    storage.remove(KEYS.session);
    sessionId = null;
    sync = new MessageSync();
    isLive = false;
    clearTimeout(reconnectTimer);
    const old = socket;
    socket = null;
    old?.close();
    for (const item of log.querySelectorAll('li:not(.pending)')) item.remove();
    choices.replaceChildren();
    setOffline(false);
  }

  /** A new conversation, opened with a greeting unless a message waiting to be sent opens it. */
  function startAfresh() {
    forgetSession();
    if (outbox.size === 0) submit(t('greeting'));
  }

  // ---- language, elder mode, the host page ----

  function applyLang() {
    const strings = STRINGS[lang];
    const root = document.documentElement;
    root.lang = strings.htmlLang;
    root.dir = strings.dir;
    document.title = strings.title;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = strings[node.dataset.i18n];
    for (const node of document.querySelectorAll('[data-i18n-label]')) {
      node.setAttribute('aria-label', strings[node.dataset.i18nLabel]);
    }
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
      node.placeholder = strings[node.dataset.i18nPlaceholder];
    }
    for (const node of log.querySelectorAll('li.in .speaker')) node.textContent = strings.citizenSaid;
    for (const node of log.querySelectorAll('li.out .speaker')) node.textContent = strings.assistantSaid;
    for (const node of log.querySelectorAll('li.pending .note')) node.textContent = strings.queued;
    langSelect.value = lang;
    tellHost({ type: 'lang', lang });
  }

  function applyElderMode() {
    document.documentElement.classList.toggle('elder', isElderMode);
    elderButton.setAttribute('aria-pressed', String(isElderMode));
  }

  function tellHost(message) {
    // Only the language and "close" go out, nothing the citizen wrote: any host page may hear them.
    if (isEmbedded) window.parent.postMessage({ source: 'gov-chat', ...message }, '*');
  }

  // ---- small things ----

  function openStorage() {
    try {
      const local = window.localStorage;
      local.getItem(KEYS.session);
      return {
        get: (key) => local.getItem(key),
        set: (key, value) => {
          try {
            local.setItem(key, value);
          } catch {
            // Full or refused: the page still works, it only forgets on reload.
          }
        },
        remove: (key) => local.removeItem(key),
      };
    } catch {
      const memory = new Map();
      return {
        get: (key) => (memory.has(key) ? memory.get(key) : null),
        set: (key, value) => memory.set(key, String(value)),
        remove: (key) => memory.delete(key),
      };
    }
  }

  function saveOutbox() {
    if (outbox.size === 0) storage.remove(KEYS.outbox);
    else storage.set(KEYS.outbox, outbox.serialize());
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(
      '',
    );
  }

  function parseJson(text) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  // ---- wiring ----

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(input.value);
    input.focus();
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; Enter that confirms an IME composition (拼音) does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit(input.value);
    }
  });
  langSelect.addEventListener('change', () => {
    lang = chooseLang(langSelect.value, null, []);
    storage.set(KEYS.lang, lang);
    applyLang();
  });
  elderButton.addEventListener('click', () => {
    isElderMode = !isElderMode;
    storage.set(KEYS.elderMode, isElderMode ? '1' : '0');
    applyElderMode();
  });
  // Back online, or back to this tab: try at once rather than at the end of a long backoff.
  const reconnectNow = () => {
    attempt = 0;
    if (!socket) connect();
    void flush();
  };
  window.addEventListener('online', reconnectNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reconnectNow();
  });
  window.addEventListener('offline', () => setOffline(true));
  if (isEmbedded) {
    closeButton.hidden = false;
    closeButton.addEventListener('click', () => tellHost({ type: 'close' }));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') tellHost({ type: 'close' });
    });
    window.addEventListener('message', (event) => {
      if (event.source === window.parent && event.data && event.data.source === 'gov-chat-widget') {
        if (event.data.type === 'opened') input.focus();
      }
    });
  }

  async function start() {
    applyLang();
    applyElderMode();
    for (const entry of outbox.entries) log.appendChild(pendingBubble(entry));
    if (sessionId) await catchUp();
    if (!sessionId && outbox.size === 0 && log.children.length === 0) submit(t('greeting'));
    connect();
    void flush();
    if (!isEmbedded) input.focus();
  }

  void start();
})();
