// Reading aloud (README "Read aloud"). Headless Chromium has no voices, so each page gets a
// stand-in speechSynthesis before its scripts run (addInitScript): it offers the voices a test
// declares, records every utterance (text, lang, voice, rate) and the pauses, and fires start,
// boundary and end events only when the test says so. What is checked: what is spoken and in what
// order from a position, the sponsored block skipped unless asked, the word marked (state().spoken)
// and kept in view, the reading position moving with it and a reload resuming there, pause and
// resume (the API and the canvas's toolbar), a speed change applied from the next sentence, no
// voice for the article's language (a notice, nothing spoken), and the settings remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle, withPixels } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

const french = [
  { name: 'Amélie', voiceURI: 'test:amelie', lang: 'fr-FR', default: false },
  { name: 'Thomas', voiceURI: 'test:thomas', lang: 'fr-FR', default: false },
  { name: 'Samantha', voiceURI: 'test:samantha', lang: 'en-US', default: true },
];

// Runs in the page before its scripts: the stand-in engine, kept in window.__speech.
function standIn(voices) {
  const speech = { log: [], paused: false, pauses: 0, resumes: 0, cancels: 0, current: null, queue: [] };
  window.__speech = speech;
  class Utterance {
    constructor(text) {
      Object.assign(this, { text: String(text), lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
    }
  }
  const listeners = [];
  const synth = {
    getVoices: () => voices.map((v) => ({ localService: true, ...v })),
    speak(u) {
      speech.log.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null, rate: u.rate });
      speech.queue.push(u);
      if (!speech.current) speech.current = speech.queue.shift();
    },
    pause() { speech.paused = true; speech.pauses++; },
    resume() { speech.paused = false; speech.resumes++; },
    cancel() {
      // As Chrome does: the utterance being spoken ends with an "interrupted" error.
      const u = speech.current;
      speech.current = null;
      speech.queue = [];
      speech.cancels++;
      if (u && u.onerror) u.onerror({ error: 'interrupted', utterance: u });
    },
    addEventListener: (type, f) => listeners.push([type, f]),
    removeEventListener: () => {},
    get speaking() { return Boolean(speech.current); },
    get pending() { return speech.queue.length > 0; },
  };
  // Fires an event of the utterance being spoken: 'start', 'boundary' ({charIndex, charLength}), 'end'.
  speech.fire = (type, detail = {}) => {
    const u = speech.current;
    if (!u) return false;
    if (type === 'end') speech.current = speech.queue.shift() || null;
    const handler = u['on' + type];
    if (handler) handler({ name: 'word', ...detail, utterance: u });
    return true;
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
}

async function open({ voices = french, width = 1000, height = 600, context = null } = {}) {
  context = context || await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(standIn, voices);
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  return { context, page, problems };
}

const state = (page) => page.evaluate(() => window.articleViewer.state());
const log = (page) => page.evaluate(() => window.__speech.log);
const fire = (page, type, detail) => page.evaluate(([t, d]) => window.__speech.fire(t, d), [type, detail]);
// Waits until `n` utterances have been spoken; a timeout says what was and the state.
async function spokenCount(page, n) {
  try {
    await page.waitForFunction((k) => window.__speech.log.length >= k, n, { timeout: 10000 });
  } catch (e) {
    const seen = await page.evaluate(() => [window.__speech.log, window.articleViewer.state()]).catch(String);
    e.message += `\nwaiting for ${n} utterances; spoken and state: ${JSON.stringify(seen)}`;
    throw e;
  }
}
// The text of article block `i` (runs joined), as the page's API gives it.
const blockText = (page, i) => page.evaluate((k) => {
  const b = window.articleViewer.articleBlocks(k, 1)[0];
  const runs = (x) => (typeof x === 'string' ? x : (x || []).map((r) => (typeof r === 'string' ? r : r.text)).join(''));
  return { type: b.type, text: runs(b.text), title: runs(b.title) };
}, i);

// Starts from block `index`, at its first line.
async function listenFrom(page, index) {
  await page.evaluate((i) => window.articleViewer.scrollToBlock(i), index);
  await settle(page);
  const before = (await log(page)).length;
  await page.evaluate(() => window.articleViewer.listen());
  await spokenCount(page, before + 1);
  return waitForState(page, 'state.listening');
}

// Speaks on (start, end, ...) until an utterance of another block than `block` starts; returns
// the texts spoken of `block` from the current utterance on, and that next utterance.
async function finishBlock(page, block) {
  const texts = [];
  for (let i = 0; i < 60; i++) {
    const all = await log(page);
    const u = all.at(-1);
    await fire(page, 'start');
    const s = await waitForState(page, `state.spoken && state.spoken.text === ${JSON.stringify(u.text)}`, 10000);
    if (s.spoken.block !== block) return { texts, next: { text: u.text, block: s.spoken.block } };
    texts.push(u.text);
    await fire(page, 'end');
    await spokenCount(page, all.length + 1);
  }
  throw new Error(`block ${block} never ended`);
}

test('from a position: that paragraph sentence by sentence in a French voice, then the next block; sponsored skipped unless asked', async () => {
  const { context, page, problems } = await open();
  let s = await listenFrom(page, 9);
  const first = (await log(page))[0];
  const p9 = await blockText(page, 9);
  assert.equal(p9.type, 'paragraph');
  assert.ok(p9.text.startsWith(first.text), `${first.text} / ${p9.text}`);
  assert.ok(/[.!?]$/.test(first.text) && first.text.length < p9.text.length, 'a sentence, not the whole block');
  assert.equal(first.lang, 'fr');
  assert.equal(first.voice, 'Amélie', 'the first French voice (none is the default)');
  assert.equal(first.rate, 1);
  const { texts, next } = await finishBlock(page, 9);
  assert.equal(texts.join(' '), p9.text.trim(), 'every sentence of the paragraph, in order');
  assert.equal(next.block, 10);
  assert.ok((await blockText(page, 10)).text.startsWith(next.text));

  // From paragraph p3 (block 3): the sponsored block (4) is not read; the heading (5) comes next.
  await page.evaluate(() => window.articleViewer.stopListening());
  s = await waitForState(page, '!state.listening && state.spoken === null');
  await listenFrom(page, 3);
  let after3 = await finishBlock(page, 3);
  assert.equal(after3.next.block, 5);
  assert.equal(after3.next.text, (await blockText(page, 5)).text);
  // Asked for: the sponsored block's title is read after p3.
  await page.evaluate(() => window.articleViewer.stopListening());
  await page.evaluate(() => window.articleViewer.setSettings({ readSponsored: true }));
  await listenFrom(page, 3);
  after3 = await finishBlock(page, 3);
  assert.equal(after3.next.block, 4);
  assert.ok((await blockText(page, 4)).title.startsWith(after3.next.text));
  const spoken = (await log(page)).map((u) => u.text);
  assert.ok(!spoken.some((t) => t.startsWith('Sponsoris')), 'the label is never read');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the word read is marked, the view follows it, the reading position moves with it, and a reload resumes there', async () => {
  const { context, page, problems } = await open({ width: 900, height: 420 });
  await listenFrom(page, 12);
  const view = (await state(page)).view;
  let scrolled = false;
  let lastWord = null;
  for (let i = 0; i < 12 && !scrolled; i++) {
    const u = (await log(page)).at(-1);
    const before = await state(page);
    await fire(page, 'start');
    // The last word of the sentence: its UTF-16 index and length, as a browser gives them.
    const word = u.text.replace(/[.!?…»\s]+$/u, '').split(/\s+/).at(-1).replace(/^[«(“]/u, '');
    const index = u.text.lastIndexOf(word);
    await fire(page, 'boundary', { name: 'word', charIndex: index, charLength: word.length });
    const s = await waitForState(page, `state.spoken && state.spoken.text === ${JSON.stringify(word)}`, 10000);
    await settle(page);
    const now = await state(page);
    // Marked, in view, and the reading position.
    assert.ok(now.spoken.top >= view.top - 1 && now.spoken.top + now.spoken.height <= view.top + view.height + 1,
      `the word "${word}" is out of view: ${JSON.stringify(now.spoken)} in ${JSON.stringify(view)}`);
    assert.deepEqual(now.anchor, { block: s.spoken.block, offset: s.spoken.begin });
    if (now.scrollY > before.scrollY) scrolled = true;
    lastWord = now.spoken;
    await fire(page, 'end');
    await spokenCount(page, (await log(page)).length);
  }
  assert.ok(scrolled, 'the view never followed the words down');
  // The position is saved where the word was, and a reload resumes there: Listen reads the
  // sentence that holds it.
  await page.evaluate(() => window.articleViewer.stopListening());
  await waitForState(page, `state.positionSaved && state.anchor.block === ${lastWord.block} && state.anchor.offset === ${lastWord.begin}`, 10000);
  await page.reload();
  const resumed = await waitForState(page, 'state.ready');
  assert.deepEqual(resumed.anchor, { block: lastWord.block, offset: lastWord.begin });
  await page.evaluate(() => window.articleViewer.listen());
  await spokenCount(page, 1);
  const again = (await log(page))[0];
  assert.ok(again.text.includes(lastWord.text), `"${again.text}" does not hold "${lastWord.text}"`);
  assert.deepEqual(problems, []);
  await context.close();
});

// Pixels of the spoken words' line on the canvas in the mark's colour (ui/theme.cpp spoken_mark).
async function markPixels(page, rgb) {
  const s = await state(page);
  const box = s.spoken || { top: s.view.top + 100, height: 30 };
  const png = await page.screenshot({ clip: { x: s.column.x, y: box.top, width: s.column.width, height: Math.max(box.height, 1) } });
  return withPixels(page, [png], ([{ data: d }], c) => {
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - c[0]) <= 3 && Math.abs(d[i + 1] - c[1]) <= 3 && Math.abs(d[i + 2] - c[2]) <= 3) n++;
    }
    return n;
  }, rgb);
}

