// Touch on the canvas, through real touch events (CDP Input.dispatchTouchEvent): a fast swipe
// flings and keeps coasting after the finger lifts, a finger that rests before lifting does not;
// a long press selects the word under the finger, dragging then extends the selection instead of
// scrolling, the selection copies as the mouse's does, and a tap clears it.
//
// The events carry their own timestamps, 16 ms apart: the fling's speed is measured from the
// events' times (ui/velocity_tracker.hpp), so a busy machine that handles them late does not
// change it, and the bounds below do not depend on how fast frames are drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, waitForState, settle, repo } from './harness.mjs';

const seed = JSON.parse(readFileSync(path.join(repo, 'assets', 'articles', 'russie-munitions-nord-coreennes.json'), 'utf8'));
const plain = (inline) => (typeof inline === 'string' ? inline : inline.map((r) => (typeof r === 'string' ? r : r.text)).join(''));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());

async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, ...options });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await settle(page);
  const cdp = await context.newCDPSession(page);
  // A finger whose events are `at` seconds apart on the browser's clock (CDP takes seconds since
  // the epoch), whatever the time it takes to send them.
  let clock = Date.now() / 1000;
  const finger = async (type, x, y, after = 0.016) => {
    clock += after;
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }], timestamp: clock });
  };
  // Real time passing with the finger down (a long press is timed by the viewer's frames).
  const hold = async (ms) => { await page.waitForTimeout(ms); clock += ms / 1000; };
  return { context, page, finger, hold };
}

test('a fast swipe keeps coasting after the finger lifts', async () => {
  const { context, page, finger } = await open();
  // 300 px up in 150 ms: 2000 px/s.
  await finger('touchStart', 640, 600);
  for (let i = 1; i <= 10; i++) await finger('touchMove', 640, 600 - 30 * i, 0.015);
  await finger('touchEnd', 640, 300);
  await settle(page);
  const s = await state(page);
  // The content follows the finger for 300 px, then flings on: at 2000 px/s a native fling goes
  // on for several hundred pixels; before the fix this swipe coasted 2 to 24 px.
  assert.ok(s.scrollY >= 300 + 150, `the swipe ended at ${s.scrollY} px: it did not coast`);
  assert.equal(s.selection, '', 'a swipe selects nothing');
  await context.close();
});

test('a finger that rests before lifting does not fling', async () => {
  const { context, page, finger } = await open();
  await finger('touchStart', 640, 600);
  for (let i = 1; i <= 10; i++) await finger('touchMove', 640, 600 - 30 * i, 0.015);
  await settle(page);
  const held = (await state(page)).scrollY;
  assert.ok(Math.abs(held - 300) < 2, `the content did not follow the finger (${held})`);
  await finger('touchEnd', 640, 300, 0.3);  // lifted 300 ms after it stopped
  await settle(page);
  assert.equal((await state(page)).scrollY, held);
  await context.close();
});

test('a long press selects a word, dragging extends it without scrolling, Ctrl+C copies it, a tap clears it', async () => {
  const { context, page, finger, hold } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const index = seed.blocks.findIndex((b) => b.type === 'paragraph');
  const text = plain(seed.blocks[index].text);
  assert.ok(text.startsWith('La Corée du Nord'));
  await page.evaluate((i) => window.articleViewer.scrollToBlock(i), index);
  await settle(page);
  const { scrollY, column } = await state(page);
  // The paragraph's first line is at the top of the reading area, under the 44 px toolbar.
  await finger('touchStart', column.x + 6, 44 + 15);
  await hold(900);
  await settle(page);
  assert.equal((await state(page)).selection, 'La', 'the long press did not select the word under the finger');
  // Still down: the finger moves down and right, the selection follows it word by word.
  for (let i = 1; i <= 8; i++) await finger('touchMove', column.x + 6 + 40 * i, 44 + 15 + 12 * i);
  await finger('touchEnd', column.x + 6 + 320, 44 + 15 + 96);
  await settle(page);
  const s = await state(page);
  assert.equal(s.scrollY, scrollY, 'the drag scrolled instead of selecting');
  assert.ok(s.selection.length > 40 && text.startsWith(s.selection), `selection: ${JSON.stringify(s.selection)}`);
  assert.match(s.selection, /\p{L}$/u, 'the selection does not end on a whole word');
  assert.ok(!/\p{L}/u.test(text.charAt(s.selection.length)), `cut inside a word: ${s.selection}`);

  // Copy, as for the mouse: the page's copy event is answered with the selection.
  await page.keyboard.press('Control+c');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), s.selection);

  // A quick tap elsewhere clears it and does not scroll.
  await finger('touchStart', 640, 500);
  await finger('touchEnd', 640, 500, 0.08);
  await settle(page);
  const tapped = await state(page);
  assert.equal(tapped.selection, '');
  assert.equal(tapped.scrollY, scrollY);
  await context.close();
});
