// Reading progress in a real browser with real localStorage: the position survives reload,
// resizes and text size changes; a corrupt, future or unavailable store never breaks the page;
// an older tab never overwrites a newer position; the page can follow the reader.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle, pixelDiff, relayout, wheelUntil, ocr, holdTimers } from './harness.mjs';

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
  await page.waitForFunction((k) => window.localStorage.getItem(k) !== null, key, { timeout: 10000 });
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
  // The notice says where, in the article's language; the toolbar says how long is left.
  assert.equal(after.notice, `Reprise à ${Math.round(saved.percent * 100)}\u202F%`);
  assert.match(after.timeLeft, /^\d+ min restantes?$/);
  assert.equal(parseInt(after.timeLeft, 10), after.timeLeftMinutes);
  assert.ok(after.timeLeftMinutes >= 1 && after.timeLeftMinutes < after.readingMinutes, JSON.stringify(after));
  // ...and both are really drawn (read back with OCR); the notice's "start over" goes to the top.
  const bar = ocr(await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 44 } })).map((w) => w.text).join(' ');
  assert.match(bar, new RegExp(`${after.timeLeftMinutes} min restantes`), `toolbar reads "${bar}"`);
  const strip = { x: 0, y: 800 - 90, width: 1280, height: 90 };
  const words = ocr(await page.screenshot({ clip: strip }));
  assert.ok(words.some((w) => w.text === 'Reprise'), `notice reads "${words.map((w) => w.text).join(' ')}"`);
  const button = words.find((w) => w.text === 'Recommencer');
  assert.ok(button, `no "Recommencer" in "${words.map((w) => w.text).join(' ')}"`);
  await page.mouse.click(strip.x + button.x + button.w / 2, strip.y + button.y + button.h / 2);
  await settle(page);
  const top = await state(page);
  assert.deepEqual(top.anchor, { block: -1, offset: 0 });
  assert.equal(top.scrollY, 0);
  assert.equal(top.notice, '');
  assert.equal(top.timeLeftMinutes, top.readingMinutes);
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).anchor.block === -1, key, { timeout: 10000 });
  await context.close();
});

test('the page is hidden right after a move: the position is saved at once (pagehide)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(holdTimers);
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  // With timers held, the save 0.8 s after settling cannot happen: only the flush can save.
  await page.evaluate(() => { window.__holdTimers = true; });
  await page.evaluate(() => window.articleViewer.scrollToBlock(12));
  const moved = await waitForState(page, 'state.anchor.block === 12', 30000, 'raf');
  await page.waitForTimeout(1200);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null, 'saved by the timer: no test');
  await page.goto(server.url);  // no fragment: the place can only come from storage
  const after = await waitForState(page, 'state.ready');
  assert.deepEqual((await stored(page)).anchor.block, 12);
  assert.deepEqual(after.anchor, moved.anchor);
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
    }, [key, before.anchor], { timeout: 10000 });
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

// After a relayout the anchor is kept, not recomputed, so comparing it with itself proves little:
// firstLine is the line really at the top in the new layout, and the canvas is compared too.
test('1280 to 390 wide and back, and a text size change and back: the same line at the top', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await open(context);
  await page.evaluate(() => window.articleViewer.scrollToBlock(2));  // p2: a long paragraph
  await settle(page);
  const start = await wheelUntil(page, (a) => a.block === 2 && a.offset > 100);
  const anchor = start.anchor;
  assert.deepEqual(start.firstLine, anchor);
  await page.waitForFunction(([k, a]) => JSON.parse(localStorage.getItem(k) || 'null')?.anchor.offset === a.offset, [key, anchor], { timeout: 10000 });
  // In another layout, the anchored character is on the line at the top: that line starts at or
  // before it, less than a line's worth of characters before.
  const holdsAnchor = (s, perLine) => {
    assert.deepEqual(s.anchor, anchor);
    assert.equal(s.firstLine.block, anchor.block, JSON.stringify(s.firstLine));
    assert.ok(s.firstLine.offset <= anchor.offset && anchor.offset - s.firstLine.offset < perLine,
      `top line starts at ${s.firstLine.offset}, anchor at ${anchor.offset}`);
  };
  const narrow = await relayout(page, () => page.setViewportSize({ width: 390, height: 800 }));
  holdsAnchor(narrow, 60);
  assert.notDeepEqual(narrow.firstLine, anchor, 'the paragraph did not rewrap at 390 px (no test)');
  // Back at the start's layout: the same line, now at the very top (it was part-way scrolled out).
  const home = await relayout(page, () => page.setViewportSize({ width: 1280, height: 800 }));
  assert.deepEqual(home.anchor, anchor);
  assert.deepEqual(home.firstLine, start.firstLine);
  assert.ok(home.scrollY <= start.scrollY && start.scrollY - home.scrollY < 40, `scrollY ${home.scrollY} vs ${start.scrollY}`);
  const canvas = page.locator('#canvas');
  const shot = await canvas.screenshot();
  const same = async (what) => {
    const s = await state(page);
    assert.deepEqual(s.anchor, anchor, what);
    assert.deepEqual(s.firstLine, home.firstLine, what);
    assert.equal(s.scrollY, home.scrollY, what);
    const diff = await pixelDiff(page, shot, await canvas.screenshot());
    assert.ok(diff < 0.001, `${what}: ${(diff * 100).toFixed(2)} % of the canvas differs`);
  };
  holdsAnchor(await relayout(page, () => page.evaluate(() => window.articleViewer.setFontSize(32))), 70);
  await relayout(page, () => page.evaluate(() => window.articleViewer.setFontSize(20)));
  await same('back at 20 px');
  for (const width of [390, 700, 1280]) holdsAnchor(await relayout(page, () => page.setViewportSize({ width, height: 800 })), 60);
  await same('390, 700, back at 1280');
  // Relayouts are not the reader's moves: nothing new was saved.
  await page.waitForTimeout(1200);
  assert.deepEqual((await stored(page)).anchor.offset, anchor.offset);
  await context.close();
});

