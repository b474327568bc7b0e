// The one helper webchat-markdown.js needs from botframework-webchat-core; importing the package's
// entry would bring its store, sagas and mime table (~70 KB) along, which the widget bundle has.
export { default as onErrorResumeNext } from '../node_modules/botframework-webchat-core/src/utils/onErrorResumeNext';
