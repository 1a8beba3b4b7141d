// Reading aloud with a real speech engine (README "Read aloud", "Tried"): Chromium's speech
// synthesis on Linux goes through speech-dispatcher (--enable-speech-dispatcher), which speaks with
// espeak-ng's voices (Debian's speech-dispatcher, speech-dispatcher-espeak-ng and espeak-ng,
// installed by tests/bootstrap.sh). There is no sound card here: the browser's speech-dispatcher
// runs with a private configuration that plays into ALSA's null device, so utterances are really
// synthesised, start and end in real time, and nothing is heard. listen.test.mjs drives a stand-in
// engine for what a test must control (boundaries, timing); this one checks what only a real
// engine shows: its voices as the page lists them, a French voice chosen for the French seed, and
// sentences read one after the other with the mark and the reading position following them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, launch, waitForState } from './harness.mjs';

let server, browser, home;
before(async () => {
  // speech-dispatcher reads its configuration from XDG_CONFIG_HOME and puts its socket in
  // XDG_RUNTIME_DIR: a folder of this test's keeps it apart from any other one on the machine.
  home = mkdtempSync(path.join(tmpdir(), 'av-speech-'));
  mkdirSync(path.join(home, 'config', 'speech-dispatcher'), { recursive: true });
  mkdirSync(path.join(home, 'runtime'), { mode: 0o700 });
  writeFileSync(path.join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  writeFileSync(path.join(home, 'config', 'speech-dispatcher', 'speechd.conf'), [
    'AudioOutputMethod "alsa"',  // into ALSA's default device: the null one above
    'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
    'DefaultModule espeak-ng',
    'Timeout 5',  // the server leaves 5 s after its last client
    '',
  ].join('\n'));
  server = await serve();
  browser = await launch({
    args: ['--enable-speech-dispatcher'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_RUNTIME_DIR: path.join(home, 'runtime'),
      XDG_CACHE_HOME: path.join(home, 'cache') },
  });
});
after(async () => {
  await browser?.close();
  server?.stop();
  // The server this test's browser started, if it has not left yet.
  try { execFileSync('pkill', ['-f', `speech-dispatcher.*${path.basename(home)}`]); } catch { /* none left */ }
  if (home) rmSync(home, { recursive: true, force: true });
});

test('espeak-ng through speech-dispatcher: its French voice reads the seed sentence by sentence, the mark and the position follow', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  // The engine's list comes late in Chrome (voiceschanged): the page's voices() follows it.
  await page.waitForFunction(() => window.articleViewer.voices().some((v) => /^fr\b/i.test(v.lang)), null, { timeout: 20000 });
  const voices = await page.evaluate(() => window.articleViewer.voices());
  assert.ok(voices.length > 20, `${voices.length} voices`);
  assert.ok(voices.every((v) => /espeak-ng/.test(v.name)), JSON.stringify(voices.slice(0, 3)));
  const s0 = await page.evaluate(() => window.articleViewer.state());
  assert.equal(s0.canListen, true);
  // From the first paragraph (block 1 of the seed; block 0 is its related link).
  await page.evaluate(() => window.articleViewer.scrollToBlock(1));
  await page.evaluate(() => window.articleViewer.listen());
  // The engine's start event marks the first sentence (espeak-ng sends no word boundaries to Chrome).
  const first = await waitForState(page, 'state.listening && state.spoken', 30000);
  assert.equal(first.spoken.block, 1);
  assert.equal(first.spoken.begin, 0);
  assert.ok(first.spoken.text.startsWith('La Corée du Nord'), first.spoken.text);
  // The engine ends it in real time and the next sentence starts: the mark moves on, in order.
  const second = await waitForState(page, `state.spoken && (state.spoken.block > 1 || state.spoken.begin > ${first.spoken.begin})`, 60000);
  assert.equal(second.spoken.block, 1);
  assert.ok(second.spoken.begin >= first.spoken.end, `${JSON.stringify(first.spoken)} then ${JSON.stringify(second.spoken)}`);
  assert.equal(second.listening, true);
  // The reading position is the sentence being read (it settles a moment after the mark moves).
  await waitForState(page, `state.anchor && state.anchor.block === ${second.spoken.block} && state.anchor.offset === ${second.spoken.begin}`, 10000);
  // Stop: nothing marked, nothing speaking any more.
  await page.evaluate(() => window.articleViewer.stopListening());
  const stopped = await waitForState(page, '!state.listening');
  assert.equal(stopped.spoken, null);
  assert.equal(await page.evaluate(() => speechSynthesis.speaking), false);
  assert.deepEqual(problems, []);
  await context.close();
});
