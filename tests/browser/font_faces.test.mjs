// The serif italic and bold italic are not part of the first visit (BENCHMARKS.md, "Transfer
// size"; CMakeLists.txt AV_LATER_FACES): an article that draws nothing in them never fetches them,
// one that does fetches them before its first frame (never drawn upright, then again in italics),
// one whose faces cannot be had is drawn with the upright faces, saying why, and the next article
// with italics asks for them again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, waitForState, settle } from './harness.mjs';

const italics = JSON.stringify({
  format: 'article/1', id: 'italiques', lang: 'fr', title: 'Des italiques', subtitle: 'Un sous-titre en italique',
  blocks: [
    { type: 'paragraph', text: ['Un mot ', { text: 'souligné en italique', italic: true }, ' puis ', { text: 'en gras italique', bold: true, italic: true }, '.'] },
    { type: 'quote', text: 'Une citation, toujours en italique, assez longue pour occuper deux lignes au moins sur un écran étroit.' },
  ],
});
const site = servedSite({ 'italiques.json': italics });
const faces = ['NotoSerif-Italic.ttf', 'NotoSerif-BoldItalic.ttf'];

// Records the state of the first ready frame (the loader dispatches articleviewer:state when it changes).
const firstReady = () => {
  window.addEventListener('articleviewer:state', (e) => {
    if (e.detail && e.detail.ready && !window.__firstReady) window.__firstReady = e.detail;
  });
};

async function open(query, { block = false } = {}) {
  const context = await site.browser.newContext({ viewport: { width: 700, height: 700 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('fonts-faces/')) requests.push(new URL(r.url()).pathname); });
  if (block) await page.route('**/fonts-faces/**', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.addInitScript(firstReady);
  await page.goto(site.url + query);
  const state = await waitForState(page, 'state.ready || state.error');
  await page.waitForTimeout(300);  // settle frames
  return { context, page, requests, state };
}

test('the seed draws nothing in italics and never fetches the italic faces', async () => {
  const { context, page, requests, state } = await open('');
  assert.equal(state.error, null);
  assert.deepEqual(requests, []);
  const now = await page.evaluate(() => window.articleViewer.state().fontFaces);
  assert.deepEqual(now, { standingIn: faces, waiting: false, error: null });
  await context.close();
});

test('an article with italics fetches both faces before its first frame, by their hashed names', async () => {
  const { context, page, requests, state } = await open('?article=italiques.json');
  assert.equal(state.error, null);
  assert.equal(state.articleId, 'italiques');
  assert.equal(requests.length, 2, JSON.stringify(requests));
  for (const face of faces) {
    const stem = face.replace('.ttf', '');
    assert.ok(requests.some((p) => new RegExp(`/fonts-faces/${stem}\\.[0-9a-f]{8}\\.ttf$`).test(p)), `${face}: ${JSON.stringify(requests)}`);
  }
  const first = await page.evaluate(() => window.__firstReady);
  assert.ok(first, 'no articleviewer:state event with ready');
  assert.deepEqual(first.fontFaces.standingIn, [], 'the first frame was drawn with upright faces standing in');
  const drawn = await page.locator('#canvas').screenshot();
  // Another article with italics fetches nothing again; the seed keeps them loaded.
  await page.evaluate(() => window.articleViewer.open('italiques.json?again'));
  await waitForState(page, 'state.ready && state.source.endsWith("again")');
  assert.equal(requests.length, 2);
  await context.close();

  // The same article without the faces (the host lost them): shown all the same, in the upright
  // faces, and state() says why; its pixels differ from the italic ones.
  const blocked = await open('?article=italiques.json', { block: true });
  assert.equal(blocked.state.error, null);
  assert.equal(blocked.state.ready, true);
  const after = await blocked.page.evaluate(() => window.articleViewer.state().fontFaces);
  assert.deepEqual(after.standingIn, faces);
  assert.equal(after.waiting, false);
  assert.match(after.error, /fonts-faces\/NotoSerif-(Bold)?Italic\.[0-9a-f]{8}\.ttf: HTTP 404/);
  const upright = await blocked.page.locator('#canvas').screenshot();
  assert.ok(!drawn.equals(upright), 'the italic faces changed no pixel');
  await blocked.context.close();
});

test('italics whose fetch failed are fetched again by the next article that has some', async () => {
  const { context, page, requests, state } = await open('?article=italiques.json', { block: true });
  assert.equal(state.ready, true);
  assert.match(state.fontFaces.error, /HTTP 404/);
  assert.deepEqual(state.fontFaces.standingIn, faces);
  assert.equal(requests.length, 2, JSON.stringify(requests));
  // The article that saw the failure does not ask again (it would at every frame).
  await page.waitForTimeout(500);
  assert.equal(requests.length, 2, JSON.stringify(requests));
  await page.unroute('**/fonts-faces/**');  // the host is back
  await page.evaluate(() => window.articleViewer.open('italiques.json?again'));
  const after = await waitForState(page, 'state.ready && state.source.endsWith("again")');
  assert.deepEqual(after.fontFaces, { standingIn: [], waiting: false, error: null });
  assert.equal(requests.length, 4, JSON.stringify(requests));
  await context.close();
});

test('italics whose fetch failed are fetched again when the browser comes back online, the article staying on screen', async () => {
  // Service workers blocked: page.route does not see a worker's requests (fonts_ext.test.mjs).
  const context = await site.browser.newContext({ viewport: { width: 700, height: 700 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('fonts-faces/')) requests.push(new URL(r.url()).pathname); });
  await page.route('**/fonts-faces/**', (route) => route.abort('internetdisconnected'));
  await page.goto(site.url + '?article=italiques.json');
  const state = await waitForState(page, 'state.ready && state.fontFaces.error');
  assert.match(state.fontFaces.error, /fonts-faces\/NotoSerif-(Bold)?Italic\.[0-9a-f]{8}\.ttf: network error \(.+\)$/);
  assert.deepEqual(state.fontFaces.standingIn, faces);
  await settle(page);
  const upright = await page.locator('#canvas').screenshot();
  assert.equal(requests.length, 2, JSON.stringify(requests));
  // Back online; the faces' answer is held until the page has been looked at while they come.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.unroute('**/fonts-faces/**');
  await page.route('**/fonts-faces/**', async (route) => { await held; await route.continue(); });
  await context.setOffline(true);
  await context.setOffline(false);
  await waitForState(page, 'state.fontFaces.waiting');
  await settle(page);
  // Still the article in its upright faces, not "Loading…" while they come.
  assert.ok(upright.equals(await page.locator('#canvas').screenshot()), 'the article left the screen while the italics came');
  release();
  const after = await waitForState(page, 'state.fontFaces.standingIn.length === 0');
  assert.deepEqual(after.fontFaces, { standingIn: [], waiting: false, error: null });
  assert.equal(after.source, state.source);
  assert.equal(requests.length, 4, JSON.stringify(requests));
  await settle(page);
  assert.ok(!upright.equals(await page.locator('#canvas').screenshot()), 'the italics changed no pixel');
  await context.close();
});
