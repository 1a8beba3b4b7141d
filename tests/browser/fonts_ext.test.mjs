// The fonts' extended subsets (Greek, Cyrillic, Vietnamese, ...: shell/CMakeLists.txt) are not part
// of the first visit (BENCHMARKS.md, "Transfer size"): a French article never downloads them; an
// article with such characters fetches them once, and the text is drawn again with them. A failed
// fetch is shown in state() (the file and why) and asked again by the next article that needs them,
// or when the browser comes back online (ui/extended_font_requests.hpp), never at every frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, waitForState, inkStats, settle } from './harness.mjs';

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
  assert.equal(state.fontsExtendedError, null);
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
  assert.equal(state.fontsExtendedError, null);
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

// A page whose fonts-ext/ requests fail as `fail` says (a route handler), the article open and
// drawn without them. Service workers are blocked: page.route does not see the requests a worker
// makes, and once the worker (shell/sw.js) controls the page it serves the precached subsets.
async function openFailing(fail) {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 700 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('fonts-ext/')) requests.push(new URL(r.url()).pathname); });
  await page.route('**/fonts-ext/**', fail);
  await page.addInitScript(() => {
    window.__online = 0;
    window.addEventListener('online', () => { window.__online += 1; });
  });
  await page.goto(site.url + '?article=alphabets.json');
  const state = await waitForState(page, 'state.error || (state.ready && state.fontsExtendedError)');
  return { context, page, errors, requests, state };
}

// Missing glyphs in what is drawn (state().missingGlyphs), once the frames have settled.
async function missingGlyphs(page) {
  await settle(page);
  return (await page.evaluate(() => window.articleViewer.state())).missingGlyphs;
}

test('a failed fetch says which file and why, is not asked again by that article, and is by the next', async () => {
  const { context, page, errors, requests, state } = await openFailing((route) => route.fulfill({ status: 404, body: 'gone' }));
  assert.equal(state.error, null);
  assert.equal(state.articleId, 'alphabets');
  assert.equal(state.fontsExtended, false);
  assert.match(state.fontsExtendedError, /fonts-ext\/Noto(Serif|Sans)-[A-Za-z]+\.[0-9a-f]{8}\.ttf: HTTP 404$/);
  assert.equal(requests.length, 6, JSON.stringify(requests));
  assert.ok(await missingGlyphs(page) > 0, 'the Greek and Cyrillic letters were drawn without the subsets');
  // The article that saw the failure does not ask again (it would at every frame).
  await page.waitForTimeout(500);
  assert.equal(requests.length, 6, JSON.stringify(requests));
  // The host is back: the same article opened again asks, and is drawn with them.
  await page.unroute('**/fonts-ext/**');
  await page.evaluate(() => window.articleViewer.open('alphabets.json'));
  const after = await waitForState(page, 'state.ready && state.fontsExtended');
  assert.equal(after.fontsExtendedError, null);
  assert.equal(requests.length, 12, JSON.stringify(requests));
  assert.equal(await missingGlyphs(page), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a fetch that failed offline is asked again when the browser comes back online, without reopening', async () => {
  const { context, page, errors, requests, state } = await openFailing((route) => route.abort('internetdisconnected'));
  assert.equal(state.error, null);
  assert.match(state.fontsExtendedError, /fonts-ext\/Noto(Serif|Sans)-[A-Za-z]+\.[0-9a-f]{8}\.ttf: network error \(.+\)$/);
  assert.equal(requests.length, 6, JSON.stringify(requests));
  const boxes = await missingGlyphs(page);
  assert.ok(boxes > 0, 'the Greek and Cyrillic letters were drawn without the subsets');
  const drawn = await page.locator('#canvas').screenshot();
  await page.waitForTimeout(500);
  assert.equal(requests.length, 6, JSON.stringify(requests));
  // The connection comes back: playwright's offline emulation going off fires the window's `online`.
  await page.unroute('**/fonts-ext/**');
  await context.setOffline(true);
  await context.setOffline(false);
  const after = await waitForState(page, 'state.fontsExtended');
  assert.equal(await page.evaluate(() => window.__online), 1);
  assert.equal(after.fontsExtendedError, null);
  assert.equal(after.articleId, 'alphabets');
  assert.equal(after.source, state.source, 'the article was opened again');
  assert.equal(requests.length, 12, JSON.stringify(requests));
  assert.equal(await missingGlyphs(page), 0);
  const redrawn = await page.locator('#canvas').screenshot();
  assert.ok(!drawn.equals(redrawn), 'the subsets changed no pixel');
  assert.deepEqual(errors, []);
  await context.close();
});
