// Find, selection and copy on the canvas: Ctrl+F finds "coree" in "Corée" and goes to matches,
// a triple-click selects a paragraph and Ctrl+C puts exactly its text on the clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, waitForState, repo, settle, withPixels } from './harness.mjs';

const seed = JSON.parse(readFileSync(path.join(repo, 'assets', 'articles', 'russie-munitions-nord-coreennes.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const plain = (inline) => (inline === undefined ? '' : typeof inline === 'string' ? inline : inline.map((r) => (typeof r === 'string' ? r : r.text)).join(''));
// The text find searches, block by block, as the viewer defines it (docs/progress-format.md).
const blockText = (b) => plain(b.title) + plain(b.text) + (b.type === 'tags' ? b.items.join('') : '') +
  (b.type === 'list' ? b.items.map(plain).join('') : '') + (b.type === 'callout' ? (b.paragraphs || []).map(plain).join('') : '') +
  (b.type === 'related' ? b.items.map((i) => i.title).join('') : '') + plain(b.caption);
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE').toLowerCase();
const count = (hay, needle) => { let n = 0; for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++; return n; };

const state = (page) => page.evaluate(() => window.articleViewer.state());
async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await page.locator('#canvas').focus();
  return { context, page };
}

test('Ctrl+F finds "coree" case- and accent-insensitively, counts and moves between matches', async () => {
  const { context, page } = await open();
  const expected = count(fold(seed.title), 'coree') + seed.blocks.reduce((n, b) => n + count(fold(blockText(b)), 'coree'), 0);
  assert.ok(expected >= 5, `the seed has ${expected} matches`);
  await page.keyboard.press('Control+f');
  await settle(page);
  assert.equal((await state(page)).find.open, true);
  await page.keyboard.type('coree');
  await settle(page);
  let s = await state(page);
  assert.equal(s.find.query, 'coree');
  assert.equal(s.find.count, expected);
  assert.equal(s.find.current, 0);  // the first one, in the title: already in view
  assert.equal(s.scrollY, 0);
  // Enter goes to the next matches; the view follows them down the article.
  for (let i = 0; i < expected - 1; i++) await page.keyboard.press('Enter');
  await settle(page);
  s = await state(page);
  assert.equal(s.find.current, expected - 1);
  assert.ok(s.scrollY > 500, `the last match did not scroll the view (${s.scrollY})`);
  await page.keyboard.press('Enter');  // wraps around to the first
  await settle(page);
  assert.equal((await state(page)).find.current, 0);
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal((await state(page)).find.open, false);
  await context.close();
});

test('Cmd+F opens find too; Shift+Enter goes back to the previous match, and wraps', async () => {
  const { context, page } = await open();
  const expected = count(fold(seed.title), 'coree') + seed.blocks.reduce((n, b) => n + count(fold(blockText(b)), 'coree'), 0);
  await page.keyboard.press('Meta+f');
  await settle(page);
  assert.equal((await state(page)).find.open, true);
  await page.keyboard.type('coree');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await settle(page);
  let s = await state(page);
  assert.equal(s.find.current, 3);
  const far = s.scrollY;
  await page.keyboard.press('Shift+Enter');
  await settle(page);
  s = await state(page);
  assert.equal(s.find.current, 2);
  assert.ok(s.scrollY <= far, `going back moved the view down (${far} -> ${s.scrollY})`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Enter');
  await settle(page);
  assert.equal((await state(page)).find.current, expected - 1);  // from the first, back to the last
  await context.close();
});

test('find scrolls to the first match when it is far down the article', async () => {
  const { context, page } = await open();
  // "Poutine" is once in the seed, in a paragraph near the end.
  const index = seed.blocks.findIndex((b) => fold(blockText(b)).includes('poutine'));
  assert.ok(index > 20 && seed.blocks.filter((b) => fold(blockText(b)).includes('poutine')).length === 1);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('poutine');
  await settle(page);
  const s = await state(page);
  assert.deepEqual([s.find.count, s.find.current], [1, 0]);
  // The match is put a third of the way down the view (800 px high): the line at the top is a
  // few blocks before it at most (here the end of a paragraph, a heading, a paragraph).
  assert.ok(s.scrollY > 2000, `the view stayed near the top (${s.scrollY})`);
  assert.ok(s.anchor.block >= index - 3 && s.anchor.block <= index, `the view is at block ${s.anchor.block}, the match in ${index}`);
  await context.close();
});

test('a triple-click selects a paragraph; Ctrl+C copies exactly its text', async () => {
  const { context, page } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const index = seed.blocks.findIndex((b) => b.type === 'paragraph');
  await page.evaluate((i) => window.articleViewer.scrollToBlock(i), index);
  await settle(page);
  // The paragraph's first line is now at the top of the reading area, under the 44 px toolbar.
  await page.mouse.click(640, 44 + 15, { clickCount: 3 });
  await settle(page);
  const s = await state(page);
  assert.equal(s.selection, plain(seed.blocks[index].text));
  await page.keyboard.press('Control+c');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clipboard, plain(seed.blocks[index].text));
  await context.close();
});

test('dragging selects across lines and blocks; a double-click selects a word', async () => {
  const { context, page } = await open();
  const index = seed.blocks.findIndex((b) => b.type === 'paragraph');
  await page.evaluate((i) => window.articleViewer.scrollToBlock(i), index);
  await settle(page);
  await page.mouse.move(420, 44 + 15);
  await page.mouse.down();
  await page.mouse.move(600, 400, { steps: 8 });
  await page.mouse.up();
  await settle(page);
  const dragged = (await state(page)).selection;
  assert.ok(dragged.length > 100, `selection: ${JSON.stringify(dragged)}`);
  assert.ok(dragged.includes('\n\n'), 'the selection does not span two blocks');
  assert.ok(plain(seed.blocks[index].text).includes(dragged.split('\n\n')[0]));
  // The paragraph starts "La Corée du Nord": a double-click on its first letters selects "La".
  const column = (await state(page)).column;
  await page.mouse.dblclick(column.x + 6, 44 + 15);
  await settle(page);
  assert.equal((await state(page)).selection, 'La');
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal((await state(page)).selection, '');
  await context.close();
});

test('prefers-reduced-motion turns smooth scrolling off', async () => {
  const { context, page } = await open({ reducedMotion: 'reduce' });
  const before = (await state(page)).frames;
  await page.keyboard.press('PageDown');
  await settle(page);
  const s = await state(page);
  assert.ok(s.scrollY > 500);
  // No easing: the jump takes the few frames an input always draws (key down and key up, each
  // with its settle frames when they arrive apart on a busy machine: up to 8), not the twenty or
  // so of an eased PageDown.
  assert.ok(s.frames - before <= 8, `${s.frames - before} frames for one PageDown`);
  await context.close();
});

// Share of the page's pixels within 24 levels of a colour, per channel.
const colourShare = async (page, rgb) => withPixels(page, [await page.screenshot()], ([{ data: d }], [r, g, b]) => {
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) < 24 && Math.abs(d[i + 1] - g) < 24 && Math.abs(d[i + 2] - b) < 24) n++;
  return n / (d.length / 4);
}, rgb);

