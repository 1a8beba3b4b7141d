// The oracle of the Thai word-boundary tests: the word boundaries Intl.Segmenter('th') gives (ICU's
// dictionary break engine inside node) for a corpus of Thai text, written as JSON for
// test_thai_breaker.cpp to compare with ThaiBreaker's.
//
//   node thai_oracle.mjs --corpus thai_corpus.txt --words thai-words.txt --out oracle.json
//                        [--generated N] [--translations DIR]
//
// The corpus: the hand-written sentences of thai_corpus.txt, then N lines generated here from a
// fixed seed (the same lines on every run): sentences of dictionary words with common words, names
// and misspellings no dictionary holds, numbers (Arabic and Thai digits), Latin words, punctuation,
// ๆ and ฯ in their usual and unusual places, and strings of random Thai code points. Then, when
// DIR exists (e.g. /usr/share/locale/th/LC_MESSAGES), the Thai translations of the installed
// Debian packages' messages (.mo files): real Thai written by people, read where they are installed
// (never copied into the tree); a machine without them just has fewer lines.
// Boundaries are code point indexes (not UTF-16), every boundary of the line, 0 and its end included.
import fs from 'node:fs';

function args() {
  const out = { generated: 20000, translations: '' };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) {
    const key = a[i].replace(/^--/, '');
    if (!['corpus', 'words', 'out', 'generated', 'translations'].includes(key) || i + 1 >= a.length) {
      console.error(`thai_oracle: unknown or incomplete option ${a[i]}`);
      process.exit(2);
    }
    out[key] = key === 'generated' ? Number(a[i + 1]) : a[i + 1];
  }
  for (const key of ['corpus', 'words', 'out']) {
    if (!out[key]) { console.error(`thai_oracle: --${key} is required`); process.exit(2); }
  }
  return out;
}

