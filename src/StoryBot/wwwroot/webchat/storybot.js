// StoryBot page: connects the official Web Chat widget to the bot.
// Local mode: the bot host's own Direct Line endpoint (same origin, nothing leaves this server).
// Azure mode: a short-lived token that the host got by exchanging its secret with Direct Line.
(function () {
  'use strict';

  var statusEl = document.getElementById('status');
  var chatEl = document.getElementById('webchat');
  var suggestionsPanel = document.getElementById('suggestions-panel');
  var suggestionsList = document.getElementById('suggestions');
  var store = null;
  var haveSuggestions = false;

  function showStatus(message, kind) {
    statusEl.textContent = message;
    statusEl.className = 'status' + (kind ? ' status--' + kind : '');
    statusEl.hidden = !message;
  }

  // 'connecting' until Direct Line is connected, then 'ready'; 'failed' if it never will be.
  // Tests and bench/ read it; assistive technology gets aria-busy on the chat region.
  function setState(state) {
    chatEl.setAttribute('data-state', state);
    chatEl.parentNode.setAttribute('aria-busy', state === 'connecting' ? 'true' : 'false');
  }

  function send(text) {
    if (store) {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
    }
  }

  function renderSuggestions(questions) {
    var unique = [];
    (questions || []).forEach(function (q) {
      if (typeof q === 'string' && q.trim() && unique.indexOf(q.trim()) < 0) { unique.push(q.trim()); }
    });
    if (!unique.length) { return; }
    haveSuggestions = true;
    suggestionsList.textContent = '';
    unique.slice(0, 5).forEach(function (question) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = question;
      button.addEventListener('click', function () { send(question); });
      item.appendChild(button);
      suggestionsList.appendChild(item);
    });
    suggestionsPanel.hidden = false;
  }

  // Title, source line and first questions; the page works without this endpoint.
  fetch('api/story', { headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (story) {
      if (!story) { return; }
      if (story.title) {
        document.getElementById('story-title').textContent = story.title;
        document.title = story.title + ' · StoryBot';
      }
      if (typeof story.source === 'string') { document.getElementById('story-source').textContent = story.source; }
      renderSuggestions(story.suggestions);
    })
    .catch(function () { /* fall back to the welcome message's suggestions */ });

  // The page's own send box (index.html) until the widget's has rendered.
  var early = window.storyBotEarly || { queued: [] };
  var earlyForm = document.getElementById('early-sendbox');
  var earlyInput = document.getElementById('early-input');

  // Moves what was typed in the page's send box into the widget's, with its caret and (if it had it)
  // the focus, and removes the page's box: from here on the widget's box is the one. Same task as the
  // widget's first render, so no keystroke falls between the two.
  function handOver(input) {
    if (!earlyForm) { return; }
    var hadFocus = document.activeElement === earlyInput || document.activeElement === document.body;
    var text = earlyInput.value;
    var start = earlyInput.selectionStart;
    var end = earlyInput.selectionEnd;
    var direction = earlyInput.selectionDirection || 'none';
    earlyForm.parentNode.removeChild(earlyForm);
    earlyForm = null;
    if (!input) { return; }
    if (text) { store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: text } }); }
    if (hadFocus) { input.focus(); }
    if (text && input.value === text) { input.setSelectionRange(start, end, direction); }
  }

  // The widget will not come: the page's box cannot send either, so it says so by being disabled.
  function closeEarly() {
    if (earlyInput) { earlyInput.disabled = true; }
    if (earlyForm) { earlyForm.querySelector('button').disabled = true; }
  }

  setState('connecting');
  if (!window.WebChat) {
    setState('failed');
    closeEarly();
    showStatus('The chat widget could not be loaded. Please reload the page.', 'error');
    return;
  }

  // Web Chat's sagas drop what is sent while Direct Line is not connected (the send box keeps the
  // text and Enter does nothing). Hold those actions and replay them once it is connected, so a
  // question typed the moment the send box appears is still sent.
  var HELD_WHILE_CONNECTING = {
    'WEB_CHAT/SUBMIT_SEND_BOX': true,
    'WEB_CHAT/SEND_MESSAGE': true,
    'WEB_CHAT/SEND_MESSAGE_BACK': true,
    'WEB_CHAT/SEND_POST_BACK': true,
    'WEB_CHAT/SEND_EVENT': true
  };
  var connected = false;
  var held = [];

  // The widget itself refuses Enter and the send button while it is offline (it only tells screen
  // readers). While it is not connected, take that submit over: the text stays in the box, the page
  // says it is connecting, and the held submit is replayed on connect.
  var SEND_BUTTON = '.webchat__send-button, button[title="Send"]';
  function holdSubmit(event) {
    if (connected || !store) { return; }
    var input = chatEl.querySelector('[data-id="webchat-sendbox-input"]');
    if (!input || !input.value.trim()) { return; }
    var target = event.target;
    var isEnter = event.type === 'keydown' && event.key === 'Enter' && !event.shiftKey && !event.isComposing &&
      target && target.matches && target.matches('[data-id="webchat-sendbox-input"]');
    var isSendClick = event.type === 'click' && target && target.closest && target.closest(SEND_BUTTON) &&
      chatEl.contains(target);
    if (!isEnter && !isSendClick) { return; }
    event.preventDefault();
    event.stopPropagation();
    store.dispatch({ type: 'WEB_CHAT/SUBMIT_SEND_BOX', payload: { method: isEnter ? 'keyboard' : 'mouse' } });
  }
  window.addEventListener('keydown', holdSubmit, true);
  window.addEventListener('click', holdSubmit, true);

  store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (!connected && HELD_WHILE_CONNECTING[action.type]) {
          held.push(action);
          showStatus('Connecting… your question will be sent in a moment.', 'info');
          return action;
        }
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' || action.type === 'DIRECT_LINE/RECONNECT_FULFILLED') {
          var result = next(action);
          connected = true;
          setState('ready');
          showStatus('');
          var replay = held;
          held = [];
          // After this dispatch returns: the sagas listening for sends are forked by now.
          setTimeout(function () { replay.forEach(function (a) { store.dispatch(a); }); }, 0);
          return result;
        }
        if (action.type === 'DIRECT_LINE/DISCONNECT_PENDING' || action.type === 'DIRECT_LINE/RECONNECT_PENDING') {
          connected = false;
          setState('connecting');
        }
        if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
          setState('failed');
          showStatus('Cannot reach StoryBot right now. Please reload the page in a moment.', 'error');
        }
        // Without /api/story, take the first questions from the bot's welcome (its suggested actions).
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && !haveSuggestions) {
          var activity = action.payload && action.payload.activity;
          var actions = activity && activity.from && activity.from.role === 'bot' &&
            activity.suggestedActions && activity.suggestedActions.actions;
          if (actions && actions.length) {
            renderSuggestions(actions.filter(function (a) { return a.type === 'imBack'; })
              .map(function (a) { return a.value || a.title; }));
          }
        }
        return next(action);
      };
    };
  });

  // Questions submitted in the page's send box before this ran, and any submitted there until the
  // widget's box replaces it: held by the middleware above until Direct Line is connected.
  early.send = send;
  early.queued.splice(0).forEach(send);

  // Started by the inline script in the page's head; fetched here only if that script is missing.
  var sessionReady = window.storyBotSession ||
    fetch('api/directline/token', { method: 'POST', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error('token endpoint answered ' + r.status); }
        return r.json();
      });

  sessionReady
    .then(function (session) {
      // Built-in endpoint: the head script has started the conversation, so the widget joins it by id
      // (a GET) instead of starting it again.
      var directLine = session.mode === 'local'
        ? window.WebChat.createDirectLine({
            domain: session.domain,
            token: session.token,
            conversationId: session.started ? session.conversationId : undefined,
            webSocket: false,
            pollingInterval: session.pollingIntervalMs || 500
          })
        : window.WebChat.createDirectLine(session.domain
            ? { domain: session.domain, token: session.token }
            : { token: session.token });

      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        userID: session.userId,
        username: 'You',
        locale: 'en-US',
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Ask a question about the story…' },
        styleOptions: {
          hideUploadButton: true,
          accent: '#1d4ed8',
          backgroundColor: '#ffffff',
          primaryFont: '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
          botAvatarInitials: 'SB',
          botAvatarBackgroundColor: '#1d4ed8',
          userAvatarInitials: 'You',
          userAvatarBackgroundColor: '#64748b',
          avatarSize: 36,
          bubbleBackground: '#f1f5f9',
          bubbleBorderWidth: 0,
          bubbleBorderRadius: 14,
          bubbleNubSize: 0,
          bubbleFromUserBackground: '#1d4ed8',
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderWidth: 0,
          bubbleFromUserBorderRadius: 14,
          bubbleFromUserNubSize: 0,
          bubbleMaxWidth: 560,
          paddingRegular: 12,
          sendBoxBorderTop: '1px solid #e2e8f0',
          sendBoxHeight: 56,
          suggestedActionLayout: 'flow',
          suggestedActionBorderRadius: 18,
          suggestedActionBorderColor: '#bfdbfe',
          suggestedActionBackgroundColor: '#eff6ff',
          suggestedActionTextColor: '#1d4ed8',
          suggestedActionHeight: 36,
          // The activity status ('Just now', 'Sending', 'Send failed'): 4.8:1 on white (WCAG AA).
          timestampColor: '#64748b'
        }
      }, document.getElementById('webchat'));
      handOver(document.querySelector('[data-id="webchat-sendbox-input"]'));
    })
    .catch(function () {
      setState('failed');
      closeEarly();
      showStatus('Cannot reach StoryBot right now. Please reload the page in a moment.', 'error');
    });
})();
