// The single-file page (dist/article-viewer.html) opens from file:// with everything inline, and
// the reader's own article files open on it and on the served page: through "Open file…" (the
// toolbar button, Ctrl+O, the file input) and by dropping a .json file on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, waitForState, distDir, withPixels } from './harness.mjs';
import { article, seed, tempDir } from './bundle.mjs';

let browser, server, alone;
before(async () => {
  browser = await launch();
  server = await serve();
  // The single file alone in a folder of its own: it must need nothing next to it.
  alone = tempDir('av-single-');
  copyFileSync(path.join(distDir, 'article-viewer.html'), path.join(alone, 'article-viewer.html'));
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (alone) rmSync(alone, { recursive: true, force: true });
});

const pages = {
  'served page': () => server.url,
  'single-file page (file://)': () => pathToFileURL(path.join(alone, 'article-viewer.html')).href,
};

async function open(which) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss().catch(() => {}); });
  // Listening from the start: playwright starts intercepting file choosers only once something
  // listens, and a chooser opened before that would be missed.
  const choosers = [];
  page.on('filechooser', (c) => choosers.push(c));
  const nextChooser = async (action) => {
    const count = choosers.length;
    await action();
    for (let i = 0; i < 100 && choosers.length === count; i++) await page.waitForTimeout(100);
    assert.ok(choosers.length > count, 'no file chooser opened');
    return choosers[count];
  };
  await page.goto(pages[which]());
  const state = await waitForState(page);
  assert.equal(state.error, null);
  assert.equal(state.articleId, seed.id);
  return { page, context, problems, nextChooser };
}

// The left edge of the first text right of x = 400 in the toolbar: its right-hand group of buttons
// starts with "Open file…" (button backgrounds are the page colour; only labels show).
async function firstToolbarLabel(page) {
  const png = await page.screenshot({ clip: { x: 400, y: 10, width: 880, height: 24 } });
  return 400 + await withPixels(page, [png], ([{ data: d, width, height }]) => {
    for (let x = 0; x < width; x++) {
      for (let y = 0; y < height; y++) {
        const i = (y * width + x) * 4;
        if (d[i] + d[i + 1] + d[i + 2] < 3 * 128) return x;
      }
    }
    return -1;
  });
}

test('the single file is self-contained: opens from file:// with no other request', async () => {
  const size = statSync(path.join(alone, 'article-viewer.html')).size;
  assert.ok(size > 500000 && size < 8000000, `article-viewer.html is ${size} bytes`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pages['single-file page (file://)']());
  const state = await waitForState(page);
  assert.equal(state.error, null);
  assert.equal(state.articleId, seed.id);
  assert.equal(state.title, seed.title);
  assert.equal(state.fontError, null);
  assert.equal(await page.title(), seed.title);
  assert.equal(await page.evaluate(() => window.articleViewer.offline), false);  // no service worker on file://
  const others = requests.filter((u) => !u.startsWith('data:') && u !== page.url());
  assert.deepEqual(others, []);
  await context.close();
});

