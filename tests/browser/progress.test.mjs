// Reading progress in a real browser with real localStorage: the position survives reload,
// resizes and text size changes; a corrupt, future or unavailable store never breaks the page;
// an older tab never overwrites a newer position; the page can follow the reader.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle } from './harness.mjs';

const key = 'article-viewer/progress/russie-munitions-nord-coreennes';
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());
const stored = (page) => page.evaluate((k) => JSON.parse(window.localStorage.getItem(k)), key);
async function open(context, suffix = '') {
  const page = await context.newPage();
  await page.goto(server.url + suffix);
  await waitForState(page, 'state.ready');
  return page;
}

// Scrolls with small wheel moves (a third of a notch) until the reader's anchor satisfies `done`
// (a predicate on {block, offset}); returns the settled state.
async function wheelUntil(page, done, { step = 33, max = 60 } = {}) {
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < max; i++) {
    const s = await state(page);
    if (done(s.anchor)) return s;
    await page.mouse.wheel(0, step);
    await settle(page);
  }
  throw new Error(`anchor never matched: ${JSON.stringify((await state(page)).anchor)}`);
}

test('scroll to about half, wait, reload: same anchor and percent', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context);
  const events = [];
  await page.exposeFunction('__progress', (detail) => events.push(detail));
  await page.evaluate(() => window.addEventListener('articleviewer:progress', (e) => window.__progress(e.detail)));
  await page.mouse.move(640, 400);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 100);
  await settle(page);
  const before = await state(page);
  assert.ok(before.percent > 0.3 && before.percent < 0.7, `percent ${before.percent}`);
  // Saved within about a second of settling, and announced to the page.
  await page.waitForFunction((k) => window.localStorage.getItem(k) !== null, key, { timeout: 3000 });
  const saved = await stored(page);
  assert.equal(saved.version, 1);
  assert.deepEqual({ block: saved.anchor.block, offset: saved.anchor.offset }, before.anchor);
  assert.ok(Math.abs(saved.percent - before.percent) < 0.01);
  await page.waitForTimeout(200);
  assert.ok(events.length >= 1, 'no articleviewer:progress event');
  assert.deepEqual(events.at(-1).anchor, before.anchor);
  await page.reload();
  const after = await waitForState(page, 'state.ready');
  assert.deepEqual(after.anchor, before.anchor);
  assert.ok(Math.abs(after.percent - before.percent) < 0.01, `${after.percent} vs ${before.percent}`);
  assert.match(after.notice, /^Reprise à \d+\u202F%$/);
  await context.close();
});

// The URL carries the id of the block being read, or of the nearest block before it that has
// one; on reload that fragment must not pull a reader in a block without id back to that block.
for (const [name, block, viewport] of [['the sponsored block', 4, { width: 1280, height: 800 }],
  ['a callout', 30, { width: 390, height: 420 }]]) {
  test(`mid-way through ${name} (no id), reload: the same line, not the block the URL names`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await open(context);
    await page.evaluate((b) => window.articleViewer.scrollToBlock(b - 1), block);
    await settle(page);
    const before = await wheelUntil(page, (a) => a.block === block && a.offset > 0);
    await page.waitForFunction(([k, a]) => {
      const v = JSON.parse(localStorage.getItem(k) || 'null');
      return v && v.anchor.block === a.block && v.anchor.offset === a.offset;
    }, [key, before.anchor], { timeout: 3000 });
    const hash = await page.evaluate(() => window.location.hash);
    assert.match(hash, /^#[a-z0-9-]+$/, 'the URL names the nearest earlier block with an id');
    await page.reload();
    const after = await waitForState(page, 'state.ready');
    assert.deepEqual(after.anchor, before.anchor);
    assert.deepEqual(after.firstLine, before.anchor, 'the saved line is the one at the top');
    // The saved line's top, where the reader had it part-way scrolled out: within one line.
    assert.ok(after.scrollY <= before.scrollY && before.scrollY - after.scrollY < 40, `scrollY ${after.scrollY} vs ${before.scrollY}`);
    // A link to another block still wins over the saved position.
    const linked = await open(context, '#h-les-implications-regionales');
    assert.deepEqual((await state(linked)).anchor, { block: 11, offset: 0 });
    await context.close();
  });
}

test('1280 to 390 wide and back, and a text size change, keep the anchor', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context);
  await page.evaluate(() => window.articleViewer.scrollToBlock(14));
  await settle(page);
  const anchor = (await state(page)).anchor;
  await page.setViewportSize({ width: 390, height: 800 });
  await settle(page);
  assert.deepEqual((await state(page)).anchor, anchor);
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);
  assert.deepEqual((await state(page)).anchor, anchor);
  await page.evaluate(() => window.articleViewer.setFontSize(32));
  await settle(page);
  assert.deepEqual((await state(page)).anchor, anchor);
  await context.close();
});