// mulberry32: a small seeded generator, so the generated corpus is the same on every run.
function generator(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const consonants = [...'กขคฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ'];
const leading = [...'เแโใไ'];
const above = ['', '', 'ิ', 'ี', 'ึ', 'ื', 'ั', 'ุ', 'ู', '็'];
const tones = ['', '', '', '่', '้', '๊', '๋'];
const after = ['', '', 'า', 'ะ', 'ำ', 'อ', 'ว', 'ย'];
const finals = ['', '', 'น', 'ง', 'ม', 'ก', 'ด', 'บ', 'ย', 'ว', 'ร์', 'ล', 'ต์'];
const common = ['ที่', 'ของ', 'และ', 'ใน', 'การ', 'เป็น', 'มี', 'ได้', 'ให้', 'ว่า', 'จะ', 'ไม่', 'กับ', 'แล้ว',
  'นี้', 'ไป', 'มา', 'คน', 'ความ', 'เรา', 'เขา', 'ก็', 'อยู่', 'ซึ่ง', 'โดย', 'จาก', 'เมื่อ', 'ต้อง', 'กัน',
  'อย่าง', 'ยัง', 'หรือ', 'แต่', 'ทำ', 'ไว้', 'วัน', 'ปี', 'เดือน', 'ประเทศ', 'รัฐบาล', 'นายก', 'ข่าว'];
const latin = ['AI', 'iPhone', 'COVID', 'Bangkok', 'OK', 'GDP', 'Facebook', 'e-mail', 'Wi-Fi', 'ASEAN', 'x'];
const punctuation = [' ', ' ', ' ', ',', '.', '(', ')', '"', '“', '”', ':', '-', '!', '?', '/', '—', '…', '\u00A0'];

function syllable(r) {
  let s = '';
  if (r.chance(0.2)) s += r.pick(leading);
  s += r.pick(consonants);
  if (r.chance(0.15)) s += r.pick(['ร', 'ล', 'ว']);
  s += r.pick(above) + r.pick(tones) + r.pick(after) + r.pick(finals);
  return s;
}

function number(r) {
  const n = r.int(1000000);
  const arabic = r.chance(0.5) ? n.toLocaleString('en-US') : String(n) + (r.chance(0.3) ? '.' + r.int(100) : '');
  return r.chance(0.3) ? arabic.replace(/[0-9]/g, (d) => String.fromCodePoint(0x0E50 + Number(d))) : arabic;
}

function misspell(r, word) {
  const cps = [...word];
  const i = r.int(cps.length);
  const which = r.int(3);
  if (which === 0 && cps.length > 1) cps.splice(i, 1);
  else if (which === 1) cps.splice(i, 0, r.pick(consonants));
  else cps[i] = r.pick(consonants);
  return cps.join('');
}

// A news-like line: words from the dictionary and common words, with now and then a name, a number,
// a Latin word, punctuation, ๆ or ฯ.
function sentence(r, words) {
  const parts = [];
  const count = 2 + r.int(14);
  for (let i = 0; i < count; ++i) {
    const roll = r.next();
    if (roll < 0.35) parts.push(r.pick(common));
    else if (roll < 0.7) parts.push(r.pick(words));
    else if (roll < 0.78) parts.push(Array.from({ length: 1 + r.int(3) }, () => syllable(r)).join(''));
    else if (roll < 0.83) parts.push(misspell(r, r.pick(words)));
    else if (roll < 0.87) parts.push(number(r));
    else if (roll < 0.9) parts.push(r.pick(latin));
    else if (roll < 0.95) parts.push(r.pick(punctuation));
    else if (roll < 0.975) parts.push(r.chance(0.5) ? 'ๆ' : ' ๆ ');
    else parts.push(r.pick(['ฯ', 'ฯ ', 'ฯลฯ', 'ๆ ๆ', 'ฯๆ']));
  }
  return parts.join(r.chance(0.2) ? ' ' : '');
}

// Thai code points in any order: marks with nothing under them, digits, ฿, ๏, ๚, ๛, unassigned ones.
function random_thai(r) {
  const length = 1 + r.int(30);
  let s = '';
  for (let i = 0; i < length; ++i) s += String.fromCodePoint(r.chance(0.95) ? 0x0E00 + r.int(0x60) : 0x20);
  return s;
}

function repeated(r, words) {
  const word = r.pick(words);
  const last = [...word].at(-1);
  return r.pick(common) + word + last.repeat(2 + r.int(6)) + r.pick(['', '555', 'ๆๆ', 'ฯฯ', '!!!']) + r.pick(common);
}

function generate(count, words) {
  const r = generator(20240611);
  const lines = [];
  for (let i = 0; i < count; ++i) {
    const kind = i % 10;
    if (kind < 6) lines.push(sentence(r, words));
    else if (kind < 8) lines.push(Array.from({ length: 2 + r.int(8) }, () => r.pick(words)).join(''));
    else if (kind === 8) lines.push(random_thai(r));
    else lines.push(repeated(r, words));
  }
  return lines;
}

// The translated messages of the GNU .mo files in `dir` that hold Thai, one line per line of each.
// .mo: magic 0x950412de (either byte order), then the number of strings and the offsets of the
// original and translation tables (length, offset pairs).
function translations(dir) {
  if (!dir || !fs.existsSync(dir)) return [];
  const out = new Set();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.mo')).sort()) {
    const data = fs.readFileSync(`${dir}/${name}`);
    if (data.length < 28) continue;
    const le = data.readUInt32LE(0) === 0x950412de;
    if (!le && data.readUInt32BE(0) !== 0x950412de) continue;
    const u32 = (at) => (le ? data.readUInt32LE(at) : data.readUInt32BE(at));
    const count = u32(8);
    const table = u32(16);
    for (let i = 0; i < count && table + 8 * i + 8 <= data.length; ++i) {
      const length = u32(table + 8 * i);
      const offset = u32(table + 8 * i + 4);
      if (offset + length > data.length) continue;
      for (const text of data.toString('utf8', offset, offset + length).split(/[\0\n]/)) {
        if (/[\u0E01-\u0E4E]/.test(text)) out.add(text);
      }
    }
  }
  return [...out];
}

function boundaries(segmenter, text) {
  // UTF-16 index -> code point index
  const toCodePoint = new Map();
  let cp = 0;
  for (let i = 0; i < text.length; ++cp) {
    toCodePoint.set(i, cp);
    i += text.codePointAt(i) > 0xFFFF ? 2 : 1;
  }
  toCodePoint.set(text.length, cp);
  const out = [];
  for (const segment of segmenter.segment(text)) out.push(toCodePoint.get(segment.index));
  out.push(cp);
  return out;
}

const options = args();
const handwritten = fs.readFileSync(options.corpus, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const words = fs.readFileSync(options.words, 'utf8').split('\n').filter((l) => l);
if (words.length < 1000) {
  console.error(`thai_oracle: ${options.words} holds ${words.length} words; expected ICU's Thai word list`);
  process.exit(1);
}
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const translated = translations(options.translations);
const lines = [
  ...handwritten.map((text) => ({ text, source: 'written' })),
  ...generate(options.generated, words).map((text) => ({ text, source: 'generated' })),
  ...translated.map((text) => ({ text, source: 'translations' })),
];
for (const line of lines) line.boundaries = boundaries(segmenter, line.text);
const result = { node: process.versions.node, icu: process.versions.icu, unicode: process.versions.unicode, lines };
fs.writeFileSync(options.out, JSON.stringify(result));
console.log(`thai_oracle: ${lines.length} lines (${handwritten.length} written, ${options.generated} generated, ` +
  `${translated.length} from translations in ${options.translations || '(none)'}), ` +
  `node ${process.versions.node}, ICU ${process.versions.icu} -> ${options.out}`);
