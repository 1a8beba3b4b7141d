// Highlights through the inputs highlights.test.mjs does not drive (issue 19; README "Highlights"):
// - the keyboard on the canvas: Shift+arrows select from the reading position, by characters and
//   by words (Ctrl), by lines (Down keeps the x) to a line's end (End); H highlights. At 1280 and
//   320 px, with another text size between: the same keys give the same words, which are those
//   addHighlight gives for the range computed here from the article's own text;
// - the touch long press: the word under the finger is selected, the bar shows, and a tap on one
//   of its colours highlights exactly that word in that colour;
// - the colour changed from the canvas's Highlights panel and from the page's: highlights() says
//   so, and a reload keeps it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, waitForState, settle, distDir, clickToolbarButton } from './harness.mjs';

let server, browser, seed;
before(async () => {
  const index = JSON.parse(readFileSync(path.join(distDir, 'articles', 'index.json'), 'utf8'));
  seed = JSON.parse(readFileSync(path.join(distDir, 'articles', index.articles.find((a) => a.id === index.default).path), 'utf8'));
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());
const highlights = (page) => page.evaluate(() => window.articleViewer.highlights());
const plain = (inline) => (typeof inline === 'string' ? inline : inline.map((r) => (typeof r === 'string' ? r : r.text)).join(''));
// A paragraph's own text as code points: what offsets count.
const chars = (block) => [...plain(seed.blocks[block].text)];
const word = /[\p{L}\p{N}'’-]/u;
// The end of the word at or after code point `p` (Ctrl+Shift+Right).
function nextWordEnd(cps, p) {
  while (p < cps.length && !word.test(cps[p])) p++;
  while (p < cps.length && word.test(cps[p])) p++;
  return p;
}

async function open(width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await page.evaluate(() => window.articleViewer.setTheme('light'));
  await settle(page);
  return { context, page, errors };
}

async function keys(page, ...presses) {
  for (const k of presses) await page.keyboard.press(k);
  await settle(page);
}

// What addHighlight makes of a range, removed again: its block, offsets and quote.
async function byApi(page, range) {
  return page.evaluate((r) => {
    const v = window.articleViewer;
    const id = v.addHighlight(r);
    const h = v.highlights().find((x) => x.id === id);
    v.removeHighlight(id);
    return { block: h.block, start: h.start, end: h.end, quote: h.quote };
  }, range);
}

test('the keyboard selects on the canvas by characters, words and lines, at 1280 and 320 px and two text sizes; H highlights the same words as addHighlight', async () => {
  const { context, page, errors } = await open(1280);
  const phrase = 7, lines = 2;  // "La coopération russo-nord-coréenne peut..." and a long paragraph
  const cps = chars(phrase);
  assert.ok(cps.length > 100 && chars(lines).length > 400);
  // 3 characters, 2 words (the second with its hyphens), one character back.
  const end = nextWordEnd(cps, nextWordEnd(cps, 3)) - 1;
  const expected = await byApi(page, { block: phrase, start: 0, end });
  assert.equal(expected.quote, cps.slice(0, end).join(''));
  assert.match(expected.quote, /^La coopération russo-nord-coréenn$/);

  const made = [];
  for (const [width, size] of [[1280, 20], [320, 30]]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate((px) => window.articleViewer.setFontSize(px), size);
    await settle(page);
    // The reading position at the paragraph's first line: where a keyboard selection starts.
    await page.evaluate((b) => window.articleViewer.scrollToBlock(b), phrase);
    await settle(page);
    await page.locator('#canvas').focus();
    const scrolled = (await state(page)).scrollY;
    await keys(page, 'Shift+ArrowRight', 'Shift+ArrowRight', 'Shift+ArrowRight');
    assert.equal((await state(page)).selection, 'La ');
    await keys(page, 'Control+Shift+ArrowRight', 'Control+Shift+ArrowRight', 'Shift+ArrowLeft');
    let s = await state(page);
    assert.equal(s.selection, expected.quote, `${width} px`);
    assert.ok(s.highlights.bar.shown, 'the bar did not show by the keyboard\'s selection');
    assert.equal(s.scrollY, scrolled, 'Shift+arrows scrolled');
    await keys(page, 'h');
    const list = await highlights(page);
    const h = list.find((x) => !made.includes(x.id));
    made.push(h.id);
    assert.deepEqual({ block: h.block, start: h.start, end: h.end, quote: h.quote }, expected, `${width} px, ${size} px text`);
    assert.equal((await state(page)).selection, '', 'the selection stays after H');

    // Lines: Shift+Down from a line's start selects that line (the x kept: the next line's
    // start), Shift+End then goes to the end of the second line, before the space it broke at.
    await page.evaluate((b) => window.articleViewer.scrollToBlock(b), lines);
    await settle(page);
    await keys(page, 'Shift+ArrowDown');
    const first = (await state(page)).selection;
    assert.ok(first.length > 10 && plain(seed.blocks[lines].text).startsWith(first), `Shift+Down selected ${JSON.stringify(first)}`);
    assert.match(first, / $/, 'a line broken at a space: the selection goes on to the next line\'s start');
    await keys(page, 'Shift+End', 'h');
    const two = (await highlights(page)).find((x) => !made.includes(x.id));
    made.push(two.id);
    const text = chars(lines);
    assert.deepEqual([two.block, two.start], [lines, 0]);
    assert.equal(two.quote, text.slice(0, two.end).join(''));
    assert.equal(text[two.end], ' ', 'Shift+End did not stop before the line\'s closing space');
    await page.evaluate((id) => window.articleViewer.goToHighlight(id), two.id);
    await settle(page);
    const rects = (await state(page)).highlights.rects[two.id];
    assert.equal(rects.length, 2, `on ${rects.length} lines: ${JSON.stringify(rects)}`);
    // The characters just before and just after its end: the first on its second line, the
    // other on the third.
    const y = async (start) => {
      const id = await page.evaluate((r) => window.articleViewer.addHighlight(r), { block: lines, start, end: start + 1 });
      await settle(page);
      const r = (await state(page)).highlights.rects[id];
      await page.evaluate((i) => window.articleViewer.removeHighlight(i), id);
      return r[0][1];
    };
    assert.equal(await y(two.end - 1), rects[1][1]);
    assert.ok(await y(two.end + 1) > rects[1][1], 'the line went on after the selection\'s end');
    // Escape clears a keyboard selection.
    await keys(page, 'Shift+ArrowRight');
    assert.notEqual((await state(page)).selection, '');
    await keys(page, 'Escape');
    assert.equal((await state(page)).selection, '');
    // The view follows the moving end past its bottom: 30 lines down is more than a window holds.
    const top = (await state(page)).scrollY;
    await keys(page, ...Array(30).fill('Shift+ArrowDown'));
    s = await state(page);
    assert.ok(s.scrollY > top + s.view.height / 2, `the view stayed at ${s.scrollY} (from ${top})`);
    assert.ok(s.selection.split(/\s+/).length > 60, 'Shift+Down ×30 selected too little');
    await keys(page, 'Escape');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long press selects the word under the finger, the bar shows, and a tap on a colour highlights exactly that word', async () => {
  const { context, page, errors } = await open(1280, { hasTouch: true });
  const cdp = await context.newCDPSession(page);
  let clock = Date.now() / 1000;
  const finger = async (type, x, y, after = 0.016) => {
    clock += after;
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }], timestamp: clock });
  };
  const block = 6;  // "Depuis plusieurs années, l’OTAN..."
  await page.evaluate((b) => window.articleViewer.scrollToBlock(b), block);
  await settle(page);
  const { column, view } = await state(page);
  // On the second word of the first line, 11 characters in ("plusieurs").
  await finger('touchStart', column.x + 110, view.top + 15);
  await page.waitForTimeout(900);
  clock += 0.9;
  await settle(page);
  await finger('touchEnd', column.x + 110, view.top + 15);
  await settle(page);
  let s = await state(page);
  const selected = s.selection;
  assert.match(selected, /^\p{L}+$/u, `the long press selected ${JSON.stringify(selected)}`);
  assert.ok(s.highlights.bar.shown, 'the bar did not show after the long press');
  const [bx, by, bw, bh] = s.highlights.bar.items['color:blue'];
  await finger('touchStart', bx + bw / 2, by + bh / 2);
  await finger('touchEnd', bx + bw / 2, by + bh / 2, 0.08);
  await settle(page);
  const [h] = await highlights(page);
  assert.ok(h, 'the tap on the bar made no highlight');
  // That word, whole: the characters around it are not letters; on the first line.
  const cps = chars(block);
  assert.deepEqual([h.block, h.quote, h.color], [block, selected, 'blue']);
  assert.equal(cps.slice(h.start, h.end).join(''), selected);
  assert.ok(h.start > 0 && h.start < 30 && !/\p{L}/u.test(cps[h.start - 1]) && !/\p{L}/u.test(cps[h.end]), JSON.stringify(h));
  assert.deepEqual(await byApi(page, { block, start: h.start, end: h.end }), { block, start: h.start, end: h.end, quote: selected });
  s = await state(page);
  assert.equal(s.selection, '');
  assert.equal(s.highlights.bar.shown, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a highlight\'s colour changes from the canvas\'s panel and from the page\'s, and a reload keeps it', async () => {
  const { context, page, errors } = await open(1000);
  const id = await page.evaluate(() => window.articleViewer.addHighlight({ block: 1, start: 0, end: 16 }));
  assert.equal((await highlights(page))[0].color, 'yellow');

  // The canvas's panel: the toolbar's Highlights, then the green swatch of that highlight.
  let s = await clickToolbarButton(page, 'Highlights');
  assert.ok(s.highlights.panel.open);
  const box = s.highlights.panel.items[`color:${id}:green`];
  assert.ok(box, `no colour swatches in the panel: ${Object.keys(s.highlights.panel.items)}`);
  for (const name of ['yellow', 'blue', 'pink']) assert.ok(s.highlights.panel.items[`color:${id}:${name}`], name);
  await page.mouse.click(box[0] + box[2] / 2, box[1] + box[3] / 2);
  await settle(page);
  assert.equal((await highlights(page))[0].color, 'green');
  assert.equal((await state(page)).highlights.panel.message, 'Colour: green');
  await page.keyboard.press('Escape');
  await settle(page);

  // The page's panel: the colour buttons are named "Colour: ...", the one in force pressed.
  await page.getByRole('button', { name: 'Highlights', exact: true }).focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('#highlights-panel');
  await panel.waitFor();
  const group = panel.getByRole('group', { name: 'Colour' });
  assert.equal(await group.getByRole('button', { name: 'Colour: green' }).getAttribute('aria-pressed'), 'true');
  await group.getByRole('button', { name: 'Colour: pink' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.articleViewer.highlights()[0].color === 'pink');
  // Built again with the new colour pressed, focus kept on it.
  await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Colour: pink' &&
    document.activeElement.getAttribute('aria-pressed') === 'true');
  assert.equal(await panel.getByRole('button', { name: 'Colour: green' }).getAttribute('aria-pressed'), 'false');
  await page.waitForFunction(() => document.getElementById('controls-status').textContent === 'Colour: pink');
  // The copy's mark follows.
  await page.waitForFunction((i) => {
    const m = document.querySelector(`#mirror mark[data-highlight="${i}"]`);
    return m && m.dataset.color === 'pink';
  }, id);

  await page.reload();
  await waitForState(page, 'state.ready');
  const [kept] = await highlights(page);
  assert.deepEqual([kept.id, kept.color], [id, 'pink']);
  assert.deepEqual(errors, []);
  await context.close();
});