for (const [name, value] of [['corrupt', '{"version":1,"anchor":'], ['garbage', '\u0000\uffff not json'],
  ['wrong types', '{"version":1,"anchor":{"block":"x","offset":0},"percent":2,"updated":"now"}']]) {
  test(`a ${name} stored value: the page still becomes ready, at the top, and the value is replaced`, async () => {
    const context = await browser.newContext();
    await context.addInitScript(([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [key, value]);
    const page = await open(context);
    const s = await state(page);
    assert.equal(s.error, null);
    assert.equal(s.scrollY, 0);
    await page.keyboard.press('PageDown');
    await settle(page);
    await page.waitForFunction((k) => { try { return JSON.parse(localStorage.getItem(k)).version === 1; } catch { return false; } }, key, { timeout: 3000 });
    await context.close();
  });
}

test('a value from a future version is left alone', async () => {
  const context = await browser.newContext();
  const future = '{"version":7,"somethingNew":true}';
  await context.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, future]);
  const page = await open(context);
  await page.keyboard.press('PageDown');
  await settle(page);
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), future);
  assert.match((await state(page)).storageWarning, /newer version/);
  await context.close();
});

test('storage unavailable (throws on access): the viewer opens and warns once', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await open(context);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.keyboard.press('PageDown');
  await settle(page);
  await page.waitForTimeout(1200);
  const s = await state(page);
  assert.equal(s.ready, true);
  assert.ok(s.scrollY > 0);
  assert.match(s.storageWarning, /cannot be saved here/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('quota exceeded: reading goes on with a warning', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const page = await open(context);
  await page.keyboard.press('PageDown');
  await settle(page);
  await page.waitForFunction(() => window.articleViewer.state().storageWarning, null, { timeout: 3000 });
  assert.match((await state(page)).storageWarning, /storage is full/);
  await context.close();
});

test('two tabs: the older reading never overwrites the newer one', async () => {
  const context = await browser.newContext();
  const a = await open(context);
  const b = await open(context);
  // Tab A reads a little, then tab B reads much further; then A is hidden (pagehide flush).
  await a.evaluate(() => window.articleViewer.scrollToBlock(3));
  await a.waitForFunction((k) => localStorage.getItem(k) !== null, key);
  await b.bringToFront();
  await b.evaluate(() => window.articleViewer.scrollToBlock(25));
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).anchor.block === 25, key, { timeout: 3000 });
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await a.waitForTimeout(300);
  assert.equal((await stored(a)).anchor.block, 25);
  await context.close();
});

test('scrollToBlock moves the reader and the URL keeps the block', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  await page.evaluate(() => window.articleViewer.scrollToBlock(8));
  await settle(page);
  const s = await state(page);
  assert.equal(s.anchor.block, 8);
  assert.equal(s.anchor.offset, 0);
  assert.ok(s.timeLeftMinutes >= 1);
  await context.close();
});

test('the library lists bundled articles with their progress; forget one, forget all', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await open(context);
  await page.evaluate(() => window.articleViewer.scrollToBlock(12));
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, key, { timeout: 3000 });
  // A position for an article that is not bundled shows as recently read.
  await page.evaluate(() => localStorage.setItem('article-viewer/progress/other', JSON.stringify(
    { version: 1, anchor: { block: 2, offset: 0 }, percent: 0.25, updated: Date.now() - 3600e3, digest: 'x', title: 'Un autre article', source: 'https://example.org/a.json' })));
  await page.waitForFunction(() => window.articleViewer.library().length >= 2);
  let library = await page.evaluate(() => window.articleViewer.library());
  const seed = library.find((e) => e.id === 'russie-munitions-nord-coreennes');
  assert.equal(seed.bundled, true);
  assert.ok(seed.percent > 0.2, `seed percent ${seed.percent}`);
  const other = library.find((e) => e.id === 'other');
  assert.equal(other.bundled, false);
  assert.equal(other.title, 'Un autre article');
  await page.evaluate(() => window.articleViewer.showLibrary(true));
  await settle(page);
  assert.equal((await state(page)).library, true);
  await page.screenshot({ path: process.env.AV_SCREENSHOT_DIR ? `${process.env.AV_SCREENSHOT_DIR}/library.png` : undefined });
  await page.evaluate(() => window.articleViewer.forget('other'));
  library = await page.evaluate(() => window.articleViewer.library());
  assert.equal(library.find((e) => e.id === 'other'), undefined);
  await page.evaluate(() => window.articleViewer.forgetAll());
  library = await page.evaluate(() => window.articleViewer.library());
  assert.deepEqual(library.map((e) => [e.id, e.percent]), [['russie-munitions-nord-coreennes', undefined]]);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null);
  await context.close();
});
