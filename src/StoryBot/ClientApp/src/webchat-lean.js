// The page's own Web Chat bundle: what webchat.js gives the page (window.WebChat.createDirectLine,
// createStore, renderWebChat), built from the same npm packages without what the page never uses
// (Adaptive Cards, speech, Direct Line ASE, other languages, old-browser polyfills: see build.mjs).
// Markdown (with citations) is its own script, webchat-markdown.js, fetched early through the page's
// <link rel="preload" data-webchat-markdown> and run after the widget's first render, so the send box
// does not wait for ~0.4 MB of Markdown and HTML-sanitising code; until then messages render with
// renderInline below, and the widget re-renders them when the full renderer arrives.
import { DirectLine } from 'botframework-directlinejs';
import ReactWebChat from 'botframework-webchat-component';
import { createStore } from 'botframework-webchat-core';
import React from 'react';
import ReactDOM from 'react-dom';

import renderInline from './renderInline';

const botAgent = 'WebChat/4.18.1 (StoryBot lean)';

let renderMarkdown = renderInline;
let mounted = null;

function render() {
  ReactDOM.render(React.createElement(ReactWebChat, { ...mounted.props, renderMarkdown }), mounted.element);
}

function loadMarkdown() {
  const link = document.querySelector('link[data-webchat-markdown]');
  if (!link || document.querySelector('script[data-webchat-markdown]')) {
    return;
  }

  const script = document.createElement('script');
  script.src = link.href;
  script.setAttribute('data-webchat-markdown', '');
  document.head.appendChild(script);
}

// The welcome first: compiling and running the Markdown script, then rendering every message again,
// takes the main thread for a few hundred ms, which would sit between the connection and the welcome
// (both wait for it). So the script runs once a bot message is on screen (after that frame), or after
// 3 s without one.
function loadMarkdownAfterWelcome(store) {
  let unsubscribe = () => {};
  const timer = setTimeout(() => load(), 3000);
  function load() {
    unsubscribe();
    clearTimeout(timer);
    requestAnimationFrame(() => setTimeout(loadMarkdown, 0));
  }

  if (store) {
    const hasBotMessage = () => store.getState().activities.some(a => a.from && a.from.role === 'bot' && a.type === 'message');
    unsubscribe = store.subscribe(() => hasBotMessage() && load());
  }
}

window.WebChat = {
  createDirectLine: options => new DirectLine({ ...options, botAgent }),
  createStore,
  renderWebChat(props, element) {
    mounted = { props, element };
    render();
    loadMarkdownAfterWelcome(props.store);
  },
  // Called by webchat-markdown.js with the full bundle's renderer.
  useMarkdown(renderer) {
    renderMarkdown = renderer;
    mounted && render();
  }
};