test('the word is marked on the canvas in its own colour, in the light and the dark theme; Stop removes it', async () => {
  const { context, page } = await open();
  await listenFrom(page, 1);
  const u = (await log(page)).at(-1);
  assert.ok(u.text.startsWith('La Corée'), u.text);
  await fire(page, 'start');
  await fire(page, 'boundary', { name: 'word', charIndex: 3, charLength: 5 });
  await waitForState(page, 'state.spoken && state.spoken.text === "Corée"');
  await page.evaluate(() => window.articleViewer.setTheme('light'));
  await settle(page);
  const light = await markPixels(page, [196, 238, 204]);
  assert.ok(light > 100, `${light} pixels of the mark in the light theme`);
  await page.evaluate(() => window.articleViewer.setTheme('dark'));
  await settle(page);
  const dark = await markPixels(page, [14, 58, 36]);
  assert.ok(dark > 100, `${dark} pixels of the mark in the dark theme`);
  const line = await state(page);
  await page.evaluate(() => window.articleViewer.stopListening());
  await waitForState(page, 'state.spoken === null');
  await settle(page);
  const png = await page.screenshot({ clip: { x: line.column.x, y: line.spoken.top, width: line.column.width, height: line.spoken.height } });
  const after = await withPixels(page, [png], ([{ data: d }]) => {
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 14) <= 3 && Math.abs(d[i + 1] - 58) <= 3 && Math.abs(d[i + 2] - 36) <= 3) n++;
    return n;
  });
  assert.equal(after, 0, 'the mark stays after Stop');
  await context.close();
});

