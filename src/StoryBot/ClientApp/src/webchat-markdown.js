// Web Chat's full-bundle Markdown renderer (reference links become citation badges, HTML sanitised),
// loaded by webchat-lean.js after the widget's first render. Its TypeScript source: the package's
// exports map publishes only its whole entry.
import renderMarkdown from '../node_modules/botframework-webchat/src/markdown/renderMarkdown';

window.WebChat.useMarkdown(renderMarkdown);
