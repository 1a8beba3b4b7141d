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
// A French paragraph with one emoji takes the text engine's path (docs/text-pipeline.md, "Two
// paths"); justified, it is hyphenated as the one without (docs/text-pipeline.md, "Hyphenation on
// the rich path").
const sentence = 'Les négociations internationales particulièrement importantes concernent les gouvernements européens. ';
const emoji = JSON.stringify({
  format: 'article/1', id: 'emoji-fr', lang: 'fr', title: 'Un émoji',
  blocks: [{ type: 'paragraph', text: sentence.repeat(3) + '\u{1F600}' }, { type: 'paragraph', text: sentence.repeat(3) }],
});
const site = servedSite({ 'mixed.json': mixed, 'emoji.json': emoji });

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

test('a French paragraph with an emoji (the text engine\'s path) is hyphenated too, the hyphen not in its text', async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.url + '?article=emoji.json');
  await waitForState(page, 'state.ready && state.textEngine === "ready"', 30000);
  await page.evaluate(() => window.articleViewer.setSettings({ justify: true }));
  await waitForState(page, 'state.ready && state.hyphenation.includes("fr")', 30000);
  // The layout as last drawn: the one with the dictionary may be a frame or two behind the state.
  await page.waitForFunction(() => {
    const text = window.articleViewer.layoutDigest(true);
    return text.slice(text.indexOf('\nblock 0 '), text.indexOf('\nblock 1 ')).includes(' hyphen');
  }, null, { timeout: 30000, polling: 100 });
  // The layout as the desktop's --layout --dump writes it: lines, then their spans.
  const blocks = {};
  let block = null;
  let line = null;
  for (const row of (await page.evaluate(() => window.articleViewer.layoutDigest(true))).split('\n')) {
    if (row.startsWith('block ')) blocks[block = row.split(' ')[1]] = [];
    else if (row.startsWith(' line ')) blocks[block].push(line = { row, spans: [] });
    else if (row.startsWith('  span ')) line.spans.push(row);
  }
  const rich = blocks['0'];
  assert.ok(rich.length > 3, JSON.stringify(blocks));
  assert.ok(rich.every((l) => l.row.includes(' visual')), 'the paragraph with the emoji is laid out by the engine');
  const cut = rich.filter((l) => l.spans.some((s) => s.endsWith(' hyphen') || / hyphen /.test(s)));
  assert.ok(cut.length > 0, JSON.stringify(rich));
  for (const l of cut) {
    assert.ok(l.row.includes(' justified'));
    // The hyphen is on the line's last span, and not a character of its text.
    const last = l.spans[l.spans.length - 1];
    assert.match(last, / hyphen/);
    assert.doesNotMatch(last, /-" /);
  }
  assert.ok(blocks['1'].every((l) => !l.row.includes(' visual')));
  assert.ok(blocks['1'].some((l) => l.spans.some((s) => / hyphen/.test(s))), 'the same text without the emoji is cut too');
  assert.deepEqual(errors, []);
  await context.close();
});