// At the end, a wider window shows the end of a shorter document: the view is only pulled back,
// which must not re-anchor it (before: block 30, then 29 for good).
test('at the end, 390 to 1280 wide and back: still the same line, not a block up', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await open(context);
  await page.keyboard.press('End');
  await settle(page);
  const end = await state(page);
  assert.ok(end.percent > 0.999, `percent ${end.percent}`);
  const wide = await relayout(page, () => page.setViewportSize({ width: 1280, height: 800 }));
  assert.deepEqual(wide.anchor, end.anchor);
  assert.ok(wide.percent > 0.999, `wide: percent ${wide.percent}`);
  const after = await relayout(page, () => page.setViewportSize({ width: 390, height: 800 }));
  assert.deepEqual(after.anchor, end.anchor);
  assert.deepEqual(after.firstLine, end.firstLine);
  assert.ok(end.scrollY - after.scrollY < 40, `scrollY ${after.scrollY} vs ${end.scrollY}`);
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
    await page.waitForFunction((k) => { try { return JSON.parse(localStorage.getItem(k)).version === 1; } catch { return false; } }, key, { timeout: 10000 });
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
  await page.waitForFunction(() => window.articleViewer.state().storageWarning, null, { timeout: 10000 });
  assert.match((await state(page)).storageWarning, /storage is full/);
  await context.close();
});

test('two tabs: an older unsaved move, flushed on pagehide, never overwrites a newer position', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const console_ = [];
  a.on('console', (m) => console_.push(`${m.type()}: ${m.text()}`));
  a.on('pageerror', (e) => console_.push(`pageerror: ${e}`));
  await a.addInitScript(holdTimers);
  await a.goto(server.url);
  await waitForState(a, 'state.ready');
  // Tab A moves first, and its save timer is held: A keeps an older move, unsaved. The move counts
  // (and is timed) when a frame draws it: wait for that frame while A is the only tab, so that
  // nothing about how a browser draws tabs behind others can delay it past B's save.
  await a.evaluate(() => { window.__holdTimers = true; });
  const framesBefore = await a.evaluate(() => window.articleViewer.state().frames);
  await a.evaluate(() => window.articleViewer.scrollToBlock(3));
  await waitForState(a, `state.anchor.block === 3 && state.frames > ${framesBefore} && !state.positionSaved`, 30000, 'raf')
    .catch((e) => { e.message += `\ntab A's console:\n${console_.join('\n')}`; throw e; });
  await a.waitForTimeout(50);
  // Then tab B opens, reads further, later, and saves.
  const b = await open(context);
  await b.evaluate(() => window.articleViewer.scrollToBlock(25));
  await b.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || 'null')?.anchor.block === 25, key, { timeout: 10000 });
  // Now A is hidden: its flush must find B's newer value and leave it.
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await a.waitForTimeout(300);
  assert.equal((await stored(a)).anchor.block, 25);
  // The timer, released, does not write A's older move either.
  await a.evaluate(() => { window.__holdTimers = false; });
  await a.waitForTimeout(1200);
  assert.equal((await stored(a)).anchor.block, 25);
  await context.close();
});

// A position stored with a clock a day ahead (another device, a clock corrected since) used to win
// over every later move: storage kept block 12 while state() said positionSaved.
test('a stored position dated a day ahead: reading on is still saved, and positionSaved tells the truth', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(holdTimers);
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await page.evaluate(() => window.articleViewer.scrollToBlock(12));
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || 'null')?.anchor.block === 12, key, { timeout: 10000 });
  await page.evaluate((k) => {
    const value = JSON.parse(localStorage.getItem(k));
    value.updated = Date.now() + 24 * 3600 * 1000;
    localStorage.setItem(k, JSON.stringify(value));
  }, key);
  await page.goto(server.url);  // no fragment: the place comes from storage
  const resumed = await waitForState(page, 'state.ready && state.anchor.block === 12');
  assert.equal(resumed.positionSaved, true, 'storage holds where the reader is');
  // Read on, with the save timer held: the move is not saved yet, and state() must say so.
  await page.evaluate(() => { window.__holdTimers = true; });
  await page.evaluate(() => window.articleViewer.scrollToBlock(20));
  const moved = await waitForState(page, 'state.anchor.block === 20', 30000, 'raf');
  await page.waitForTimeout(1200);
  assert.equal((await stored(page)).anchor.block, 12);
  assert.equal((await state(page)).positionSaved, false, 'positionSaved before anything was written');
  await page.evaluate(() => { window.__holdTimers = false; });
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).anchor.block === 20, key, { timeout: 10000 });
  const saved = await waitForState(page, 'state.positionSaved');
  assert.deepEqual(saved.anchor, moved.anchor);
  assert.deepEqual((await stored(page)).anchor.offset, moved.anchor.offset);
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
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, key, { timeout: 10000 });
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