test('scrolling by hand while it speaks: reading goes on, the view stops following until the next sentence', async () => {
  const { context, page } = await open({ width: 900, height: 420 });
  await listenFrom(page, 1);
  await fire(page, 'start');
  await settle(page);
  await page.mouse.move(450, 250);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 120);
  await settle(page);
  let s = await state(page);
  assert.equal(s.listening, true);
  assert.equal(s.listenFollowing, false);
  const away = s.scrollY;
  assert.notEqual(s.anchor.block, s.spoken.block, 'the reading position is the reader\'s');
  // A word of the same sentence: marked, but the view stays where the reader put it.
  const u = (await log(page)).at(-1);
  await fire(page, 'boundary', { name: 'word', charIndex: 0, charLength: u.text.indexOf(' ') });
  await settle(page);
  s = await state(page);
  assert.equal(s.scrollY, away);
  // The next sentence: followed again.
  await fire(page, 'end');
  await spokenCount(page, 2);
  await fire(page, 'start');
  await settle(page);
  s = await state(page);
  assert.equal(s.listenFollowing, true);
  assert.ok(s.spoken.top >= s.view.top - 1 && s.spoken.top < s.view.top + s.view.height, JSON.stringify(s.spoken));
  assert.deepEqual(s.anchor, { block: s.spoken.block, offset: s.spoken.begin });
  await context.close();
});

