// A long article's accessible copy (issue 20, item 7): the mirror reads the article in pages and
// puts it into the page in many small tasks, never as one insertion of the whole copy; it ends
// complete (every block, aria-busy false); another article opened while it builds replaces it.
// The longest task is printed, not judged: timings flake on a busy machine (the 200 ms target is
// in BENCHMARKS.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repo, serve, launch, waitForState, siteWith } from './harness.mjs';

// The benchmarks' 10 000-paragraph article (4.3 MB, 12 999 blocks).
const long = execFileSync('/usr/bin/python3', [path.join(repo, 'tests', 'bench', 'generate_article.py'),
  '--paragraphs', '10000', '--seed', '1', '-o', '-'], { maxBuffer: 1 << 26 });
const blocks = JSON.parse(long).blocks.length;
const seed = JSON.parse(readFileSync(path.join(repo, 'assets', 'articles', 'russie-munitions-nord-coreennes.json'), 'utf8'));

let site, server, browser;
before(async () => {
  site = siteWith({ 'articles/long.json': long });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); site?.remove(); });

// Installed before the page's scripts: long tasks (buffered), the moment the article is first
// ready, and, once the page is parsed, every task's changes to the mirror (a MutationObserver's
// callback runs once at the end of each task that changed it): how many block elements each task
// put in, and the most that came with an element put straight into #mirror (the whole copy, when
// it was built apart and put in with one replaceChildren).
function watch() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('articleviewer:state', (e) => {
    if (e.detail && e.detail.ready && window.__readyAt === undefined) window.__readyAt = performance.now();
  });
  window.__slices = [];  // per task: [time, block elements put in]
  window.__rootInsert = 0;
  const seen = new WeakSet();
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      let added = 0;
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node.nodeType !== 1) continue;
          const inside = [...node.querySelectorAll('[data-block]')];
          if (node.hasAttribute('data-block')) inside.push(node);
          if (r.target.id === 'mirror') window.__rootInsert = Math.max(window.__rootInsert, inside.length);
          for (const b of inside) {
            if (seen.has(b)) continue;
            seen.add(b);
            added++;
          }
        }
      }
      if (added) window.__slices.push([performance.now(), added]);
    }).observe(document.getElementById('mirror'), { childList: true, subtree: true });
  });
}

const busy = (page) => page.evaluate(() => document.getElementById('mirror').getAttribute('aria-busy'));
const waitBuilt = (page) => page.waitForFunction(() => document.getElementById('mirror').getAttribute('aria-busy') === 'false',
  null, { timeout: 180000, polling: 100 });

// The indices of the mirror's block elements, in document order (-1: the header).
const indices = (page) => page.evaluate(() => [...document.querySelectorAll('#mirror [data-block]')].map((e) => Number(e.dataset.block)));

