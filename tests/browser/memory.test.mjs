// Memory (hardening issue, item 2): the largest file the loader accepts opens, and the page's
// articleViewer.article() answers (it stopped the program: "The viewer stopped unexpectedly");
// with a browser that gives the page less memory than an article may take, that article is
// refused with an error on the page, and the viewer goes on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repo, serve, launch, waitForState, siteWith } from './harness.mjs';

let server, browser, site;
// A million values, 999 980 of them empty list items: the most memory per byte an accepted file takes.
const items = execFileSync('/usr/bin/python3', [path.join(repo, 'tests', 'tools', 'limit_articles.py'), 'items',
  '--blocks', '5', '--per-block', '199996', '-o', '-'], { maxBuffer: 1 << 26 });

before(async () => {
  site = siteWith({ 'articles/items.json': items });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); site?.remove(); });

const stopped = (page) => page.evaluate(() => !document.getElementById('overlay').hidden);

test('the largest accepted file opens, and article() copies it out without stopping the viewer', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(server.url + '?article=articles/items.json');
  const state = await waitForState(page, 'state.ready || state.error', 120000);
  assert.equal(state.error, null);
  const counts = await page.evaluate(() => {
    const a = window.articleViewer.article();
    return a.blocks.map((b) => b.items.length);
  });
  assert.deepEqual(counts, [199996, 199996, 199996, 199996, 199996]);
  await page.evaluate(() => window.articleViewer.scrollToBlock(4));
  const after = await waitForState(page, 'state.ready && state.anchor.block === 4');
  assert.equal(after.error, null);
  assert.equal(await stopped(page), false);
  await page.close();
});

test('a browser that gives the page too little memory gets an error for that article, and the viewer goes on', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  // As a phone's browser would: the wasm memory may not grow past 96 MiB.
  await page.addInitScript(() => {
    const grow = WebAssembly.Memory.prototype.grow;
    WebAssembly.Memory.prototype.grow = function (pages) {
      if (this.buffer.byteLength + pages * 65536 > 96 * 1048576) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
      return grow.call(this, pages);
    };
  });
  await page.goto(server.url + '?article=articles/items.json');
  const state = await waitForState(page, 'state.ready || state.error', 120000);
  assert.equal(state.error, `${server.url}articles/items.json: opening this article may take 169 MB of memory, more than the browser gives this page`);
  assert.equal(await stopped(page), false);
  // The viewer goes on: the default article opens and the page's API answers.
  await page.evaluate(() => window.articleViewer.openDefault());
  const back = await waitForState(page, 'state.ready');
  assert.equal(back.error, null);
  assert.ok((await page.evaluate(() => window.articleViewer.article().blocks.length)) > 10);
  assert.equal(await stopped(page), false);
  await page.close();
});
