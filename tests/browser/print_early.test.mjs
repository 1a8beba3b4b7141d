// A print before shell/mirror.js has arrived (README, "Printing"): the copy that prints is
// mirror.js's, which loader.js loads only after the first frame. articleViewer.print() and
// Ctrl+P wait for it (asking for it at once if it was not asked for yet) and print the whole
// article, or say why not; the browser's own Print, which cannot wait, prints a note instead of
// an empty page. mirror.js is held (or refused) by a route on the context: the service worker,
// once it controls the page, asks for it too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repo, servedSite, waitForState } from './harness.mjs';
import { printed, norm, pdfOf, inOrder } from './print_pdf.mjs';

const seed = JSON.parse(readFileSync(path.join(repo, 'assets', 'articles', 'russie-munitions-nord-coreennes.json'), 'utf8'));
// The seed's title and every paragraph, in order (no links: the copy's text is the paper's).
const seedText = [seed.title, ...seed.blocks.filter((b) => b.type === 'paragraph').map((b) => printed(b.text))];

const WAITING = 'The article is still being prepared for printing; print again in a moment.';
const NO_COPY = 'mirror.js did not load, so there is no copy to print (check the connection)';

const site = servedSite({});
const scratch = () => mkdtempSync(path.join(tmpdir(), 'av-print-early-'));
const MIRROR = /\/mirror\.[0-9a-f]+\.js$/;

// mirror.js's requests wait until release() (then go on), or are refused at once with `refuse`.
function gate({ refuse = false } = {}) {
  let open;
  const opened = new Promise((resolve) => { open = resolve; });
  const gated = { asked: 0, release: () => open() };
  gated.route = (context) => context.route(MIRROR, async (route) => {
    gated.asked++;
    if (refuse) return route.abort();
    await opened;
    return route.continue().catch(() => {});  // the page may be gone
  });
  return gated;
}

// Installed with page.addInitScript: window.print only records its calls (when, what the copy and
// the print's note said then), and whether a keydown's default was prevented, read once the event
// is over (the page's key guards stop it before a listener of the bubbling phase would see it).
function recordPrints() {
  window.__prints = [];
  window.print = () => {
    const note = document.getElementById('print-note');
    window.__prints.push({ at: performance.now(), copy: document.getElementById('mirror').textContent,
      note: note ? note.textContent : null, mirror: typeof window.articleViewerPrint });
  };
  window.__keys = [];
  window.addEventListener('keydown', (e) => setTimeout(() => window.__keys.push({ key: e.key, prevented: e.defaultPrevented }), 0), true);
}

// Starts articleViewer.print() in the page; window.__result gets what it resolved to, or
// 'rejected: MESSAGE', and window.__settledAt when.
function startPrint() {
  window.__result = null;
  window.__startedAt = performance.now();
  window.articleViewer.print().then((r) => { window.__result = r; }, (e) => { window.__result = 'rejected: ' + e.message; })
    .finally(() => { window.__settledAt = performance.now(); });
}

