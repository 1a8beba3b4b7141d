// The URL names what is on screen, and history moves between what the reader opened
// (reader-visible defects issue, items 1 and 2): opening an article pushes ?article=..., Back and
// Forward return to each article at its place, a reload or a copied URL opens the same article at
// the same block, and a link to a block of the article (#id) scrolls there as a history entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle, siteWith } from './harness.mjs';

// Every block has an id (p0 ... p59); p0 links down to "notes", p45 back up to p0; p50 links to
// an id no block has (the loader drops that link: its text stays plain).
const blocks = Array.from({ length: 60 }, (_, i) => ({
  type: 'paragraph', id: `p${i}`, text: `Paragraphe ${i} de l’article aux liens. `.repeat(10),
}));
blocks[0].text = [{ text: 'Aller aux notes', href: '#notes' }, ' puis lire la suite.'];
blocks[40] = { type: 'heading', level: 2, id: 'notes', text: 'Notes' };
blocks[45].text = [{ text: 'Revenir au début', href: '#p0' }];
blocks[50].text = [{ text: 'Nulle part', href: '#ailleurs' }];
const links = JSON.stringify({ format: 'article/1', id: 'liens', lang: 'fr', title: 'Un article avec des liens', blocks });

let server, browser, site;
before(async () => {
  site = siteWith({ 'articles/liens.json': links });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); site?.remove(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());
const address = (page) => page.evaluate(() => location.search + location.hash);
const savedAt = (page, id, block) => page.waitForFunction(([k, b]) => {
  const v = JSON.parse(localStorage.getItem(k) || 'null');
  return v && v.anchor.block === b;
}, [`article-viewer/progress/${id}`, block], { timeout: 10000 });

async function scrollTo(page, id, block) {
  await page.evaluate((b) => window.articleViewer.scrollToBlock(b), block);
  await settle(page);
  await savedAt(page, id, block);
}

test('opening articles: the URL follows, Back and Forward return to each at its place, reload keeps it', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url);
  let s = await waitForState(page);
  assert.ok(s.ready, JSON.stringify(s.error));
  assert.equal(await page.evaluate(() => location.search), '', 'the default article needs no ?article=');
  await scrollTo(page, s.articleId, 3);
  const seedAt = (await state(page)).anchor;
  const entries = await page.evaluate(() => history.length);

  await page.evaluate(() => window.articleViewer.open('articles/liens.json'));
  s = await waitForState(page, 'state.ready && state.articleId === "liens"');
  assert.equal(await page.evaluate(() => location.search), '?article=articles/liens.json');
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'opening an article is a history entry');
  await scrollTo(page, 'liens', 20);
  assert.equal(await address(page), '?article=articles/liens.json#p20');

  await page.goBack();
  s = await waitForState(page, 'state.ready && state.articleId !== "liens"');
  assert.equal(await page.evaluate(() => location.search), '');
  assert.deepEqual(s.anchor, seedAt, 'Back: the seed at the line the reader left');

  await page.goForward();
  s = await waitForState(page, 'state.ready && state.articleId === "liens"');
  assert.deepEqual(s.anchor, { block: 20, offset: 0 }, 'Forward: the other article where it was left');

  await page.reload();
  s = await waitForState(page);
  assert.equal(s.articleId, 'liens', 'a reload opens the article the URL names');
  assert.deepEqual(s.anchor, { block: 20, offset: 0 });
  await context.close();
});

test('a copied URL opens the same article at the same block on another machine', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });  // no storage
  const page = await context.newPage();
  await page.goto(server.url + '?article=articles/liens.json#p33');
  const s = await waitForState(page);
  assert.equal(s.articleId, 'liens');
  assert.deepEqual(s.anchor, { block: 33, offset: 0 });
  await context.close();
});

test('"Open the default article" from the error screen leaves the URL of the default', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url + '?article=nothere.json');
  let s = await waitForState(page);
  assert.ok(s.error, 'an error screen');
  assert.equal(await page.evaluate(() => location.search), '?article=nothere.json');
  await page.evaluate(() => window.articleViewer.openDefault());
  s = await waitForState(page, 'state.ready');
  assert.equal(await page.evaluate(() => location.search), '');
  await page.reload();
  s = await waitForState(page);
  assert.ok(s.ready && !s.error, `the reload opens the default article, not the error again: ${s.error}`);
  await context.close();
});

