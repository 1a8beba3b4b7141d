// The page around the canvas while the viewer loads: a progress bar with bytes, and a clear
// message with a Retry button when WebGL2 is missing or a download fails; <noscript> when
// JavaScript is off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState } from './harness.mjs';
import { describe, seed } from './bundle.mjs';

let server, browser;
const bundle = describe();
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const overlay = (page) => page.evaluate(() => ({
  hidden: document.getElementById('overlay').hidden,
  status: document.getElementById('status').textContent,
  detail: document.getElementById('detail').textContent,
  bar: document.getElementById('progress-bar').style.width,
  retry: !document.getElementById('retry').hidden,
}));

test('a progress bar counts the bytes of the program and the fonts', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Hold the fonts back a moment so the bar can be seen part-way.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(`**/${bundle.program.data}`, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  // Some bytes in (the wasm's): on a busy machine the panel can show before the first byte, with
  // an empty bar, which is no bar to see.
  await page.waitForFunction(() => /MB$/.test(document.getElementById('detail').textContent) &&
    parseFloat(document.getElementById('progress-bar').style.width) > 0);
  const partway = await overlay(page);
  const total = (bundle.bundle.files['article-viewer.wasm'].size + bundle.bundle.files['article-viewer.data'].size) / 1048576;
  assert.match(partway.detail, new RegExp(`^\\d+\\.\\d / ${total.toFixed(1).replace('.', '\\.')} MB$`));
  assert.equal(partway.hidden, false);
  // A slow start shows the panel (a fast one never does: it stays out of sight for half a second).
  await page.waitForFunction(() => !document.getElementById('overlay').classList.contains('quiet'));
  // Waited for, not read at once: on a busy machine the panel's own transition may still be under way.
  await page.locator('#progress-bar').waitFor({ state: 'visible', timeout: 10000 });
  const percent = parseFloat(partway.bar);
  assert.ok(percent > 0 && percent < 100, `bar at ${partway.bar}`);
  release();
  await waitForState(page, 'state.ready');
  assert.equal((await overlay(page)).hidden, true);
  await context.close();
});

// The loader compiles the wasm as it downloads (WebAssembly.compileStreaming), which browsers
// allow only for a response of type application/wasm; a host that serves it as anything else still
// gets a working viewer, compiled from the downloaded bytes.
for (const type of ['application/wasm', 'application/octet-stream']) {
  test(`the wasm served as ${type}: the viewer starts, compiled ${type === 'application/wasm' ? 'while it downloads' : 'from its bytes'}`, async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const calls = (window.__compiles = []);
      const streaming = WebAssembly.compileStreaming, whole = WebAssembly.compile;
      WebAssembly.compileStreaming = function (...a) {
        return streaming.apply(this, a).then((m) => { calls.push('streaming'); return m; }, (e) => { calls.push('streaming refused'); throw e; });
      };
      WebAssembly.compile = function (...a) { calls.push('bytes'); return whole.apply(this, a); };
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route(`**/${bundle.program.wasm}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': type } });
    });
    await page.goto(server.url);
    const state = await waitForState(page);
    assert.equal(state.error, null);
    assert.equal(state.articleId, seed.id);
    assert.deepEqual(await page.evaluate(() => window.__compiles),
      type === 'application/wasm' ? ['streaming'] : ['streaming refused', 'bytes']);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('no WebGL2: a clear message, and the program never starts', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  // Hold the program's files back, so that they are still on their way when the check fails.
  const held = [];
  await page.route(/article-viewer\.[0-9a-f]+\.(wasm|data)$/, (route) => { held.push(route); });
  await page.goto(server.url);
  await page.waitForFunction(() => !document.getElementById('retry').hidden);
  const shown = await overlay(page);
  assert.match(shown.status, /needs WebGL2/);
  assert.match(shown.detail, /Firefox, Chrome, Edge or Safari/);
  assert.ok(await page.locator('#status').isVisible());
  // The files arrive (or fail, for those the loader aborted) after the message: it stays, and the
  // program is never started.
  for (const route of held) await route.continue().catch(() => {});
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => typeof window.createArticleViewer), 'undefined');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="article-viewer."]').length), 0);
  assert.equal((await overlay(page)).status, shown.status);  // no download error replaces the message
  await context.close();
});

test('the drawing program does not link: a clear message with the link log', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const proto = WebGL2RenderingContext.prototype;
    const original = proto.getProgramParameter;
    proto.getProgramParameter = function (program, name) {
      return name === this.LINK_STATUS ? false : original.call(this, program, name);
    };
    proto.getProgramInfoLog = () => 'ERROR: pretend link failure';
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => !document.getElementById('retry').hidden);
  const shown = await overlay(page);
  assert.equal(shown.status, 'The viewer cannot draw with this browser\'s WebGL2.');
  assert.match(shown.detail, /program: ERROR: pretend link failure/);
  assert.ok(await page.locator('#status').isVisible());
  await context.close();
});

test('JavaScript off: the <noscript> message covers the page', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  await page.goto(server.url);
  const note = page.locator('.noscript');
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /needs JavaScript/);
  assert.deepEqual(await note.boundingBox(), { x: 0, y: 0, width: 800, height: 600 });
  await context.close();
});

for (const [what, file, how] of [
  ['the wasm program', 'wasm', 'abort'],
  ['the fonts', 'data', 'abort'],
  ['the program\'s JavaScript', 'js', 'abort'],
  ['the wasm program (HTTP 404)', 'wasm', 404],
]) {
  test(`download of ${what} fails: the message names the file, Retry loads the viewer`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const name = bundle.program[file];
    const failing = (route) => (how === 'abort' ? route.abort('internetdisconnected') : route.fulfill({ status: how, body: 'gone' }));
    await page.route(`**/${name}`, failing);
    await page.goto(server.url);
    await page.waitForFunction(() => !document.getElementById('retry').hidden);
    const shown = await overlay(page);
    assert.equal(shown.status, 'The viewer could not be downloaded.');
    assert.ok(shown.detail.includes(name), shown.detail);
    if (how !== 'abort') assert.ok(shown.detail.includes('HTTP 404'), shown.detail);
    assert.equal((await waitForState(page, 'true', 1000)).ready, false);
    // The connection is back: Retry.
    await page.unroute(`**/${name}`, failing);
    await page.click('#retry');
    const state = await waitForState(page);
    assert.equal(state.error, null);
    assert.equal(state.articleId, seed.id);
    assert.equal((await overlay(page)).hidden, true);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
