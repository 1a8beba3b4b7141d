// The page's own controls and text meet WCAG AA in every theme (reader-visible defects issue,
// item 10): every visible element with text in the keyboard controls (shown while focused) and the
// loading overlay keeps 4.5:1 against what it sits on. The canvas's colours are checked where they
// are made (tests/ui/test_theme_style.cpp); this checks the HTML around it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// For each visible element under `selector` that holds text of its own: its colour, the first
// opaque background behind it, and their contrast ratio (WCAG 2).
function lowContrast(selector) {
  const channel = (v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const rgba = (text) => (text.match(/[\d.]+/g) || []).map(Number);
  const found = [];
  for (const root of document.querySelectorAll(selector)) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      const box = el.getBoundingClientRect();
      if (!own || box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      let bg = null;
      for (let at = el; at && !bg; at = at.parentElement) {
        const c = rgba(getComputedStyle(at).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] >= 0.99)) bg = c;
      }
      bg = bg || [255, 255, 255];
      const fg = rgba(getComputedStyle(el).color);
      const [a, b] = [lum(fg), lum(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) found.push(`${el.tagName.toLowerCase()}#${el.id} "${el.textContent.trim().slice(0, 30)}": ${fg} on ${bg}, ${ratio.toFixed(2)}:1`);
    }
  }
  return found;
}

for (const theme of ['light', 'sepia', 'dark']) {
  test(`${theme}: the keyboard controls and their panels keep 4.5:1`, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, colorScheme: theme === 'dark' ? 'dark' : 'light' });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForState(page, 'state.ready');
    await page.evaluate((name) => window.articleViewer.setTheme(name), theme);
    await settle(page);
    // Focus inside shows the bar; the contents' panel opens below it.
    await page.focus('#controls button');
    const contents = page.locator('#controls button', { hasText: /Contents|Sommaire/ });
    if (await contents.count()) {
      await contents.first().focus();
      await page.keyboard.press('Enter');
    }
    await settle(page);
    const low = await page.evaluate(lowContrast, '#controls');
    assert.deepEqual(low, []);
    // The Highlights panel (shell/highlights.js), with a highlight, its note and its lost state.
    await page.evaluate(() => window.articleViewer.addHighlight({ block: 1, start: 0, end: 20, note: 'Une note' }));
    await page.getByRole('button', { name: 'Highlights', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#highlights-panel').waitFor();
    assert.deepEqual(await page.evaluate(lowContrast, '#controls'), []);
    await context.close();
  });
}

test('the failure overlay (the program cannot be fetched) keeps 4.5:1 in both colour schemes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, colorScheme });
    const page = await context.newPage();
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(server.url);
    await page.waitForSelector('#overlay.failed', { timeout: 30000 });
    assert.ok(await page.evaluate(() => document.querySelector('#overlay').textContent.trim().length > 0));
    const low = await page.evaluate(lowContrast, '#overlay');
    assert.deepEqual(low, [], colorScheme);
    await context.close();
  }
});