// The link's place on the canvas, from the layout as text (core/layout_digest.hpp: 1/16 px): the
// middle of the first span of block `block` that is a link.
async function linkPoint(page, block) {
  const text = await page.evaluate(() => window.articleViewer.layoutDigest(true));
  let inBlock = false, lineY = 0, lineH = 0;
  for (const row of text.split('\n')) {
    const b = /^block (-?\d+)/.exec(row);
    if (b) inBlock = Number(b[1]) === block;
    const l = /^ line y(-?\d+) h(\d+)/.exec(row);
    if (l) { lineY = Number(l[1]) / 16; lineH = Number(l[2]) / 16; }
    const sp = /^ {2}span .* x(-?\d+) w(\d+) link(\d+)/.exec(row);
    if (inBlock && sp) return { x: Number(sp[1]) / 16 + Number(sp[2]) / 32, y: lineY + lineH / 2 };
  }
  throw new Error(`no link in block ${block}:\n${text.slice(0, 2000)}`);
}

// Moves over the link's place (document y to screen: the canvas top is the page top; the view starts
// under the toolbar) and checks the viewer shows the hand before clicking.
async function clickLink(page, block) {
  const at = await linkPoint(page, block);
  const s = await state(page);
  for (const top of [44, 40, 48, 36, 52]) {
    const y = top + at.y - s.scrollY;
    await page.mouse.move(at.x, y);
    await settle(page);
    if (await page.evaluate(() => document.querySelector('canvas').style.cursor) === 'pointer') {
      await page.mouse.click(at.x, y);
      return;
    }
  }
  throw new Error(`the link of block ${block} shows no hand cursor near ${JSON.stringify(at)}`);
}

test('a link to a block of the article scrolls there as a history entry; Back returns to the same line', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url + '?article=articles/liens.json');
  let s = await waitForState(page);
  assert.equal(s.articleId, 'liens');
  assert.ok(s.warnings.some((w) => w.endsWith('/blocks/50/text/0/href: no block has the id "ailleurs"; link dropped')),
    JSON.stringify(s.warnings));
  const before = s.anchor;
  const entries = await page.evaluate(() => history.length);
  await clickLink(page, 0);
  s = await waitForState(page, 'state.anchor.block === 40');
  assert.equal(await page.evaluate(() => location.hash), '#notes');
  assert.equal(await page.evaluate(() => history.length), entries + 1);
  assert.equal(s.articleId, 'liens', 'the same article, not another tab or page');

  // Reading on from there, then following the link back up: two entries, and Back undoes each.
  await page.evaluate(() => window.articleViewer.scrollToBlock(44));
  await settle(page);
  const beforeSecond = (await state(page)).anchor;
  await clickLink(page, 45);
  s = await waitForState(page, 'state.anchor.block === 0');
  assert.equal(await page.evaluate(() => location.hash), '#p0');
  await page.goBack();
  s = await waitForState(page, `state.anchor.block === ${beforeSecond.block}`);
  assert.deepEqual(s.anchor, beforeSecond, 'Back: the line the reader left, not only its block');
  await page.goBack();
  s = await waitForState(page, `state.anchor.block === ${before.block}`);
  assert.deepEqual(s.anchor, before);
  await context.close();
});

test('the accessible copy\'s #id links move the canvas too', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url + '?article=articles/liens.json');
  await waitForState(page);
  await page.waitForSelector('#mirror a[href="#notes"]', { state: 'attached' });
  assert.equal(await page.locator('#mirror a[href="#ailleurs"]').count(), 0, 'a dead link is plain text in the copy too');
  await page.evaluate(() => document.querySelector('#mirror a[href="#notes"]').click());
  const s = await waitForState(page, 'state.anchor.block === 40 && state.blockId === "notes"');
  assert.equal(await page.evaluate(() => location.hash), '#notes');
  await context.close();
});
