// Hostile and broken articles in a real browser: each gives the loader's exact message (the same
// wording as natively, with the article's absolute URL as the source) on a drawn error screen, or
// loads; none throws in the page or opens a dialog, and markup in a title stays text.
// The built site is copied to a temporary folder so the extra articles never touch build/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForState, inkStats, servedSite } from './harness.mjs';

const json = (value) => Buffer.from(JSON.stringify(value, null, 2));
const article = (id, title, blocks) => ({ format: 'article/1', id, title, blocks });
const xssTitle = '<img src=x onerror=alert(1)>';

// The full text of an article cut 12 bytes before its end, in the middle of a string.
const whole = Buffer.from(JSON.stringify(article('trunc', 'Tronqué', [{ type: 'paragraph', text: 'Bonjour tout le monde' }])));

// name -> [bytes, expected error (after "URL"), or null when the article must load]
const cases = {
  'syntax': [Buffer.from('{\n  "format": tru,\n}'),
    `:2:16: syntax error while parsing value - invalid literal; last read: '"format": tru,'`],
  'level-deux': [json(article('deux', 'Niveau', [
    { type: 'paragraph', text: 'a' }, { type: 'paragraph', text: 'b' }, { type: 'paragraph', text: 'c' },
    { type: 'heading', level: 'deux', text: 'Titre' }])),
  ': /blocks/3/level: expected an integer from 2 to 4, got "deux"'],
  // "Café" in Latin-1: 0xE9 is not UTF-8. Byte 58 is on line 4, column 16.
  'bad-utf8': [Buffer.concat([Buffer.from('{\n  "format": "article/1",\n  "id": "utf8",\n  "title": "Caf'),
    Buffer.from([0xe9]), Buffer.from(' au lait",\n  "blocks": []\n}\n')]),
  ': invalid UTF-8 at byte 58 (4:16)'],
  // 100 000 nested arrays: refused at the 65th level (root object, blocks, block, text, 61 more).
  'deep': [Buffer.from('{"format":"article/1","id":"deep","title":"Deep","blocks":[{"type":"paragraph","text":' +
    '['.repeat(100000) + ']'.repeat(100000) + '}]}'),
  `: /blocks/0/text${'/0'.repeat(61)}: nested deeper than the limit of 64 levels`],
  'truncated': [whole.subarray(0, whole.length - 12),
    `:1:105: syntax error while parsing value - invalid string: missing closing quote; last read: '"Bonjour tout '`],
  'xss-title': [json(article('xss', xssTitle, [{ type: 'paragraph', text: '<script>alert(2)</script>' }])), null],
};

const site = servedSite(Object.fromEntries(Object.entries(cases).map(([name, [bytes]]) => [`articles/${name}.json`, bytes])));

// The canvas is drawn a few frames after the state changes: poll until something shows.
async function canvasStats(page, enough) {
  let stats;
  for (let i = 0; i < 20; i++) {
    stats = await inkStats(page, await page.locator('#canvas').screenshot());
    if (enough(stats)) break;
    await page.waitForTimeout(250);
  }
  return stats;
}

for (const [name, [, expected]] of Object.entries(cases)) {
  test(`articles/${name}.json ${expected === null ? 'loads' : 'gives the loader\'s error'}`, async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 700 } });
    const pageErrors = [];
    const dialogs = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
    await page.goto(`${site.url}?article=articles/${name}.json`);
    const state = await waitForState(page);
    const source = new URL(`articles/${name}.json`, site.url).href;
    assert.match(source, /^http:\/\/127\.0\.0\.1:\d+\/articles\//);

    if (expected === null) {
      assert.equal(state.error, null);
      assert.equal(state.ready, true);
      assert.equal(state.title, xssTitle);
      assert.equal(await page.title(), xssTitle);  // document.title shows the markup as text
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('body script:not([src])').count(), 0);
      const stats = await canvasStats(page, (s) => s.ink > 0.005);
      assert.ok(stats.ink > 0.005, `article not drawn: ${JSON.stringify(stats)}`);
    } else {
      assert.equal(state.ready, false);
      assert.equal(state.error, source + expected);
      const stats = await canvasStats(page, (s) => s.ink > 0.001);
      assert.ok(stats.ink > 0.001, `error screen looks blank: ${JSON.stringify(stats)}`);
    }
    // Let a few more frames run before the last look: a late exception or dialog would show here.
    await page.waitForTimeout(300);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(dialogs, []);
    await page.close();
  });
}
