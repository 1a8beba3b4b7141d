// Every way a person types reaches the find bar (reader-visible defects issue, item 4): text the
// browser composes (dead keys, an IME, AltGr and Option characters, which keydown events do not
// carry) and Ctrl+V from the system clipboard, through the hidden field the page gives the
// keyboard to while the bar wants text (wasm/platform/web_input.cpp).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function openFind(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await page.keyboard.press('Control+f');
  await waitForState(page, 'state.find.open');
  // The field has the keyboard once the bar wants text.
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('text-input'));
  return { context, page };
}

// Ctrl+V as a keyboard sends it, with the editing command the browser runs for it: headless
// Chromium on Linux runs none for a bare key event (playwright's keyboard.press), so the command
// comes with the key, as the browser's own key bindings would add it; the paste itself is the
// browser's, from the system clipboard.
async function pressPaste(page) {
  const cdp = await page.context().newCDPSession(page);
  const key = { modifiers: 2, key: 'v', code: 'KeyV', windowsVirtualKeyCode: 86 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key, commands: ['paste'] });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}

const query = (page, text) => waitForState(page, `state.find.query === ${JSON.stringify(text)}`, 10000);

test('a dead key\'s letter, AltGr and Option characters arrive as the browser composes them', async () => {
  const { context, page } = await openFind();
  await page.keyboard.type('Cor');
  await page.keyboard.insertText('é');  // ´ then e: the browser's input event, no keydown of "é"
  await page.keyboard.type('e');
  let s = await query(page, 'Corée');
  assert.ok(s.find.count >= 1, JSON.stringify(s.find));
  await page.keyboard.insertText(' @œ');  // AltGr+0 on AZERTY, Option+Q on a Mac
  await query(page, 'Corée @œ');
  await context.close();
});

test('an IME\'s composition arrives once, when it is committed', async () => {
  const { context, page } = await openFind();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'かんこく', selectionStart: 4, selectionEnd: 4 });
  await settle(page);
  const during = await page.evaluate(() => window.articleViewer.state().find.query);
  assert.equal(during, '', 'nothing while composing');
  await cdp.send('Input.insertText', { text: '韓国' });
  await query(page, '韓国');
  await context.close();
});

test('Ctrl+V pastes the system clipboard; a typographic or a plain apostrophe finds l’ONU', async () => {
  const { context, page } = await openFind({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.evaluate(() => navigator.clipboard.writeText('l’ONU'));
  await pressPaste(page);
  let s = await query(page, 'l’ONU');
  assert.ok(s.find.count >= 1, JSON.stringify(s.find));
  const found = s.find.count;
  // Pasted once only (ImGui's own paste of what it copied itself would add a second).
  await page.keyboard.press('Control+a');
  await page.keyboard.type("l'ONU");
  s = await query(page, "l'ONU");
  assert.equal(s.find.count, found, 'the ASCII apostrophe finds the same places');
  await context.close();
});

test('a huge paste is cut to what a field holds and breaks nothing', async () => {
  const { context, page } = await openFind({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.evaluate(() => navigator.clipboard.writeText('x'.repeat(300_000)));
  await pressPaste(page);
  await settle(page);
  const s = await page.evaluate(() => window.articleViewer.state());
  assert.ok(s.ready && s.find.open);
  assert.ok(s.find.query.length > 0 && s.find.query.length <= 1024, `${s.find.query.length} characters`);
  await context.close();
});
