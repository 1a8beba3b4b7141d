// Readers without JavaScript (issue 20, item 17): the page's <noscript> links to the bundle's
// articles as plain HTML pages (dist/plain/, written from core's model by the web build's
// plain-pages tool), which read with no script at all; the single-file page holds the articles
// themselves in its <noscript>. A visit with JavaScript fetches nothing of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, waitForState, distDir } from './harness.mjs';
import { describe, seed, tempDir } from './bundle.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const plainText = (inline) => (typeof inline === 'string' ? inline : inline.map((r) => (typeof r === 'string' ? r : r.text)).join(''));
const firstParagraph = plainText(seed.blocks.find((b) => b.type === 'paragraph').text);
const pagePath = `/plain/${seed.id}.html`;

// A context with JavaScript off, its page, every request it makes (path) and the browser's
// console lines about the Content-Security-Policy (no script of the page can listen for them).
async function withoutScript(options = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, ...options });
  const page = await context.newPage();
  const requests = [];
  const refused = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) refused.push(m.text()); });
  return { context, page, requests, refused };
}

test('JavaScript off: the message links to the article\'s plain page, which reads with no script', async () => {
  const { context, page, requests, refused } = await withoutScript({ viewport: { width: 800, height: 600 } });
  await page.goto(server.url);
  const note = page.locator('.noscript');
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /needs JavaScript/);
  const link = note.locator('a', { hasText: seed.title });
  assert.ok(await link.isVisible());
  assert.equal(await link.getAttribute('href'), pagePath.slice(1));
  assert.equal(await link.getAttribute('lang'), seed.lang);  // the title in its own language
  assert.equal(await note.locator('a', { hasText: 'all the articles' }).getAttribute('href'), 'plain/index.html');
  // Nothing of plain/ was fetched by the page itself: it is only linked to.
  assert.deepEqual(requests.filter((u) => u.includes('/plain/')), []);

  requests.length = 0;
  const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
  assert.equal(new URL(page.url()).pathname, pagePath);
  // Its own policy: no script at all, pictures from any site (serve.py, README "Security headers").
  const policy = response.headers()['content-security-policy'];
  assert.match(policy, /script-src 'none'/);
  assert.equal(await page.title(), seed.title);
  assert.equal(await page.locator('html').getAttribute('lang'), seed.lang);
  assert.equal(await page.locator('article').getAttribute('lang'), seed.lang);
  assert.equal(await page.locator('h1').textContent(), seed.title);
  const paragraphs = await page.locator('main p').allTextContents();
  assert.ok(paragraphs.includes(firstParagraph), `no paragraph reads "${firstParagraph.slice(0, 60)}..."`);
  // The sponsored block is labelled as the canvas labels it, in the article's language.
  assert.equal(await page.locator('aside.sponsored .label').first().textContent(), 'Sponsorisé');
  assert.equal(await page.locator('h2').count(), seed.blocks.filter((b) => b.type === 'heading' && b.level === 2).length);
  // Styled by its stylesheet (a file: the policy allows no inline style), in a readable column.
  const column = await page.locator('main').boundingBox();
  assert.ok(column.width < 760 && column.width > 400, JSON.stringify(column));
  // It loads nothing but itself and its stylesheet: no script, nothing of the viewer.
  assert.equal(await page.locator('script').count(), 0);
  const loaded = requests.map((u) => new URL(u).pathname);
  assert.equal(loaded.length, 2, loaded.join(' '));
  assert.equal(loaded[0], pagePath);
  assert.match(loaded[1], /^\/plain\/plain\.[0-9a-f]{8}\.css$/);
  assert.deepEqual(refused, []);

  // The way back to the viewer, and to the list of every article.
  assert.equal(await page.locator('nav.plain-nav a', { hasText: 'article viewer' }).getAttribute('href'), '../');
  await Promise.all([page.waitForNavigation(), page.locator('nav.plain-nav a', { hasText: 'All articles' }).click()]);
  assert.equal(new URL(page.url()).pathname, '/plain/index.html');
  const item = page.locator('main li a', { hasText: seed.title });
  assert.equal(await item.getAttribute('href'), `${seed.id}.html`);
  assert.equal(await page.locator('main li').first().getAttribute('lang'), seed.lang);
  await context.close();
});

test('dist/plain/: a page per bundled article, the list and a hashed stylesheet; never precached', () => {
  const files = readdirSync(path.join(distDir, 'plain')).sort();
  assert.equal(files.length, 3, files.join(' '));
  assert.deepEqual(files.filter((f) => f.endsWith('.html')), ['index.html', `${seed.id}.html`].sort());
  assert.match(files.find((f) => f.endsWith('.css')), /^plain\.[0-9a-f]{8}\.css$/);
  assert.deepEqual(describe().precache.filter((p) => p.startsWith('plain/')), []);
});

test('JavaScript on: a first visit fetches nothing of plain/', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  assert.equal((await waitForState(page, 'state.ready')).error, null);
  // The worker's precache too (after the first draw).
  assert.equal(await page.evaluate(() => window.articleViewer.offline), true);
  assert.ok(requests.length > 5, requests.join(' '));
  assert.deepEqual(requests.filter((p) => p.startsWith('/plain/')), []);
  await context.close();
});

test('the single-file page, alone, without JavaScript: the article itself, not links that lead nowhere', async () => {
  // Copied alone, as a reader would: no plain/ beside it.
  const alone = tempDir('av-noscript-single-');
  copyFileSync(path.join(distDir, 'article-viewer.html'), path.join(alone, 'article-viewer.html'));
  const url = pathToFileURL(path.join(alone, 'article-viewer.html')).href;
  const { context, page, requests } = await withoutScript({ viewport: { width: 800, height: 600 } });
  await page.goto(url);
  const note = page.locator('.noscript');
  assert.deepEqual(await note.boundingBox(), { x: 0, y: 0, width: 800, height: 600 });
  assert.match(await note.locator('p').first().textContent(), /needs JavaScript/);
  assert.equal(await note.locator('a[href^="plain/"]').count(), 0);
  const article = note.locator('article');
  assert.equal(await article.count(), 1);
  assert.equal(await article.getAttribute('lang'), seed.lang);
  assert.equal(await article.locator('h1').textContent(), seed.title);
  assert.ok((await article.locator('p').allTextContents()).includes(firstParagraph));
  // Dressed by the plain pages' stylesheet, and it scrolls: the article is longer than the window.
  const column = await article.boundingBox();
  assert.ok(column.width < 760 && column.height > 600, JSON.stringify(column));
  await note.hover();
  await page.mouse.wheel(0, 2000);
  // Polled from here: with JavaScript off, the page's timers and frames run no waitForFunction.
  let scrolled = 0;
  for (let i = 0; i < 50 && !scrolled; i++) {
    await page.waitForTimeout(100);
    scrolled = await note.evaluate((n) => n.scrollTop);
  }
  assert.ok(scrolled > 0, 'the article in the single-file page does not scroll');
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:')), []);
  await context.close();

  // With JavaScript the same page shows the viewer, and none of it becomes an element.
  const on = await browser.newContext();
  const viewer = await on.newPage();
  await viewer.goto(url);
  assert.equal((await waitForState(viewer)).error, null);
  assert.equal(await viewer.evaluate(() => document.querySelectorAll('.plain, noscript *').length), 0);
  await on.close();
  rmSync(alone, { recursive: true, force: true });
});
