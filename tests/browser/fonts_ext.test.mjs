// The fonts' extended subsets (Greek, Cyrillic, Vietnamese, ...: shell/CMakeLists.txt) are not part
// of the first visit (BENCHMARKS.md, "Transfer size"): a French article never downloads them; an
// article with such characters fetches them once, and the text is drawn again with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, waitForState, inkStats } from './harness.mjs';

const article = JSON.stringify({
  format: 'article/1', id: 'alphabets', lang: 'ru', title: 'Алфавиты: кириллица и греческий',
  blocks: [
    { type: 'paragraph', text: 'Съешь же ещё этих мягких французских булок, да выпей чаю. '.repeat(6) },
    { type: 'paragraph', text: 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Tiếng Việt có dấu. '.repeat(6) },
  ],
});
const site = servedSite({ 'alphabets.json': article });

test('the seed (French) never downloads the extended fonts', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(site.url);
  const state = await waitForState(page, 'state.ready');
  await page.waitForTimeout(500);
  assert.equal(state.fontsExtended, false);
  assert.deepEqual(requests.filter((u) => u.includes('fonts-ext/')), []);
  await context.close();
});

test('Cyrillic and Greek text fetches the extended fonts once and is drawn again with them', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('fonts-ext/')) requests.push(new URL(r.url()).pathname); });
  await page.goto(site.url + '?article=alphabets.json');
  await waitForState(page, 'state.ready');
  const state = await waitForState(page, 'state.fontsExtended', 30000);
  assert.equal(state.error, null);
  assert.equal(state.articleId, 'alphabets');
  assert.equal(requests.length, 6, JSON.stringify(requests));
  assert.equal(new Set(requests).size, 6);
  // By their content-hashed names, which hosts may cache for a year.
  for (const p of requests) assert.match(p, /\/fonts-ext\/Noto(Serif|Sans)-[A-Za-z]+\.[0-9a-f]{8}\.ttf$/);
  await page.waitForTimeout(300);  // the settle frames after the new faces
  const stats = await inkStats(page, await page.locator('#canvas').screenshot());
  assert.ok(stats.ink > 0.005, `no text-like pixels: ${JSON.stringify(stats)}`);
  // Another article with such characters does not fetch them again.
  await page.evaluate(() => window.articleViewer.open('alphabets.json?again'));
  await waitForState(page, 'state.ready && state.source.endsWith("again")');
  assert.equal(requests.length, 6);
  assert.deepEqual(errors, []);
  await context.close();
});