test('pause and resume (the API and the canvas\'s toolbar); a new speed from the next sentence', async () => {
  const { context, page } = await open({ width: 1280, height: 700 });
  await listenFrom(page, 1);
  await fire(page, 'start');
  let s = await waitForState(page, 'state.toolbar.buttons && state.toolbar.buttons.Pause');
  assert.ok(s.toolbar.buttons.Stop);
  await page.evaluate(() => window.articleViewer.pauseListening());
  s = await waitForState(page, 'state.listenPaused');
  assert.equal(await page.evaluate(() => window.__speech.paused), true);
  await settle(page);
  s = await state(page);
  // The canvas's button now says Resume; pressing it resumes.
  const r = s.toolbar.buttons.Resume;
  assert.ok(r, JSON.stringify(s.toolbar));
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await waitForState(page, 'state.listening && !state.listenPaused');
  assert.equal(await page.evaluate(() => window.__speech.paused), false);
  await settle(page);
  s = await state(page);
  await page.mouse.click(s.toolbar.buttons.Pause[0] + 5, s.toolbar.buttons.Pause[1] + 5);
  await waitForState(page, 'state.listenPaused');
  await page.evaluate(() => window.articleViewer.listen());
  await waitForState(page, '!state.listenPaused');
  assert.deepEqual(await page.evaluate(() => [window.__speech.pauses, window.__speech.resumes]), [2, 2]);
  // Faster while a sentence is spoken: the next one has the new rate.
  await page.evaluate(() => window.articleViewer.setSettings({ speechRate: 1.5 }));
  await fire(page, 'end');
  await spokenCount(page, 2);
  const [one, two] = await log(page);
  assert.equal(one.rate, 1);
  assert.equal(two.rate, 1.5);
  // Stop: the mark goes, nothing more is asked for.
  await page.evaluate(() => window.articleViewer.stopListening());
  s = await waitForState(page, '!state.listening');
  assert.equal(s.spoken, null);
  assert.equal(await page.evaluate(() => window.__speech.cancels >= 1), true);
  await fire(page, 'end');
  await page.waitForTimeout(200);
  assert.equal((await log(page)).length, 2);
  await context.close();
});

