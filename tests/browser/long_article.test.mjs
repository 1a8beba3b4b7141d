// A 100 000-paragraph article (43 MB, under the 64 MiB limit) used to hold the tab for about 22 s
// (reader-visible defects issue, item 7). It is now read, laid out and copied for screen readers
// in pieces, a few each frame: the page keeps drawing and answering while it loads.
//
// Timing limits flake on a busy machine, so this test asserts what does not depend on the
// machine's speed (the load spans many frames, the text stays on screen through a relayout) and
// holds the longest task only to a bound ten times the target, which loading in one piece breaks
// even on a fast machine (3 s and more). The 200 ms target itself is measured by the benchmarks
// (tests/bench/long_task_bench.mjs, BENCHMARKS.md "Longest task while an article loads").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repo, servedSite, waitForState, settle } from './harness.mjs';

const paragraphs = 100000;
const site = servedSite(() => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'av-long-'));
  const file = path.join(scratch, 'long.json');
  execFileSync('python3', [path.join(repo, 'tests/bench/generate_article.py'), '--paragraphs', String(paragraphs), '--seed', '1', '-o', file]);
  const bytes = readFileSync(file);
  rmSync(scratch, { recursive: true, force: true });
  return { 'articles/long.json': bytes };
});

// Long tasks of the page's main thread, from the start: {start, duration} in ms.
function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
}

test('a 43 MB article loads in pieces: frames keep coming, no task holds the page, the text and its copy are whole', { timeout: 300000 }, async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  await page.goto(site.url);
  await waitForState(page, 'state.ready');
  await settle(page);
  const start = await page.evaluate(() => performance.now());
  await page.evaluate(() => window.articleViewer.open('articles/long.json'));
  // While it loads, the page draws: count the frames drawn before the article is ready.
  const during = await page.evaluate(() => new Promise((done) => {
    const frames = new Set();
    const poll = () => {
      const s = window.articleViewer.state();
      if (s.ready && s.source.endsWith('long.json')) { done({ frames: frames.size, error: s.error }); return; }
      if (s.error) { done({ frames: frames.size, error: s.error }); return; }
      if (!s.ready && !s.loading) frames.add(s.frames);  // read in pieces: frames drawn meanwhile
      setTimeout(poll, 20);
    };
    poll();
  }));
  assert.equal(during.error, null);
  const ready = await waitForState(page, 'state.ready', 120000);
  assert.equal(ready.blocks, 130047);  // every block of the generated article (BENCHMARKS.md)
  assert.ok(during.frames >= 10, `the load spans ${during.frames} frames seen`);
  // The screen-reader copy is built in pieces too: wait until it is whole.
  await page.waitForFunction(() => document.getElementById('mirror').getAttribute('aria-busy') === 'false', null,
    { timeout: 180000, polling: 500 });
  const mirrored = await page.evaluate(() => document.querySelectorAll('#mirror [data-block]').length);
  assert.ok(mirrored >= 130047, `${mirrored} blocks in the copy`);
  const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= start);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(`long article: ${during.frames} frames seen while loading; ${tasks.length} tasks over 50 ms, the longest ${longest.toFixed(0)} ms`);
  assert.ok(longest < 2000, `a task of ${longest.toFixed(0)} ms`);

  // The end of the article can be reached, and a resize lays it out again in pieces while the
  // text stays on screen (state.ready never drops, the anchor is kept).
  await page.evaluate(() => window.articleViewer.scrollToBlock(130046));
  await settle(page);
  const end = await page.evaluate(() => window.articleViewer.state());
  assert.equal(end.anchor.block >= 130040, true, JSON.stringify(end.anchor));
  await page.evaluate(() => window.articleViewer.scrollToBlock(65000));
  await settle(page);
  const before = await page.evaluate(() => window.articleViewer.state());
  await page.setViewportSize({ width: 700, height: 800 });
  const relaid = await page.evaluate(() => new Promise((done) => {
    const seen = new Set();
    let dropped = false;
    const poll = () => {
      const s = window.articleViewer.state();
      if (!s.ready) dropped = true;
      seen.add(s.frames);
      if (s.column.width < 700 && !s.framePending && seen.size > 1) { done({ frames: seen.size, dropped, state: s }); return; }
      setTimeout(poll, 20);
    };
    poll();
  }));
  assert.equal(relaid.dropped, false, 'the text stays on screen while the new layout is built');
  await settle(page);
  const after = await page.evaluate(() => window.articleViewer.state());
  assert.deepEqual(after.firstLine, before.anchor);
  await context.close();
});
