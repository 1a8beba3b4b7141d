// Justified text's hyphenation on the web (README "Hyphenation"): the dictionaries are fetched only
// once justification is on, only for the languages the article uses (its lang, its blocks' and
// runs'), once each, into the text module; a language with no dictionary is justified without
// hyphens; a failed fetch is said once and justification still works. The state lists the
// languages whose dictionaries are loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, waitForState } from './harness.mjs';

const mixed = JSON.stringify({
  format: 'article/1.1', id: 'mixed-languages', lang: 'en-GB', title: 'Hyphenation in several languages',
  blocks: [
    { type: 'paragraph', text: 'Typographically, justification without hyphenation leaves rivers of white space. '.repeat(4) },
    { type: 'paragraph', lang: 'de-AT', text: 'Silbentrennung und Rechtschreibung gehören zusammen. '.repeat(4) },
    { type: 'paragraph', text: [
      { text: 'A quotation: ' },
      { text: 'anticonstitutionnellement, extraordinairement', lang: 'fr-CA' },
      { text: ' and a language without a dictionary: ' },
      { text: 'tlhIngan Hol jatlhlaHbe’', lang: 'tlh' },
    ] },
  ],
});
const site = servedSite({ 'mixed.json': mixed });

const hyphenRequests = (page) => {
  const seen = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.includes('/hyphen/') || p.includes('/text/')) seen.push(p);
  });
  return seen;
};

test('the French seed fetches nothing for hyphenation until justification is on, then French once', async () => {
  const context = await site.browser.newContext({ viewport: { width: 420, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = hyphenRequests(page);
  await page.goto(site.url);
  let state = await waitForState(page, 'state.ready');
  await page.waitForTimeout(300);
  assert.equal(state.justify, false);
  assert.deepEqual(state.hyphenation, []);
  assert.deepEqual(requests, [], 'nothing of hyphenation on a visit with the defaults');

  await page.evaluate(() => window.articleViewer.setSettings({ justify: true }));
  state = await waitForState(page, 'state.hyphenation.includes("fr")', 30000);
  assert.equal(state.justify, true);
  assert.deepEqual(state.hyphenation, ['fr']);
  assert.equal(state.error, null);
  const dictionaries = requests.filter((p) => p.includes('/hyphen/'));
  assert.equal(dictionaries.length, 1, JSON.stringify(requests));
  // By its content-hashed name: cached for good by the service worker and hosts.
  assert.match(dictionaries[0], /\/hyphen\/hyph_fr\.[0-9a-f]{8,}\.dic$/);
  assert.ok(requests.some((p) => /\/text\/article-viewer-text\.[0-9a-f]+\.wasm$/.test(p)), JSON.stringify(requests));

  // Off and on again: nothing is fetched twice.
  await page.evaluate(() => window.articleViewer.setSettings({ justify: false }));
  await waitForState(page, '!state.justify');
  await page.evaluate(() => window.articleViewer.setSettings({ justify: true }));
  await waitForState(page, 'state.justify && state.ready');
  await page.waitForTimeout(300);
  assert.equal(requests.filter((p) => p.includes('/hyphen/')).length, 1);
  assert.equal((await waitForState(page)).notice.includes('yphenation'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an article in several languages fetches the dictionary of each that has one', async () => {
  const context = await site.browser.newContext({ viewport: { width: 420, height: 800 } });
  const page = await context.newPage();
  const requests = hyphenRequests(page);
  await page.goto(site.url + '?article=mixed.json');
  await waitForState(page, 'state.ready');
  await page.evaluate(() => window.articleViewer.setSettings({ justify: true }));
  const state = await waitForState(page, 'state.hyphenation.length === 3', 30000);
  // en-GB -> en_US, de-AT -> de_DE, fr-CA -> fr; Klingon has none and is justified without hyphens.
  assert.deepEqual([...state.hyphenation].sort(), ['de-at', 'en-gb', 'fr-ca']);
  const names = requests.filter((p) => p.includes('/hyphen/')).map((p) => p.split('/').pop().split('.')[0]).sort();
  assert.deepEqual(names, ['hyph_de_DE', 'hyph_en_US', 'hyph_fr']);
  assert.equal(state.notice, '');
  await context.close();
});

test('a dictionary that cannot be fetched is said once; the text is still justified', async () => {
  // No service worker: its fetches would not pass through page.route.
  const context = await site.browser.newContext({ viewport: { width: 420, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route('**/hyphen/**', (route) => route.abort());
  await page.goto(site.url);
  await waitForState(page, 'state.ready');
  await page.evaluate(() => window.articleViewer.setSettings({ justify: true }));
  const state = await waitForState(page, 'state.notice.includes("sans césure")', 30000);
  assert.equal(state.justify, true);
  assert.deepEqual(state.hyphenation, []);
  assert.ok(state.ready);
  assert.match(state.notice, /hyph_fr\.[0-9a-f]+\.dic/);
  assert.ok(warnings.some((w) => w.includes('hyphenation') && w.includes('hyph_fr')), JSON.stringify(warnings));
  await context.close();
});
