// Which articles a page opens, and whose progress an article's is (hardening issue, item 5):
// `?article=` opens the page's own site and the origins its publisher lists in
// <meta name="article-viewer-origins">, never data:; another site's article that reuses a bundled
// article's id keeps a position of its own and never touches the bundled one's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle, corsHost, siteWith, allowOrigins } from './harness.mjs';
import { seed } from './bundle.mjs';

const key = `article-viewer/progress/${seed.id}`;
let server, browser, other, plain, site;

// The impostor: the bundled article's id, other text (it would have read as "the article changed").
const impostor = JSON.stringify({
  format: 'article/1', id: seed.id, lang: 'fr', title: 'Un autre article',
  blocks: Array.from({ length: 60 }, (_, i) => ({ type: 'paragraph', text: `Paragraphe ${i} d’un autre site. `.repeat(12) })),
});

before(async () => {
  other = await corsHost();
  other.files['/impostor.json'] = { type: 'application/json', body: impostor };
  plain = await corsHost({ cors: false });
  plain.files['/impostor.json'] = { type: 'application/json', body: impostor };
  site = siteWith({});  // a copy: the test edits its index.html
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); other?.close(); plain?.close(); site?.remove(); });

const stored = (page, k) => page.evaluate((name) => window.localStorage.getItem(name), k);
async function readOn(page, steps) {
  await page.mouse.move(500, 350);
  for (let i = 0; i < steps; i++) await page.mouse.wheel(0, 100);
  await settle(page);
}

test('?article= refuses other sites, data: and protocol-relative addresses, with the reason', async () => {
  allowOrigins(site.dir, []);
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const home = server.url.replace(/\/$/, '');
  const cases = [
    [other.url + 'impostor.json', `${other.url}impostor.json: this page opens articles from its own site (${home}), not from ${other.origin}`],
    [other.url.replace('http:', '') + 'impostor.json', `${other.url}impostor.json: this page opens articles from its own site (${home}), not from ${other.origin}`],
    ['data:application/json,{}', 'data:application/json,{}: only http and https addresses are opened here'],
  ];
  for (const [asked, error] of cases) {
    await page.goto(server.url + '?article=' + encodeURIComponent(asked));
    const state = await waitForState(page);
    assert.equal(state.error, error);
    assert.equal(state.ready, false);
  }
  // The same refusal through the page's API.
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await page.evaluate((url) => window.articleViewer.open(url), other.url + 'impostor.json');
  assert.match((await waitForState(page, 'state.error')).error, /not from http:\/\/127\.0\.0\.1:\d+$/);
  await page.close();
});

test('an allowed site\'s article with a bundled id keeps its own position; the bundled one is untouched', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  // The reader is halfway through the bundled article.
  allowOrigins(site.dir, []);
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await readOn(page, 20);
  await page.waitForFunction((k) => window.localStorage.getItem(k) !== null, key, { timeout: 10000 });
  await page.waitForFunction(() => window.articleViewer.state().positionSaved, null, { timeout: 10000 });
  const bundled = await stored(page, key);
  const percent = JSON.parse(bundled).percent;
  assert.ok(percent > 0.2, `percent ${percent}`);

  // The publisher lists the other site: its article opens, and is read a little.
  allowOrigins(site.dir, [other.origin]);
  await page.goto(server.url + '?article=' + encodeURIComponent(other.url + 'impostor.json'));
  let state = await waitForState(page);
  assert.equal(state.error, null);
  assert.equal(state.title, 'Un autre article');
  assert.equal(state.notice ?? '', '', 'the other site\'s article must not resume the bundled position');
  await readOn(page, 3);
  const otherKey = `${key}@${other.origin}`;
  await page.waitForFunction((k) => window.localStorage.getItem(k) !== null, otherKey, { timeout: 10000 });
  assert.equal(await stored(page, key), bundled, 'the bundled article\'s position changed');

  // Both are in the library, each under its own name; forgetting the other site's keeps the bundled one.
  const library = await page.evaluate(() => window.articleViewer.library());
  const mine = library.find((e) => e.bundled && e.id === seed.id);
  const theirs = library.find((e) => e.origin === other.origin);
  assert.equal(mine.name, seed.id);
  assert.equal(mine.percent, percent);
  assert.equal(theirs.name, `${seed.id}@${other.origin}`);
  assert.equal(theirs.bundled, false);
  await page.evaluate((name) => window.articleViewer.forget(name), theirs.name);
  assert.equal(await stored(page, otherKey), null);
  assert.equal(await stored(page, key), bundled);

  // An allowed host that sends no CORS header, and one that does not answer: the error says which.
  const closed = await corsHost();
  closed.close();
  allowOrigins(site.dir, [other.origin, plain.origin, closed.origin]);
  await page.goto(server.url + '?article=' + encodeURIComponent(plain.url + 'impostor.json'));
  assert.equal((await waitForState(page)).error,
    `${plain.url}impostor.json: the host does not let other sites read this article (its answer has no CORS header)`);
  await page.goto(server.url + '?article=' + encodeURIComponent(closed.url + 'impostor.json'));
  assert.equal((await waitForState(page)).error, `${closed.url}impostor.json: network error (Failed to fetch)`);

  // Back on the bundled article: the reader's place, as it was.
  await page.goto(server.url);
  state = await waitForState(page, 'state.ready');
  assert.ok(Math.abs(state.percent - percent) < 0.01, `${state.percent} vs ${percent}`);
  assert.match(state.notice, /^Reprise à/);
  await context.close();
});
