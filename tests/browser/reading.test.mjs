// The reading view in a real browser: crisp at several device pixel ratios and in every theme,
// idle costs no frames, and the keyboard, the wheel, deep links and text size move the reader
// where they should.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, inkStats, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function openSeed(options = {}, suffix = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(server.url + suffix);
  await waitForState(page, 'state.ready');
  return { page, context };
}

for (const deviceScaleFactor of [1, 2, 3]) {
  test(`canvas is sized in device pixels at deviceScaleFactor ${deviceScaleFactor}`, async () => {
    const { page, context } = await openSeed({ deviceScaleFactor });
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
    });
    assert.equal(size.w, size.cssW * deviceScaleFactor);
    assert.equal(size.h, size.cssH * deviceScaleFactor);
    await context.close();
  });
}

for (const deviceScaleFactor of [1, 2]) {
  for (const theme of ['light', 'sepia', 'dark']) {
    test(`seed drawn at deviceScaleFactor ${deviceScaleFactor} in the ${theme} theme`, async () => {
      const { page, context } = await openSeed({ deviceScaleFactor });
      await page.evaluate((t) => window.articleViewer.setTheme(t), theme);
      await settle(page);
      assert.equal((await page.evaluate(() => window.articleViewer.state())).theme.toLowerCase(), theme);
      const shot = await page.screenshot();
      const stats = await inkStats(page, shot);
      assert.equal(stats.width, 1280 * deviceScaleFactor);
      assert.ok(stats.nonBackground > 0.02, `blank in ${theme}: ${JSON.stringify(stats)}`);
      assert.ok(stats.ink > 0.01, `no text in ${theme}: ${JSON.stringify(stats)}`);
      await context.close();
    });
  }
}

// Every face on one screen: title (serif bold), subtitle and quote (serif italic), byline and
// sponsored text (sans), headings (sans bold), and body runs in all four serif faces.
const allFaces = {
  format: 'article/1', id: 'all-faces', lang: 'fr', title: 'Titre en gras',
  subtitle: 'Un chapeau en italique', byline: { authors: ['Jeanne Exemple'], published: '2025-06-01T08:30:00Z' },
  blocks: [
    { type: 'paragraph', text: ['Du romain, ', { text: 'du gras, ', bold: true }, { text: "de l'italique, ", italic: true },
      { text: 'du gras italique.', bold: true, italic: true }] },
    { type: 'heading', level: 2, text: 'Une section' },
    { type: 'quote', text: 'Une citation.', cite: 'Quelqu’un' },
    { type: 'sponsored', title: 'Une annonce', text: 'Son texte.' },
  ],
};

// Glyphs must be rasterised at the device pixel ratio in every face, not only in the font ImGui
// last had pushed: a face baked at density 1 is drawn scaled up, blurry. state().glyphDensity
// gives, per face drawn, the density of the bake its text was drawn from.
for (const deviceScaleFactor of [1, 2, 3]) {
  test(`every face is rasterised at deviceScaleFactor ${deviceScaleFactor}`, async () => {
    const { page, context } = await openSeed({ deviceScaleFactor });
    await page.evaluate((json) => window.articleViewer.openBytes('all-faces.json', new TextEncoder().encode(json)),
      JSON.stringify(allFaces));
    await waitForState(page, "state.ready && state.articleId === 'all-faces'");
    await settle(page);
    const check = async (when) => {
      const s = await page.evaluate(() => window.articleViewer.state());
      assert.equal(s.framebufferScale, deviceScaleFactor);
      const faces = ['serif', 'serifBold', 'serifItalic', 'serifBoldItalic', 'sans', 'sansBold'];
      assert.deepEqual(s.glyphDensity, Object.fromEntries(faces.map((f) => [f, deviceScaleFactor])),
        `glyph density per face ${when}: ${JSON.stringify(s.glyphDensity)}`);
    };
    await check('at first');
    // A new text size is a new bake of every face: at the same density.
    // (Waited for, not settled: at density 3 on a busy machine a frame can take longer than
    // settle()'s polls, which then see no new frame before the key's.)
    await page.keyboard.press('Control+Equal');
    await waitForState(page, 'state.fontSize === 22', 10000);
    await settle(page);
    await check('after Ctrl+=');
    await context.close();
  });
}