for (const which of Object.keys(pages)) {
  test(`${which}: the toolbar's "Open file…" opens the reader's own article`, async () => {
    const { page, context, problems, nextChooser } = await open(which);
    const x = await firstToolbarLabel(page);
    assert.ok(x > 400, 'no button label found in the toolbar');
    const chooser = await nextChooser(() => page.mouse.click(x + 12, 22));
    assert.equal(chooser.isMultiple(), false);
    await chooser.setFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(article('mine', 'Mon article')) });
    const state = await waitForState(page, "state.articleId === 'mine' || state.error");
    assert.equal(state.error, null);
    assert.equal(state.title, 'Mon article');
    assert.equal(state.source, 'file:mine.json');
    assert.equal(await page.title(), 'Mon article');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${which}: Ctrl+O and the file input open files; a broken one shows the loader's error`, async () => {
    const { page, context, problems, nextChooser } = await open(which);
    await page.locator('#canvas').focus();
    const chooser = await nextChooser(() => page.keyboard.press('Control+O'));
    await chooser.setFiles({ name: 'clavier.json', mimeType: 'application/json', buffer: Buffer.from(article('clavier', 'Au clavier')) });
    let state = await waitForState(page, "state.articleId === 'clavier' || state.error");
    assert.equal(state.error, null);

    await page.setInputFiles('#open-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "article/1", "id": "x", "title": "T", "blocks": [{"type": "heading", "level": "deux", "text": "a"}]}') });
    state = await waitForState(page, 'state.error');
    assert.equal(state.error, 'file:bad.json: /blocks/0/level: expected an integer from 2 to 4, got "deux"');
    // The same file again is a change too (the input is cleared after each choice).
    await page.setInputFiles('#open-file', { name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(article('ok', 'Réparé')) });
    state = await waitForState(page, "state.articleId === 'ok'");
    assert.equal(state.error, null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${which}: the keyboard reaches an "Open an article file…" button that shows when focused`, async () => {
    const { page, context, problems, nextChooser } = await open(which);
    const button = page.locator('#open-file-button');
    assert.ok((await button.boundingBox()).y < 0, 'the button shows without focus');
    await page.locator('#canvas').focus();
    for (let i = 0; i < 200 && await page.evaluate(() => document.activeElement.id) !== 'open-file-button'; i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'open-file-button', 'Tab never reached the button');
    const box = await button.boundingBox();
    assert.ok(box.y >= 0 && box.height > 10, `focused button at ${JSON.stringify(box)}`);
    assert.equal(await button.textContent(), 'Open an article file…');
    const chooser = await nextChooser(() => page.keyboard.press('Enter'));
    await chooser.setFiles({ name: 'tab.json', mimeType: 'application/json', buffer: Buffer.from(article('tab', 'Au clavier seul')) });
    const state = await waitForState(page, "state.articleId === 'tab' || state.error");
    assert.equal(state.error, null);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`${which}: a .json file dropped on the page opens`, async () => {
    const { page, context, problems } = await open(which);
    const shown = await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'glisse.json', { type: 'application/json' }));
      const canvas = document.getElementById('canvas');
      const fire = (type) => canvas.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      fire('dragenter');
      const accepted = !fire('dragover');  // cancelled = the page takes the drop
      const hint = getComputedStyle(document.documentElement, '::after').content;
      fire('drop');
      return { accepted, hint, after: document.documentElement.classList.contains('dropping') };
    }, article('glisse', 'Glissé-déposé'));
    assert.equal(shown.accepted, true);
    assert.match(shown.hint, /Drop the article file/);
    assert.equal(shown.after, false);
    const state = await waitForState(page, "state.articleId === 'glisse' || state.error");
    assert.equal(state.error, null);
    assert.equal(state.title, 'Glissé-déposé');
    assert.equal(state.source, 'file:glisse.json');
    // Dragging text (no files) is left to the browser.
    const textDrag = await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'bonjour');
      return document.getElementById('canvas').dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    assert.equal(textDrag, true);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('an opened file keeps its reading position, like any article', async () => {
  const { page, context, problems, nextChooser } = await open('served page');
  const bytes = Buffer.from(article('garde', 'Gardé', 60));
  const choose = async () => {
    const chooser = await nextChooser(() => page.keyboard.press('Control+O'));
    await chooser.setFiles({ name: 'garde.json', mimeType: 'application/json', buffer: bytes });
    return waitForState(page, "state.articleId === 'garde' || state.error");
  };
  await page.locator('#canvas').focus();
  assert.equal((await choose()).error, null);
  await page.evaluate(() => window.articleViewer.scrollToBlock(40));
  const saved = await waitForState(page, 'state.positionSaved && state.anchor && state.anchor.block === 40');
  // A new visit, the file chosen again: the same place.
  await page.goto(server.url);
  await waitForState(page);
  await page.locator('#canvas').focus();
  const again = await choose();
  assert.equal(again.error, null);
  assert.deepEqual(again.anchor, saved.anchor);
  assert.match(again.notice, /^Reprise à \d+/);
  assert.ok(await page.evaluate(() => window.articleViewer.library().some((e) => e.id === 'garde' && e.percent > 0)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the single-file page says which writing systems it cannot show, and still shows the rest', async () => {
  const { page, context, problems } = await open('single-file page (file://)');
  const mixed = {
    format: 'article/1.1', id: 'single-mixed', lang: 'en', title: 'Three scripts',
    blocks: [
      { type: 'paragraph', text: 'Plain English text stays readable.' },
      { type: 'paragraph', lang: 'ja', text: '東京の図書館。' },
      { type: 'paragraph', lang: 'ar', dir: 'rtl', text: 'مكتبة المدينة' },
    ],
  };
  await page.evaluate((json) => window.articleViewer.openBytes('mixed.json', new TextEncoder().encode(json)), JSON.stringify(mixed));
  const s = await waitForState(page, "state.ready && state.articleId === 'single-mixed' && state.notice !== ''");
  assert.equal(s.error, null);
  assert.match(s.textError, /single-file page/);
  assert.match(s.notice, /^This copy of the viewer cannot show: Chinese characters, Japanese kana and Arabic \(/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Reader-visible defects issue, item 5: the files a reader opened are kept in the browser.
const keptNames = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('article-viewer-files', 1);
  req.onsuccess = () => {
    const keys = req.result.transaction('sizes').objectStore('sizes').getAllKeys();
    keys.onsuccess = () => { resolve(keys.result); req.result.close(); };
    keys.onerror = () => reject(keys.error);
  };
  req.onerror = () => reject(req.error);
}));

test('an opened file is kept: a reload, the Library and an offline visit open it again; Forget drops it', async () => {
  const { page, context, problems } = await open('served page');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await page.setInputFiles('#open-file', { name: 'gardé.json', mimeType: 'application/json', buffer: Buffer.from(article('garde', 'Gardé', 60)) });
  await waitForState(page, "state.articleId === 'garde'");
  assert.equal(await page.evaluate(() => decodeURIComponent(location.search)), '?file=gardé.json');
  await page.evaluate(() => window.articleViewer.scrollToBlock(30));
  await waitForState(page, 'state.positionSaved && state.anchor.block === 30');
  await page.waitForFunction(() => window.articleViewer.library().some((e) => e.id === 'garde' && e.canOpen));
  assert.deepEqual(await keptNames(page), ['gardé.json']);

  // A reload opens it from the browser's copy, at its place.
  await page.reload();
  let s = await waitForState(page);
  assert.equal(s.error, null);
  assert.equal(s.articleId, 'garde');
  assert.deepEqual(s.anchor, { block: 30, offset: 0 });

  // Offline, from the Library: the default article, then the file's row.
  await page.evaluate(() => window.articleViewer.openDefault());
  await waitForState(page, `state.ready && state.articleId === ${JSON.stringify(seed.id)}`);
  await context.setOffline(true);
  await page.reload();
  await waitForState(page, 'state.ready');
  // The page's Library panel (the keyboard's way to the canvas's rows): the file's row has Open.
  await page.locator('#controls button', { hasText: 'Library' }).focus();
  await page.keyboard.press('Enter');
  const row = (await page.evaluate(() => window.articleViewer.library())).find((e) => e.id === 'garde');
  assert.equal(row.canOpen, true, JSON.stringify(row));
  await page.getByRole('button', { name: 'Open Gardé' }).focus();
  await page.keyboard.press('Enter');
  s = await waitForState(page, "state.articleId === 'garde' || state.error");
  assert.equal(s.error, null);
  assert.deepEqual(s.anchor, { block: 30, offset: 0 });
  await context.setOffline(false);

  // Forget: the copy goes, and the row with it; the file's URL then says the browser keeps none.
  await page.evaluate(() => window.articleViewer.forget('garde'));
  await page.waitForFunction(() => !window.articleViewer.library().some((e) => e.id === 'garde'));
  assert.deepEqual(await keptNames(page), []);
  await page.reload();
  s = await waitForState(page);
  assert.equal(s.error, 'file:gardé.json: this browser keeps no copy of this file; open it again with Open file…');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file the browser cannot keep (storage full) still opens, and the notice says it is not kept', async () => {
  const { page, context } = await open('served page');
  // The browser's storage full: every write of IndexedDB fails as a full disk does.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === 'files') throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.setInputFiles('#open-file', { name: 'lourd.json', mimeType: 'application/json', buffer: Buffer.from(article('lourd', 'Lourd', 20)) });
  await waitForState(page, "state.articleId === 'lourd'");
  await page.evaluate(() => window.articleViewer.scrollToBlock(5));  // a position, so a Library row
  const s = await waitForState(page, "state.positionSaved && state.notice !== ''");
  assert.equal(s.error, null);
  assert.equal(s.notice, "lourd.json is not kept for later: the browser's storage for this site is full; forget articles in the Library to make room");
  const row = (await page.evaluate(() => window.articleViewer.library())).find((e) => e.id === 'lourd');
  assert.equal(row?.canOpen, false);
  assert.equal(row?.note, 'This file is not kept in this browser: open it again with Open file…');
  await context.close();
});
