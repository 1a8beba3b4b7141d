// The foundation, end to end in a real browser: the served page shows the seed article in the
// canvas, and a missing article gives an error screen instead of a blank canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, waitForState, inkStats, repo } from './harness.mjs';

const seed = JSON.parse(readFileSync(path.join(repo, 'assets', 'articles', 'russie-munitions-nord-coreennes.json'), 'utf8'));
let server, browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('the seed article is drawn in the canvas', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  const state = await waitForState(page);
  assert.equal(state.error, null);
  assert.equal(state.ready, true);
  assert.equal(state.articleId, seed.id);
  assert.equal(state.title, seed.title);
  assert.equal(state.blocks, seed.blocks.length);
  assert.equal(await page.title(), seed.title);
  const stats = await inkStats(page, await page.locator('#canvas').screenshot());
  assert.ok(stats.nonBackground > 0.02, `canvas looks blank: ${JSON.stringify(stats)}`);
  assert.ok(stats.ink > 0.005, `no text-like pixels: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('?article= opens another article; a missing one shows an error screen', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(server.url + '?article=articles/does-not-exist.json');
  const state = await waitForState(page);
  assert.equal(state.ready, false);
  assert.match(state.error, /^http:\/\/127\.0\.0\.1:\d+\/articles\/does-not-exist\.json: HTTP 404/);
  assert.equal(await page.title(), 'Could not open does-not-exist.json');  // not the previous article's
  const stats = await inkStats(page, await page.locator('#canvas').screenshot());
  assert.ok(stats.ink > 0.001, `error screen looks blank: ${JSON.stringify(stats)}`);
  // The error screen offers the default article; opening it through the API works too.
  await page.evaluate(() => window.articleViewer.open('articles/russie-munitions-nord-coreennes.json'));
  const after = await waitForState(page, 'state.ready');
  assert.equal(after.articleId, seed.id);
  await page.close();
});