async function open(query, setups, prepare) {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const errors = [];
  if (prepare) await prepare(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  for (const setup of setups) await page.addInitScript(setup);
  await page.goto(site.url + query);
  return { context, page, errors };
}

const hasMirror = (page) => page.evaluate(() => typeof window.articleViewerPrint === 'function');

test('the browser\'s own Print before mirror.js prints a note that the article is on its way, not an empty page', async () => {
  const dir = scratch();
  const mirror = gate();
  const { context, page, errors } = await open('', [], (c) => mirror.route(c));
  try {
    await waitForState(page, 'state.ready');
    assert.equal(await hasMirror(page), false, 'mirror.js came although held');
    const early = await pdfOf(page, dir);
    assert.equal(early.pageCount, 1);
    assert.equal(norm(early.text), norm(WAITING), 'the print before mirror.js');

    mirror.release();
    await page.waitForFunction(() => typeof window.articleViewerPrint === 'function', null, { timeout: 15000 });
    const late = await pdfOf(page, dir);
    inOrder(late.text, seedText);
    assert.ok(!norm(late.text).includes(norm(WAITING)), 'the note is printed with the article');
    assert.deepEqual(errors, []);
  } finally {
    mirror.release();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('articleViewer.print() right after the first frame waits for mirror.js, then prints the whole article once', async () => {
  const dir = scratch();
  const mirror = gate();
  const { context, page, errors } = await open('', [recordPrints], (c) => mirror.route(c));
  try {
    await waitForState(page, 'state.ready');
    assert.equal(await hasMirror(page), false, 'mirror.js came although held');
    await page.evaluate(startPrint);
    await page.waitForTimeout(1000);
    assert.deepEqual(await page.evaluate(() => [window.__prints.length, window.__result]), [0, null], 'printed before mirror.js came');

    mirror.release();
    await page.waitForFunction(() => window.__result !== null, null, { timeout: 15000 });
    const [result, prints] = await page.evaluate(() => [window.__result, window.__prints]);
    assert.deepEqual(result, { pictures: 0, printed: 0 });
    assert.equal(prints.length, 1, 'window.print() calls');
    inOrder(prints[0].copy, seedText);  // the copy was whole when the dialog opened
    const pdf = await pdfOf(page, dir);
    inOrder(pdf.text, seedText);
    assert.ok(!norm(pdf.text).includes(norm(WAITING)));
    assert.deepEqual(errors, []);
  } finally {
    mirror.release();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('articleViewer.print() as the page opens asks for mirror.js at once, waits for the article, and prints it', async () => {
  const dir = scratch();
  const { context, page, errors } = await open('', [recordPrints, () => {
    // Deferred scripts (loader.js) have run by DOMContentLoaded; the program has not drawn yet.
    document.addEventListener('DOMContentLoaded', () => {
      window.__early = window.articleViewer.state();
      window.__result = null;
      window.articleViewer.print().then((r) => { window.__result = r; }, (e) => { window.__result = 'rejected: ' + e.message; });
    });
    window.addEventListener('articleviewer:state', (e) => {
      if (e.detail.ready && !window.__readyAt) window.__readyAt = performance.now();
    });
  }]);
  try {
    await page.waitForFunction(() => window.__result !== null, null, { timeout: 30000 });
    const seen = await page.evaluate(() => ({
      early: { ready: window.__early.ready, frames: window.__early.frames },
      result: window.__result,
      prints: window.__prints.length,
      mirrorAsked: performance.getEntriesByType('resource').find((r) => /\/mirror\.[0-9a-f]+\.js$/.test(r.name)).startTime,
      readyAt: window.__readyAt,
      copy: window.__prints[0] && window.__prints[0].copy,
    }));
    assert.deepEqual(seen.early, { ready: false, frames: 0 });
    assert.deepEqual(seen.result, { pictures: 0, printed: 0 });
    assert.equal(seen.prints, 1);
    assert.ok(seen.mirrorAsked < seen.readyAt, `mirror.js asked for at ${seen.mirrorAsked} ms, the article ready at ${seen.readyAt} ms`);
    inOrder(seen.copy, seedText);
    inOrder((await pdfOf(page, dir)).text, seedText);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Ctrl+P before mirror.js is the page\'s: one print of the whole article once it comes, and mirror.js then prints alone', async () => {
  const mirror = gate();
  const { context, page, errors } = await open('', [recordPrints], (c) => mirror.route(c));
  try {
    await waitForState(page, 'state.ready');
    assert.equal(await hasMirror(page), false, 'mirror.js came although held');
    await page.locator('#canvas').focus();
    // Twice while it waits: still one print.
    await page.keyboard.press('Control+p');
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__keys.filter((k) => k.key === 'p').length === 2);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__prints.length), 0, 'printed before mirror.js came');

    mirror.release();
    await page.waitForFunction(() => window.__prints.length === 1, null, { timeout: 15000 });
    inOrder((await page.evaluate(() => window.__prints[0].copy)), seedText);
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.__prints.length), 1, 'window.print() calls for one Ctrl+P');

    // Now mirror.js is there: one Ctrl+P, one print.
    await page.locator('#canvas').focus();
    await page.keyboard.press('Meta+p');
    await page.waitForFunction(() => window.__prints.length === 2, null, { timeout: 15000 });
    await page.waitForTimeout(1000);
    const [prints, keys] = await page.evaluate(() => [window.__prints, window.__keys.filter((k) => k.key === 'p')]);
    assert.equal(prints.length, 2, 'window.print() calls for the Cmd+P after mirror.js came');
    assert.deepEqual(keys.map((k) => k.prevented), [true, true, true]);
    assert.deepEqual(errors, []);
  } finally {
    mirror.release();
    await context.close();
  }
});

test('mirror.js refused: print() says so word for word, Ctrl+P and the browser\'s Print print that', async () => {
  const dir = scratch();
  const mirror = gate({ refuse: true });
  const { context, page } = await open('', [recordPrints], (c) => mirror.route(c));
  try {
    await waitForState(page, 'state.ready');
    await page.waitForFunction(() => document.getElementById('print-note').textContent.startsWith('mirror.js'), null, { timeout: 15000 });
    assert.ok(mirror.asked >= 1, 'mirror.js was never asked for');
    await page.evaluate(startPrint);
    await page.waitForFunction(() => window.__result !== null, null, { timeout: 15000 });
    const [result, took] = await page.evaluate(() => [window.__result, window.__settledAt - window.__startedAt]);
    assert.equal(result, 'rejected: ' + NO_COPY);
    assert.ok(took < 5000, `the refusal took ${took.toFixed(0)} ms to report`);
    assert.equal(await page.evaluate(() => window.__prints.length), 0);

    const pdf = await pdfOf(page, dir);
    assert.equal(norm(pdf.text), norm(NO_COPY));

    await page.locator('#canvas').focus();
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__prints.length === 1, null, { timeout: 15000 });
    const [call] = await page.evaluate(() => window.__prints);
    assert.deepEqual({ note: call.note, copy: call.copy }, { note: NO_COPY, copy: '' });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an article that failed prints its error, before mirror.js and after; print() rejects saying so', async () => {
  const dir = scratch();
  const mirror = gate();
  const { context, page } = await open('?article=articles/absent.json', [recordPrints], (c) => mirror.route(c));
  try {
    const { error } = await waitForState(page, 'state.error');
    assert.ok(error.includes('absent.json'), error);
    assert.equal(await hasMirror(page), false, 'mirror.js came although held');
    const early = await pdfOf(page, dir);
    assert.equal(norm(early.text), norm('This article could not be opened: ' + error));

    mirror.release();
    await page.waitForFunction(() => typeof window.articleViewerPrint === 'function', null, { timeout: 15000 });
    await page.evaluate(startPrint);
    await page.waitForFunction(() => window.__result !== null, null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__result), 'rejected: the article could not be opened, so there is nothing to print: ' + error);
    const late = await pdfOf(page, dir);
    inOrder(late.text, ['This article could not be opened', error]);
    // mirror.js's alert alone: not the note too.
    assert.equal(norm(late.text).split(norm('could not be opened')).length - 1, 1, late.text);

    // Ctrl+P still opens the dialog, which shows the error.
    await page.locator('#canvas').focus();
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__prints.length === 1, null, { timeout: 15000 });
    inOrder(await page.evaluate(() => window.__prints[0].copy), ['This article could not be opened', error]);
  } finally {
    mirror.release();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mirror.js still on its way after 10 s: print() gives up then, saying so', { timeout: 60000 }, async () => {
  const mirror = gate();
  const { context, page } = await open('', [recordPrints], (c) => mirror.route(c));
  try {
    await waitForState(page, 'state.ready');
    await page.evaluate(startPrint);
    await page.waitForFunction(() => window.__result !== null, null, { timeout: 20000 });
    const [result, took, prints] = await page.evaluate(() => [window.__result, window.__settledAt - window.__startedAt, window.__prints.length]);
    assert.equal(result, 'rejected: ' + NO_COPY);
    assert.ok(took > 9000 && took < 12000, `gave up after ${took.toFixed(0)} ms`);
    assert.equal(prints, 0);
  } finally {
    mirror.release();
    await context.close();
  }
});

test('a viewer that could not start: print() and the paper give the reason', async () => {
  const dir = scratch();
  const { context, page } = await open('', [], (c) => c.route(/\/article-viewer\.[0-9a-f]+\.wasm$/, (route) => route.abort()));
  try {
    await page.waitForFunction(() => document.getElementById('overlay').classList.contains('failed'), null, { timeout: 30000 });
    const reason = await page.evaluate(() => document.getElementById('status').textContent + ' ' + document.getElementById('detail').textContent);
    assert.ok(reason.startsWith('The viewer could not be downloaded.'), reason);
    const result = await page.evaluate(() => window.articleViewer.print().then(() => 'resolved', (e) => 'rejected: ' + e.message));
    assert.equal(result, 'rejected: ' + reason);
    assert.equal(norm((await pdfOf(page, dir)).text), norm(reason));
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
