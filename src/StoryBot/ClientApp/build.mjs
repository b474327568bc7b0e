// Builds the page's Web Chat scripts with esbuild: src/webchat-lean.js (the widget) and
// src/webchat-markdown.js (its Markdown renderer, loaded after the first render), minified, React in
// its production build, for current browsers. Run by WebChat.targets after `npm ci`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// botframework-webchat-api's prebuilt module holds the strings of 45 languages (~370 KB, a sixth of
// the bundle) in one map that keeps them all alive. The page is English only (locale en-US): keep
// that entry, and esbuild drops the rest as unused. Fails the build if the map is not found once.
const englishOnly = {
  name: 'webchat-english-only',
  setup(build) {
    build.onLoad({ filter: /botframework-webchat-api[\\/]dist[\\/]botframework-webchat-api\.mjs$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const maps = [...source.matchAll(/\{"ar-EG":[\w$]+(?:,(?:"[\w-]+"|\w+):[\w$]+)*\}/g)];
      const english = maps.length === 1 && /"en-US":([\w$]+)/.exec(maps[0][0]);
      if (!english) {
        throw new Error(`expected one map of Web Chat's localized strings in ${path}, found ${maps.length}`);
      }

      const { index } = maps[0];
      const contents = source.slice(0, index) + `{"en-US":${english[1]}}` + source.slice(index + maps[0][0].length);
      return { contents, loader: 'js' };
    });
  }
};

const [outdir = '../wwwroot/webchat'] = process.argv.slice(2);

// What the page never runs, replaced at build time: core-js's global polyfills (imported for their side
// effects; every target browser has these natively) and botframework-directlinejs's Direct Line App
// Service Extension client (its DirectLineStreaming, with botframework-streaming, buffer and
// cross-fetch: ~175 KB), which directlinejs re-exports beside the polling/WebSocket DirectLine.
const leaveOut = {
  name: 'webchat-leave-out',
  setup(build) {
    build.onResolve({ filter: /^core-js\/(features|modules)\// }, ({ path }) => ({ path, namespace: 'left-out' }));
    build.onResolve({ filter: /^\.\/directLineStreaming$/ }, ({ path, importer }) =>
      /botframework-directlinejs[\\/]lib[\\/]directLine\.js$/.test(importer) ? { path, namespace: 'left-out' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, ({ path }) => ({
      contents: path === './directLineStreaming'
        ? 'export class DirectLineStreaming { constructor() { throw new Error("Direct Line ASE is not in this bundle"); } }'
        : '',
      loader: 'js'
    }));
  }
};

// Module sharing: the Markdown script takes core's helper alone (src/core-for-markdown.js), and
// dom-serializer uses htmlparser2's copy of entities (the same 4.5.0, nested twice by npm: ~70 KB).
const share = {
  name: 'webchat-share',
  setup(build) {
    build.onResolve({ filter: /^botframework-webchat-core$/ }, ({ importer }) =>
      /botframework-webchat[\\/]src[\\/]markdown[\\/]/.test(importer)
        ? { path: fileURLToPath(new URL('src/core-for-markdown.js', import.meta.url)) }
        : undefined);
    build.onResolve({ filter: /^entities(\/|$)/ }, ({ path, importer, kind }) => {
      const at = /^(.*[\\/]node_modules[\\/])dom-serializer[\\/]/.exec(importer);
      return at ? build.resolve(path, { kind, resolveDir: `${at[1]}htmlparser2` }) : undefined;
    });
  }
};

// @babel/runtime-corejs3 (react-film, react-scroll-to-bottom, react-dictate-button, …) routes every
// built-in through core-js-pure (~100 KB). Every target browser has them: its helpers become
// @babel/runtime's (same API), its core-js-stable modules the browser's own built-ins. A module not
// in the tables below fails the build, so a new use is looked at, not guessed.
const GLOBALS = { promise: 'Promise', set: 'Set', 'parse-float': 'parseFloat', 'set-timeout': 'setTimeout', 'set-interval': 'setInterval' };
const STATICS = { array: 'Array', date: 'Date', math: 'Math', object: 'Object' };
const camel = name => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
function nativeModule(name) {
  const [group, member] = name.split('/');
  if (group === 'instance' && member) {
    return `export default it => it.${camel(member)};`;
  }
  if (STATICS[group] && member) {
    return `export default ${STATICS[group]}.${camel(member)};`;
  }
  if (GLOBALS[name]) {
    return `export default globalThis.${GLOBALS[name]};`;
  }
  throw new Error(`no native stand-in for @babel/runtime-corejs3/core-js-stable/${name}: add it to build.mjs`);
}

const native = {
  name: 'webchat-native-builtins',
  setup(build) {
    build.onResolve({ filter: /^@babel\/runtime-corejs3\/helpers\// }, ({ path, kind, resolveDir }) =>
      build.resolve(path.replace('@babel/runtime-corejs3/', '@babel/runtime/'), { kind, resolveDir }));
    build.onResolve({ filter: /^@babel\/runtime-corejs3\/core-js-stable\// }, ({ path }) =>
      ({ path: path.replace(/^.*core-js-stable\//, ''), namespace: 'native' }));
    build.onLoad({ filter: /.*/, namespace: 'native' }, ({ path }) => ({ contents: nativeModule(path), loader: 'js' }));
  }
};

await build({
  entryPoints: ['src/webchat-lean.js', 'src/webchat-markdown.js'],
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // p-defer-es5 and markdown-it-attrs-es5 build their ESM entries in install scripts, which npm ci
  // skips here (--ignore-scripts); each only re-exports, for ES5, the package it is named after.
  // (markdown-it's require('punycode') resolves to the npm package of that name, a dependency.)
  alias: { 'p-defer-es5': 'p-defer', 'markdown-it-attrs-es5': 'markdown-it-attrs' },
  plugins: [englishOnly, leaveOut, share, native],
  legalComments: 'linked',
  logLevel: 'warning'
});