test('matches are highlighted on the canvas, the current one in its own colour, and only while find is open', async () => {
  const { context, page } = await open();
  // The light theme's colours (wasm/ui/theme.cpp): the current match, and the others at 55 % over white.
  const current = [255, 190, 100], other = [255, 242, 170];
  assert.equal(await colourShare(page, current), 0);
  await page.keyboard.press('Control+f');
  await settle(page);
  await page.keyboard.type('russie');
  await settle(page);
  const s = await state(page);
  assert.ok(s.find.count >= 2, `only ${s.find.count} matches`);
  const lit = await colourShare(page, current), others = await colourShare(page, other);
  assert.ok(lit > 0.0005, `no current match drawn (${lit})`);
  assert.ok(others > 0.0005, `no other match drawn (${others})`);
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal(await colourShare(page, current), 0);
  await context.close();
});

test('typing right after Ctrl+F, before the bar has drawn, loses no character', async () => {
  const { context, page } = await open();
  // Frames are held while the keys go in, as on a slow device: every key arrives before the bar
  // is even drawn, let alone has the keyboard.
  await page.evaluate(() => {
    const queued = [];
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => { queued.push(cb); return queued.length; };
    window.__releaseFrames = () => {
      window.requestAnimationFrame = original;
      for (const cb of queued.splice(0)) original(cb);
    };
  });
  await page.keyboard.press('Control+f');
  await page.keyboard.type('coree');
  await page.evaluate(() => window.__releaseFrames());
  await waitForState(page, "state.find.open && state.find.query === 'coree'", 10000);
  // Typing goes on in the field.
  await page.keyboard.type(' du');
  await waitForState(page, "state.find.query === 'coree du'", 10000);
  await context.close();
});
