// Ctrl+wheel, a trackpad's pinch and a two-finger pinch change the text size, sharp, as the
// browser's zoom would change a page's; the reader stays on the same line (reader-visible defects
// issue, item 18). A pinch on a touch screen neither scrolls nor follows a link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());

async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, ...options });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await page.evaluate(() => window.articleViewer.scrollToBlock(6));
  await settle(page);
  return { context, page, cdp: await context.newCDPSession(page) };
}

test('Ctrl+wheel: 10 % a notch, the same line at the top, no scrolling, no page zoom', async () => {
  const { context, page } = await open();
  const before = await state(page);
  assert.equal(before.fontSize, 20);
  await page.mouse.move(500, 400);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await settle(page);
  assert.equal((await state(page)).fontSize, 22);
  await page.mouse.wheel(0, -100);
  await page.mouse.wheel(0, -100);
  await settle(page);
  assert.equal((await state(page)).fontSize, 27);  // 22 x 1.1 x 1.1 = 26.6
  await page.mouse.wheel(0, 300);
  await page.keyboard.up('Control');
  await settle(page);
  const after = await state(page);
  assert.equal(after.fontSize, 20);
  assert.deepEqual(after.anchor, before.anchor, 'the wheel zoomed, it did not scroll');
  assert.equal(await page.evaluate(() => window.visualViewport.scale), 1);
  await context.close();
});

test('a trackpad pinch (small Ctrl+wheel steps, no key down) adds up to whole pixels', async () => {
  const { context, page, cdp } = await open();
  for (let i = 0; i < 10; i++) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 500, y: 400, deltaX: 0, deltaY: -4, modifiers: 2 });
  }
  await settle(page);
  assert.equal((await state(page)).fontSize, 21);  // 20 x 1.1^0.4 = 20.8
  for (let i = 0; i < 40; i++) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x: 500, y: 400, deltaX: 0, deltaY: -5, modifiers: 2 });
  }
  await settle(page);
  assert.equal((await state(page)).fontSize, 25);  // 20.8 x 1.1^2 = 25.2, in 40 steps that keep their fractions
  await context.close();
});

test('two fingers pinch the text size on a touch screen, without scrolling', async () => {
  const { context, page, cdp } = await open({ hasTouch: true });
  const before = await state(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  await touch('touchStart', [{ x: 450, y: 400, id: 1 }]);
  await touch('touchStart', [{ x: 450, y: 400, id: 1 }, { x: 550, y: 400, id: 2 }]);
  for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: 450 - 5 * i, y: 400 - 4 * i, id: 1 }, { x: 550 + 5 * i, y: 400 + 4 * i, id: 2 }]);
  await touch('touchEnd', [{ x: 575, y: 420, id: 2 }]);
  await touch('touchEnd', []);
  await settle(page);
  const after = await state(page);
  // From 100 px apart to hypot(150, 40) = 155.2: 20 x 1.552 = 31.
  assert.equal(after.fontSize, 31);
  assert.deepEqual(after.anchor, before.anchor, 'the pinch did not scroll');
  assert.equal(after.selection, '');
  await context.close();
});
