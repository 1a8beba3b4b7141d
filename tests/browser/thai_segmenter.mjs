// Chromium's Intl.Segmenter('th') against node's on the Thai corpus (ctest thai_chromium, web build).
// thai_tests compares ThaiBreaker with node's boundaries; this ties node's to the browser the viewer
// runs in: the boundaries strictly inside Thai runs must be the same in both. Outside the runs
// Chromium's ICU has word-rule tailorings of its own (around "." ":" "@"), reported, not compared.
//
//   node tests/browser/thai_segmenter.mjs build/web/tests/thai_oracle.json
import fs from 'node:fs';
import { launch } from './harness.mjs';

const oracle = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const browser = await launch();
let failed = false;
try {
  const page = await browser.newPage();
  const texts = oracle.lines.map((l) => l.text);
  const found = await page.evaluate((texts) => {
    const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
    return texts.map((text) => {
      const toCodePoint = new Map();
      let cp = 0;
      for (let i = 0; i < text.length; ++cp) {
        toCodePoint.set(i, cp);
        i += text.codePointAt(i) > 0xFFFF ? 2 : 1;
      }
      toCodePoint.set(text.length, cp);
      const out = [...segmenter.segment(text)].map((s) => toCodePoint.get(s.index));
      out.push(cp);
      return out;
    });
  }, texts);
  const handles = (c) => {
    const x = c.codePointAt(0);
    return (x >= 0x0E01 && x <= 0x0E3A) || (x >= 0x0E40 && x <= 0x0E4E);
  };
  let same = 0, insideSame = 0;
  const differences = [];
  oracle.lines.forEach((line, i) => {
    const cps = [...line.text];
    const inside = (b) => b.filter((p) => p > 0 && p < cps.length && handles(cps[p - 1]) && handles(cps[p])).join(',');
    if (JSON.stringify(line.boundaries) === JSON.stringify(found[i])) ++same;
    if (inside(line.boundaries) === inside(found[i])) ++insideSame;
    else differences.push(`${line.text}\n  node: ${inside(line.boundaries)}\n  chromium: ${inside(found[i])}`);
  });
  console.log(`Chromium ${browser.version()} and node ${oracle.node} (ICU ${oracle.icu}), ${oracle.lines.length} lines: ` +
    `${insideSame} with the same boundaries inside Thai runs, ${same} with the same boundaries everywhere`);
  for (const d of differences.slice(0, 20)) console.log(d);
  failed = differences.length > 0;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
