// The web chat on any government site, with one tag:
//   <script src="https://<gateway>/chat/widget.js" data-lang="zh" async></script>
// It adds a floating 在线咨询 button that opens the chat page (/chat/?embed=1) in an iframe. The button lives in a
// shadow root and the chat in the iframe, so neither the host page's CSS nor its scripts reach them. data-lang (zh, en
// or ug) is the first language; the citizen's own choice in the chat wins from then on.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src || window.__govChatWidget) return;
  window.__govChatWidget = true;

  const LABELS = {
    zh: { open: '在线咨询', title: '政务服务智能客服' },
    en: { open: 'Ask us online', title: 'Government Services Assistant' },
    ug: { open: 'تور ئارقىلىق مەسلىھەت', title: 'ھۆكۈمەت ئىشلىرى مۇلازىمىتى ئەقلىي ياردەمچىسى' },
  };
  let lang = Object.hasOwn(LABELS, script.dataset.lang) ? script.dataset.lang : 'zh';
  const pageUrl = new URL('./', script.src);
  const gatewayOrigin = pageUrl.origin;
  pageUrl.searchParams.set('embed', '1');
  pageUrl.searchParams.set('lang', lang);

  const STYLE = `
    :host { all: initial; }
    .launcher {
      position: fixed; inset-inline-end: 20px; bottom: 20px; z-index: 2147483000;
      display: flex; align-items: center; gap: 8px; min-height: 52px; padding: 0 20px;
      border: 0; border-radius: 26px; background: #b00d24; color: #fff; cursor: pointer;
      font: 600 17px/1.2 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans Arabic', sans-serif;
      box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
    }
    .launcher:hover { background: #8a0a1c; }
    .launcher:focus-visible { outline: 3px solid #ffbf47; outline-offset: 3px; }
    .launcher svg { width: 22px; height: 22px; fill: currentColor; }
    .panel {
      position: fixed; inset-inline-end: 20px; bottom: 84px; z-index: 2147483000;
      width: min(400px, calc(100vw - 40px)); height: min(640px, calc(100vh - 110px));
      border-radius: 12px; overflow: hidden; background: #fff; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.3);
    }
    .panel[hidden] { display: none; }
    iframe { display: block; width: 100%; height: 100%; border: 0; }
    @media (max-width: 480px) {
      .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
      :host([data-open]) .launcher { display: none; }
    }`;

  const host = document.createElement('gov-chat-widget');
  // Inline !important outranks the host page's own !important rules for the one element it could still style.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'block', 'important');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${STYLE}</style>
    <button class="launcher" type="button" aria-expanded="false" aria-controls="panel" aria-haspopup="dialog">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/>
      </svg>
      <span class="label" dir="auto"></span>
    </button>
    <div class="panel" id="panel" role="dialog" hidden></div>`;
  const launcher = root.querySelector('.launcher');
  const label = root.querySelector('.label');
  const panel = root.querySelector('.panel');
  let iframe = null;
  let isLoaded = false;

  function showLabels() {
    label.textContent = LABELS[lang].open;
    panel.setAttribute('aria-label', LABELS[lang].title);
    if (iframe) iframe.title = LABELS[lang].title;
  }

  function tellChat(type) {
    if (iframe && isLoaded) iframe.contentWindow.postMessage({ source: 'gov-chat-widget', type }, gatewayOrigin);
  }

  /** The chat page loads on the first open only: a visitor who never opens it costs the gateway nothing. */
  function open() {
    if (!iframe) {
      iframe = document.createElement('iframe');
      iframe.src = pageUrl.toString();
      iframe.title = LABELS[lang].title;
      iframe.addEventListener('load', () => {
        isLoaded = true;
        if (!panel.hidden) tellChat('opened');
      });
      panel.appendChild(iframe);
    }
    panel.hidden = false;
    host.setAttribute('data-open', '');
    launcher.setAttribute('aria-expanded', 'true');
    iframe.focus();
    tellChat('opened');
  }

  function close() {
    panel.hidden = true;
    host.removeAttribute('data-open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) close();
  });
  window.addEventListener('message', (event) => {
    if (!iframe || event.source !== iframe.contentWindow || event.origin !== gatewayOrigin) return;
    const data = event.data;
    if (!data || data.source !== 'gov-chat') return;
    if (data.type === 'close') close();
    if (data.type === 'lang' && Object.hasOwn(LABELS, data.lang)) {
      lang = data.lang;
      showLabels();
    }
  });

  showLabels();
  const mount = () => document.body.appendChild(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