test('no voice for the article\'s language: a notice says so and nothing is spoken', async () => {
  const { context, page, problems } = await open({ voices: [{ name: 'Samantha', voiceURI: 'test:samantha', lang: 'en-US', default: true }] });
  await page.evaluate(() => window.articleViewer.listen());
  const s = await waitForState(page, 'state.notice.startsWith("No voice")', 10000);
  assert.match(s.notice, /^No voice for French \(fr\) in this browser/);
  assert.equal(s.listening, false);
  assert.deepEqual(await log(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Listen where nothing that is read follows (the last callout): a notice, nothing spoken', async () => {
  const { context, page } = await open();
  const blocks = (await state(page)).blocks;
  await page.evaluate((i) => window.articleViewer.scrollToBlock(i), blocks - 1);
  await settle(page);
  await page.evaluate(() => window.articleViewer.listen());
  const s = await waitForState(page, 'state.notice.startsWith("Nothing is read aloud")', 10000);
  assert.equal(s.listening, false);
  assert.deepEqual(await log(page), []);
  await context.close();
});

test('speed, voice and sponsored blocks are remembered; the chosen voice speaks; bad values are refused', async () => {
  const { context, page } = await open();
  await assert.rejects(page.evaluate(() => window.articleViewer.setSettings({ speechRate: 3 })), /RangeError: speechRate must be a number from 0.75 to 2/);
  await assert.rejects(page.evaluate(() => window.articleViewer.setSettings({ voice: 42 })), /RangeError: voice must be a string/);
  await page.evaluate(() => window.articleViewer.setSettings({ speechRate: 1.25, voice: 'test:thomas', readSponsored: true }));
  await page.reload();
  await waitForState(page, 'state.ready');
  const settings = await page.evaluate(() => window.articleViewer.settings());
  assert.equal(settings.speechRate, 1.25);
  assert.equal(settings.voice, 'test:thomas');
  assert.equal(settings.readSponsored, true);
  // The page's settings show the choice among the browser's voices.
  await page.focus('#controls button[aria-label="Settings"]');
  await page.click('#controls button[aria-label="Settings"]');
  assert.equal(await page.inputValue('#listen-voice'), 'test:thomas');
  assert.ok(await page.isVisible('#settings-panel [data-key="readSponsored:true"][aria-pressed="true"]'));
  // The page's Listen button reads with that voice, at that speed.
  assert.equal(await page.isHidden('#listen-button'), false);
  await page.click('#listen-button');
  await spokenCount(page, 1);
  const [u] = await log(page);
  assert.equal(u.voice, 'Thomas');
  assert.equal(u.rate, 1.25);
  await waitForState(page, 'state.listening');
  assert.equal(await page.textContent('#listen-button'), 'Pause');
  // Choosing the default voice again in the page's settings.
  await page.selectOption('#listen-voice', '');
  assert.equal((await page.evaluate(() => window.articleViewer.settings())).voice, '');
  // The canvas's panel: Faster and "Skip sponsored" change the same settings.
  await page.evaluate(() => window.articleViewer.stopListening());
  await page.keyboard.press('Escape');
  await page.focus('#canvas');  // the page's bar, shown over the canvas's toolbar while focused, goes
  await settle(page);
  let s = await state(page);
  const aa = s.toolbar.buttons['Settings…'];
  await page.mouse.click(aa[0] + aa[2] / 2, aa[1] + aa[3] / 2);
  s = await waitForState(page, 'state.settingsPanel.open && state.settingsPanel.items["speechRate:faster"]');
  await settle(page);
  s = await state(page);
  for (const key of ['speechRate:faster', 'readSponsored:false']) {
    const r = s.settingsPanel.items[key];
    await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
    await settle(page);
  }
  const after = await page.evaluate(() => window.articleViewer.settings());
  assert.equal(after.speechRate, 1.5);
  assert.equal(after.readSponsored, false);
  await context.close();
});

test('listen.js arriving after the program has started: Listen still appears and reads', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 } });
  const page = await context.newPage();
  await page.addInitScript(standIn, french);
  // Held until the program is running (the article drawn), then let through.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/listen(\.[0-9a-f]+)?\.js$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url, { waitUntil: 'commit' });
  const early = await waitForState(page, 'state.ready');
  assert.equal(early.canListen, false, 'no speech before listen.js');
  release();
  await waitForState(page, 'state.canListen && state.toolbar.buttons && state.toolbar.buttons.Listen');
  await page.evaluate(() => window.articleViewer.listen());
  await spokenCount(page, 1);
  assert.equal((await log(page))[0].voice, 'Amélie');
  await context.close();
});