test('the default theme follows prefers-color-scheme', async () => {
  const { page, context } = await openSeed({ colorScheme: 'dark' });
  assert.equal((await page.evaluate(() => window.articleViewer.state())).theme, 'Dark');
  await context.close();
});

test('idle draws no frames', async () => {
  const { page, context } = await openSeed();
  await settle(page);
  const before = (await page.evaluate(() => window.articleViewer.state())).frames;
  await page.waitForTimeout(3000);
  const after = (await page.evaluate(() => window.articleViewer.state())).frames;
  assert.equal(after, before, 'frames were drawn while nothing happened');
  // ...and input does draw.
  await page.mouse.move(400, 400);
  await page.waitForTimeout(200);
  assert.ok((await page.evaluate(() => window.articleViewer.state())).frames > after);
  await context.close();
});

test('keyboard scrolling moves the article', async () => {
  const { page, context } = await openSeed();
  const state = () => page.evaluate(() => window.articleViewer.state());
  await page.keyboard.press('PageDown');
  await settle(page);
  const paged = await state();
  assert.ok(paged.scrollY > 500, `PageDown moved to ${paged.scrollY}`);
  await page.keyboard.press('ArrowDown');
  await settle(page);
  assert.ok((await state()).scrollY > paged.scrollY);
  await page.keyboard.press('End');
  await settle(page);
  const end = await state();
  assert.equal(end.percent, 1);
  await page.keyboard.press('Home');
  await settle(page);
  assert.equal((await state()).scrollY, 0);
  await context.close();
});

test('wheel scrolling moves the article, one notch a few lines', async () => {
  const { page, context } = await openSeed();
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 100);
  await settle(page);
  const y = (await page.evaluate(() => window.articleViewer.state())).scrollY;
  assert.ok(y > 60 && y < 200, `one notch scrolled ${y}px`);
  await context.close();
});

test('deep links open at the block and the URL follows the reader', async () => {
  const { page, context } = await openSeed({}, '#h-un-tournant-multipolaire');
  let state = await page.evaluate(() => window.articleViewer.state());
  const ids = await page.evaluate(() => fetch('articles/russie-munitions-nord-coreennes.json').then((r) => r.json()).then((a) => a.blocks.map((b) => b.id || null)));
  assert.equal(ids[state.anchor.block], 'h-un-tournant-multipolaire');
  assert.equal(state.anchor.offset, 0);
  await page.keyboard.press('Home');
  await settle(page);
  state = await page.evaluate(() => window.articleViewer.state());
  assert.equal(state.scrollY, 0);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await settle(page);
  state = await page.evaluate(() => window.articleViewer.state());
  const hash = await page.evaluate(() => window.location.hash);
  assert.ok(hash.length > 1, 'the URL has no #block');
  // The fragment names the block being read or the nearest one before it with an id.
  const named = ids.slice(0, state.anchor.block + 1).filter(Boolean).pop();
  assert.equal(hash, '#' + named);
  await context.close();
});

test('text size changes keep the same line at the top and stay sharp', async () => {
  const { page, context } = await openSeed();
  await page.evaluate(() => window.articleViewer.scrollToBlock(10));
  await settle(page);
  const before = await page.evaluate(() => window.articleViewer.state());
  assert.equal(before.anchor.block, 10);
  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Equal');
  await settle(page);
  const bigger = await page.evaluate(() => window.articleViewer.state());
  assert.equal(bigger.fontSize, 24);
  assert.deepEqual(bigger.anchor, before.anchor);
  assert.ok(bigger.height > before.height);
  await page.setViewportSize({ width: 390, height: 800 });
  await settle(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);
  assert.deepEqual((await page.evaluate(() => window.articleViewer.state())).anchor, before.anchor);
  await page.keyboard.press('Control+0');
  await settle(page);
  assert.equal((await page.evaluate(() => window.articleViewer.state())).fontSize, 20);
  await context.close();
});