test('a 10 000-paragraph article: the copy is complete, built into the page in many small tasks', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(watch);
  await page.goto(server.url + '?article=articles/long.json');
  const state = await waitForState(page, 'state.ready || state.error', 180000);
  assert.equal(state.error, null);
  assert.equal(state.blocks, blocks);
  await waitBuilt(page);
  const r = await page.evaluate(() => {
    const ready = window.__readyAt;
    const built = window.__slices.length ? window.__slices[window.__slices.length - 1][0] : ready;
    // The tasks that started while the mirror was built (the program's frames among them).
    const during = window.__longTasks.filter((e) => e.start >= ready && e.start <= built);
    return {
      slices: window.__slices.length, most: Math.max(...window.__slices.map((s) => s[1])),
      total: window.__slices.reduce((n, s) => n + s[1], 0), rootInsert: window.__rootInsert,
      longest: Math.max(0, ...during.map((e) => e.duration)), long: during.length,
      buildMs: built - ready,
    };
  });
  // The pages the mirror reads (mirror.js: 512 blocks or 64 KiB of JSON, the block that passes it
  // included): each task puts in at most one.
  const pages = await page.evaluate(() => {
    let n = 0;
    for (let from = 0, count = window.articleViewer.articleHeader().blockCount; from < count; n++) {
      from += window.articleViewer.articleBlocks(from, 512, 64 * 1024).length;
    }
    return n;
  });
  console.log(`mirror of ${blocks} blocks (${pages} pages): ${r.slices} tasks put blocks in (at most ${r.most} in one), ` +
    `built ${Math.round(r.buildMs)} ms after ready; longest task meanwhile ${Math.round(r.longest)} ms (${r.long} over 50 ms)`);

  // Complete: the header and every block, in article order, and nothing else.
  assert.deepEqual(await indices(page), [-1, ...Array.from({ length: blocks }, (_, i) => i)]);
  assert.equal(r.total, blocks + 1);
  assert.equal(await busy(page), 'false');
  assert.deepEqual(await page.evaluate(() => [document.getElementById('mirror').lang, document.getElementById('mirror').dir]), ['fr', 'auto']);
  assert.equal(await page.locator('#mirror h1').textContent(), state.title);
  // In many tasks, each a small share of the copy; never the whole copy in one insertion (the
  // old mirror built it apart and put it in with one replaceChildren).
  assert.ok(pages > 20 && r.slices >= pages, `${r.slices} tasks for ${pages} pages`);
  assert.ok(r.most <= 512 + 1, `one task put in ${r.most} of ${blocks} blocks`);  // + the header
  assert.ok(r.rootInsert <= 512 + 1, `${r.rootInsert} blocks went into #mirror at once`);

  // The pages the mirror reads are the article, block for block, as article() gives it whole.
  const same = await page.evaluate(() => {
    const whole = window.articleViewer.article();
    const head = window.articleViewer.articleHeader();
    const paged = [];
    for (let from = 0; from < head.blockCount;) {
      const page = window.articleViewer.articleBlocks(from, 1000, 64 * 1024);
      paged.push(...page);
      from += page.length;
    }
    const { blocks: wholeBlocks, ...top } = whole;
    const { blockCount, ...headTop } = head;
    return { top: JSON.stringify(top) === JSON.stringify(headTop), blocks: JSON.stringify(paged) === JSON.stringify(wholeBlocks),
      count: blockCount === wholeBlocks.length, pageOfOne: window.articleViewer.articleBlocks(5, 100, 1).length };
  });
  assert.deepEqual(same, { top: true, blocks: true, count: true, pageOfOne: 1 });
  await page.close();
});

test('an article opened while the copy of a long one is being built replaces it, complete', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(watch);
  await page.goto(server.url + '?article=articles/long.json');
  await waitForState(page, 'state.ready', 180000);
  // In the same task as a look at the mirror: part of the long copy is in, and not all of it.
  const opened = await page.waitForFunction(() => {
    const m = document.getElementById('mirror');
    if (m.getAttribute('aria-busy') !== 'true' || m.querySelectorAll('[data-block]').length < 500) return null;
    window.articleViewer.open('articles/russie-munitions-nord-coreennes.json');
    return m.querySelectorAll('[data-block]').length;
  }, null, { timeout: 60000, polling: 20 });
  assert.ok((await opened.jsonValue()) < blocks);
  await waitForState(page, `state.ready && state.articleId === ${JSON.stringify(seed.id)}`);
  await waitBuilt(page);
  assert.equal(await page.locator('#mirror h1').textContent(), seed.title);
  assert.deepEqual(await indices(page), [-1, ...seed.blocks.map((_, i) => i)]);
  // And back to the long one: its copy replaces the seed's, whole.
  await page.evaluate(() => window.articleViewer.open('articles/long.json'));
  await waitForState(page, 'state.ready && state.blocks > 1000', 180000);
  await waitBuilt(page);
  assert.equal((await indices(page)).length, blocks + 1);
  // A failed article after it: the long copy goes, the alert comes. (Looked for with a query:
  // playwright's getByRole would work out the role and style of every element of the copy.)
  await page.evaluate(() => window.articleViewer.open('articles/missing.json'));
  await page.waitForFunction(() => document.querySelector('#mirror [role=alert]'), null, { timeout: 60000, polling: 100 });
  assert.equal(await busy(page), 'false');
  assert.deepEqual(await indices(page), []);
  assert.match(await page.locator('#mirror [role=alert]').textContent(), /could not be opened.*missing\.json.*404/);
  await page.close();
});
