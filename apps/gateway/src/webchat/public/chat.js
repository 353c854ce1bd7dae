// The web chat page: sends with POST /api/v1/chat/messages?wait=…, and hears later messages (ticket progress) on /ws.
(function () {
  'use strict';
  var log = document.getElementById('log');
  var choices = document.getElementById('choices');
  var form = document.getElementById('form');
  var input = document.getElementById('text');
  var sendButton = document.getElementById('send');
  var status = document.getElementById('status');
  var shown = {};
  var sessionId = localStorage.getItem('chatSessionId');
  var socket = null;

  /** Adds a message to the log once (by id, when it has one) and returns its element. */
  function show(message) {
    if (message.id && shown[message.id]) return null;
    if (message.id) shown[message.id] = true;
    var item = document.createElement('li');
    item.className = message.direction;
    item.textContent = message.text;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    if (message.direction === 'out') offerChoices(message.quickReplies || []);
    return item;
  }

  function offerChoices(list) {
    choices.innerHTML = '';
    list.forEach(function (label) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.onclick = function () {
        send(label);
      };
      choices.appendChild(button);
    });
  }

  function connect() {
    if (!sessionId || socket) return;
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/ws?sessionId=' + encodeURIComponent(sessionId));
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === 'message') show(data.message);
    };
    socket.onclose = function (event) {
      socket = null;
      if (event.code === 4404) return forgetSession();
      // Reconnect, and fetch what was missed meanwhile.
      setTimeout(function () {
        loadHistory().then(connect);
      }, 2000);
    };
  }

  function forgetSession() {
    localStorage.removeItem('chatSessionId');
    sessionId = null;
  }

  function loadHistory() {
    if (!sessionId) return Promise.resolve();
    return fetch('/api/v1/chat/sessions/' + sessionId + '/messages')
      .then(function (response) {
        if (response.status === 404) return forgetSession();
        return response.json().then(function (body) {
          body.messages.forEach(show);
        });
      })
      .catch(function () {
        status.textContent = '网络连接不稳定，正在重试…';
      });
  }

  function send(text) {
    text = text.trim();
    if (!text) return;
    sendButton.disabled = true;
    status.textContent = '正在为您查询…';
    var body = { text: text, clientMessageId: String(Date.now()) + Math.random().toString(16).slice(2) };
    if (sessionId) body.sessionId = sessionId;
    // Shown at once, before any reply the WebSocket may push; its id is known when the POST answers.
    var sentItem = show({ direction: 'in', text: text });
    fetch('/api/v1/chat/messages?wait=15000', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (response.status === 404 && sessionId) {
            log.removeChild(sentItem);
            forgetSession();
            return send(text);
          }
          if (!response.ok) {
            sentItem.className += ' failed';
            status.textContent = answer.message || '发送失败，请稍后再试';
            return;
          }
          sessionId = answer.sessionId;
          localStorage.setItem('chatSessionId', sessionId);
          shown[answer.messageId] = true;
          (answer.replies || []).forEach(show);
          status.textContent = response.status === 202 ? '答复稍后送达，请留在此页面' : '';
          input.value = '';
          connect();
        });
      })
      .catch(function () {
        sentItem.className += ' failed';
        status.textContent = '网络连接失败，请检查网络后重试';
      })
      .then(function () {
        sendButton.disabled = false;
        input.focus();
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send(input.value);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send(input.value);
    }
  });
  loadHistory().then(function () {
    if (!log.children.length) send('你好');
    connect();
  });
})();
