// The toolbar fits from 320 px up (reader-visible defects issue, item 11): the time left and the
// controls never overlap and never run past the window; what does not fit is in a "More" menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle, siteWith } from './harness.mjs';

const english = JSON.stringify({
  format: 'article/1', id: 'long-read', lang: 'en', title: 'A long read',
  blocks: Array.from({ length: 400 }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i}, long enough to take a while to read. `.repeat(8) })),
});
let site, server, browser;
before(async () => {
  site = siteWith({ 'articles/long-read.json': english });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); site?.remove(); });

const all = ['Open file…', 'Smaller text', 'Larger text', 'Settings…', 'Listen', 'Contents', 'Library'];

for (const [lang, query] of [['fr', ''], ['en', '?article=articles/long-read.json']]) {
  test(`${lang}: from 320 px up, the row fits and nothing overlaps; what does not fit is in More`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 700 } });
    const page = await context.newPage();
    await page.goto(server.url + query);
    await waitForState(page, 'state.ready');
    for (const width of [320, 360, 390, 480, 768, 1280]) {
      await page.setViewportSize({ width, height: 700 });
      await settle(page);
      const { toolbar, timeLeft } = await page.evaluate(() => window.articleViewer.state());
      const where = `${width} px: ${JSON.stringify(toolbar)}`;
      assert.ok(toolbar.rowEnd <= width - 8 + 0.5, where);
      assert.ok(toolbar.timeLeftEnd > 0, `the time left ("${timeLeft}") is shown at ${where}`);
      assert.ok(toolbar.timeLeftEnd + 8 <= toolbar.rowStart, `the time left runs under the controls at ${where}`);
      if (width >= 1280) assert.deepEqual(toolbar.menu, [], where);
      if (width <= 360) assert.ok(toolbar.menu.length >= 2, where);
      // Every menu entry is a control (none lost, none twice).
      for (const label of toolbar.menu) assert.ok(all.includes(label) || label.startsWith('Theme: '), label);
      assert.equal(new Set(toolbar.menu).size, toolbar.menu.length);
    }
    // At 320 px the More button (the row's last) opens its menu.
    await page.setViewportSize({ width: 320, height: 700 });
    await settle(page);
    const { toolbar } = await page.evaluate(() => window.articleViewer.state());
    await page.mouse.click(toolbar.rowEnd - 12, 22);
    await waitForState(page, 'state.toolbar.menuOpen');
    await context.close();
  });
}
