// The resume notice never hides the line the reader was returned to, nor any other (reader-visible
// defects issue, item 12): it is a band of its own at the bottom, and the reading view ends above
// it; on a narrow phone its text wraps instead of running off the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle } from './harness.mjs';
import { seed } from './bundle.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());

for (const viewport of [{ width: 320, height: 480 }, { width: 1280, height: 800 }]) {
  test(`${viewport.width} x ${viewport.height}: the resume notice has a band of its own, the returned line stays in view`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForState(page);
    await page.evaluate(() => window.articleViewer.scrollToBlock(20));
    await settle(page);
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || 'null')?.anchor.block === 20,
      `article-viewer/progress/${seed.id}`, { timeout: 10000 });
    await page.reload();
    await waitForState(page, 'state.ready && state.notice');
    await settle(page);
    const s = await state(page);
    assert.ok(s.noticeBox, JSON.stringify(s));
    const viewBottom = s.view.top + s.view.height;
    assert.ok(s.noticeBox.y >= viewBottom - 0.5, `the notice (y ${s.noticeBox.y}) overlaps the view (bottom ${viewBottom})`);
    assert.ok(Math.abs(s.noticeBox.y + s.noticeBox.h - viewport.height) < 0.5, 'the band sits at the bottom');
    assert.ok(s.noticeBox.w <= viewport.width, `the notice is ${s.noticeBox.w} px wide`);
    assert.ok(s.noticeBox.h < viewport.height / 3, `the notice is ${s.noticeBox.h} px high`);
    assert.deepEqual(s.anchor, { block: 20, offset: 0 });
    assert.deepEqual(s.firstLine, s.anchor, 'the returned line is the one at the top of the view');
    // Closed, the view has the whole height again, and the same line at the top.
    // The × ends the last row, at the right.
    const closeAt = { x: s.noticeBox.x + s.noticeBox.w - 28, y: s.noticeBox.y + s.noticeBox.h - 21 };
    await page.mouse.click(closeAt.x, closeAt.y);
    await waitForState(page, '!state.notice');
    await settle(page);
    const after = await state(page);
    assert.equal(after.noticeBox, undefined);
    assert.ok(after.view.height > s.view.height, `view ${after.view.height} after, ${s.view.height} with the notice`);
    assert.deepEqual(after.firstLine, s.firstLine);
    await context.close();
  });
}
