// Highlights and notes (issue 19; README "Highlights"): made through every input path (a mouse drag
// and the bar by the selection, a selection in the accessible copy and H, the page's "Highlight
// selection" button, the API), at 320 and 1280 px, with text size changes between: the same words
// stay highlighted (their quote, and the rectangles drawn, in the highlight's colour, scaling with
// the text). Kept across a reload; found again in an edited article (a deleted passage's listed as
// lost with its quote); exported and imported back; storage full and a corrupt record said
// clearly; two tabs never overwrite each other's newer edits; the copy's <mark> elements and both
// panels reachable and announced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, waitForState, settle, withPixels, siteWith, distDir, clickToolbarButton } from './harness.mjs';

let server, browser, site, seedPath, seed;
before(async () => {
  const index = JSON.parse(readFileSync(path.join(distDir, 'articles', 'index.json'), 'utf8'));
  seedPath = index.articles.find((a) => a.id === index.default).path;
  seed = JSON.parse(readFileSync(path.join(distDir, 'articles', seedPath), 'utf8'));
  // A copy of the seed under another name, which a test edits between two visits.
  site = siteWith({ 'articles/edit-me.json': JSON.stringify(seed) });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); site?.remove(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());
const highlights = (page) => page.evaluate(() => window.articleViewer.highlights());
// The tints of the light theme (wasm/ui/highlight_colors.cpp), as drawn at a device pixel ratio of 1.
const TINTS = { yellow: [255, 240, 150], green: [196, 238, 184], blue: [178, 230, 240], pink: [255, 204, 224] };

async function open(width, { url = server.url, context = null } = {}) {
  const ctx = context || await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await waitForState(page, 'state.ready');
  await page.evaluate(() => window.articleViewer.setTheme('light'));
  await settle(page);
  return { ctx, page, errors };
}

const mirrorBuilt = (page) => page.waitForFunction(() => document.getElementById('mirror').getAttribute('aria-busy') === 'false');

// The share of each drawn rectangle's pixels in the highlight's tint (the rest is the text's ink).
async function tinted(page, id, color) {
  const rects = (await state(page)).highlights.rects[id];
  assert.ok(rects && rects.length, `highlight ${id} is not drawn: ${JSON.stringify((await state(page)).highlights.rects)}`);
  const png = await page.screenshot();
  return withPixels(page, [png], ([{ data, width }], [boxes, tint]) => boxes.map(([x, y, w, h]) => {
    let n = 0, match = 0;
    for (let py = Math.ceil(y + 1); py < y + h - 1; py++) {
      for (let px = Math.ceil(x + 1); px < x + w - 1; px++) {
        const i = (py * width + px) * 4;
        n++;
        if (Math.abs(data[i] - tint[0]) <= 4 && Math.abs(data[i + 1] - tint[1]) <= 4 && Math.abs(data[i + 2] - tint[2]) <= 4) match++;
      }
    }
    return n ? match / n : 0;
  }), [rects, TINTS[color]]).then((shares) => ({ shares, rects }));
}

// Puts highlight `id` in view and measures it: its rectangles' total width, and how much of them
// is drawn in its tint.
async function measure(page, h) {
  await page.evaluate((id) => window.articleViewer.goToHighlight(id), h.id);
  await settle(page);
  const { shares, rects } = await tinted(page, h.id, h.color);
  for (const share of shares) assert.ok(share > 0.3, `${h.id} "${h.quote}": only ${share} of a rectangle in ${h.color}, ${JSON.stringify(rects)}`);
  return rects.reduce((sum, r) => sum + r[2], 0);
}

for (const width of [1280, 320]) {
  test(`${width} px: every input path highlights the selected words, which stay highlighted at the other width and other text sizes`, async () => {
    const { ctx, page, errors } = await open(width);
    const made = [];  // [highlight, how]
    const newest = async (how) => {
      const list = await highlights(page);
      const h = list.find((x) => !made.some(([m]) => m.id === x.id));
      assert.ok(h, `${how}: no new highlight in ${JSON.stringify(list)}`);
      made.push([h, how]);
      return h;
    };

    // 1. A mouse drag over the first words of a paragraph, then the bar's green.
    await page.evaluate(() => window.articleViewer.scrollToBlock(1));
    await settle(page);
    let s = await state(page);
    const y = s.view.top + 15;
    await page.mouse.move(s.column.x + 1, y);
    await page.mouse.down();
    await page.mouse.move(s.column.x + Math.min(s.column.width - 4, 200), y, { steps: 6 });
    await page.mouse.up();
    await settle(page);
    s = await state(page);
    const dragged = s.selection;
    assert.ok(dragged.length >= 5, `drag selected ${JSON.stringify(dragged)}`);
    assert.ok(s.highlights.bar.shown, 'the bar did not show by the selection');
    const [bx, by, bw, bh] = s.highlights.bar.items['color:green'];
    await page.mouse.click(bx + bw / 2, by + bh / 2);
    await settle(page);
    const byMouse = await newest('mouse and bar');
    assert.equal(byMouse.color, 'green');
    assert.equal(byMouse.quote, dragged);
    assert.equal((await state(page)).selection, '', 'the selection stays after highlighting');

    // 2. A selection in the accessible copy (as a screen reader or caret browsing makes it), then H.
    await mirrorBuilt(page);
    const selected = await page.evaluate(() => {
      const p = document.querySelector('#mirror p[data-block="3"]') || document.querySelector('#mirror p[data-block]');
      const text = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.length > 40);
      p.focus();
      window.getSelection().setBaseAndExtent(text, 10, text, 38);
      return { block: Number(p.dataset.block), text: window.getSelection().toString() };
    });
    await page.keyboard.press('h');
    await settle(page);
    const byKeys = await newest('copy selection and H');
    assert.equal(byKeys.block, selected.block);
    assert.equal(byKeys.quote, selected.text);

    // 3. A double-clicked word on the canvas, then the page's "Highlight selection" from the keyboard.
    await page.evaluate(() => window.articleViewer.scrollToBlock(5));
    await settle(page);
    s = await state(page);
    await page.mouse.dblclick(s.column.x + 8, s.view.top + 15);
    await settle(page);
    const word = (await state(page)).selection;
    assert.ok(word.length > 0, 'the double-click selected nothing');
    await page.getByRole('button', { name: 'Highlight selection' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#canvas').focus();  // the controls' bar goes out of sight again
    await settle(page);
    const byButton = await newest('page button');
    assert.equal(byButton.quote, word);

    // 4. The API.
    const id = await page.evaluate(() => window.articleViewer.addHighlight({ block: 7, start: 3, end: 40, color: 'pink', note: 'by the API' }));
    const byApi = await newest('API');
    assert.equal(byApi.id, id);
    assert.equal(byApi.note, 'by the API');

    // Drawn in their colours, then the same words at the other width and two other text sizes:
    // the quote unchanged, and the rectangles' width following the text size.
    const widths = {};
    for (const [h] of made) widths[h.id] = [await measure(page, h)];
    const other = width === 1280 ? 320 : 1280;
    for (const [w, size] of [[other, 30], [width, 14]]) {
      await page.setViewportSize({ width: w, height: 800 });
      await page.evaluate((px) => window.articleViewer.setFontSize(px), size);
      await settle(page);
      const now = await highlights(page);
      for (const [h, how] of made) {
        const again = now.find((x) => x.id === h.id);
        assert.deepEqual([again.block, again.start, again.end, again.quote, again.lost], [h.block, h.start, h.end, h.quote, false], how);
        widths[h.id].push(await measure(page, h));
      }
    }
    for (const [h, how] of made) {
      const [at20, at30, at14] = widths[h.id];
      assert.ok(Math.abs(at30 / at20 - 1.5) < 0.2, `${how}: ${at20} px wide at 20 px, ${at30} at 30`);
      assert.ok(Math.abs(at14 / at20 - 0.7) < 0.12, `${how}: ${at20} px wide at 20 px, ${at14} at 14`);
    }
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('highlights are kept across a reload, and the API refuses bad input clearly', async () => {
  const { ctx, page } = await open(1000);
  const refused = await page.evaluate(() => {
    const v = window.articleViewer;
    const tries = [null, { block: 'x', start: 0, end: 3 }, { block: 1, start: -1, end: 3 }, { block: 1, start: 9, end: 3 },
      { block: 99999, start: 0, end: 3 }, { block: 1, start: 0, end: 3, color: 'red' }, { block: 1, start: 0, end: 3, note: 5 },
      { block: 1, start: 0, end: 3, note: 'x'.repeat(10001) }, { block: 1, start: 0, end: 1e7 }];
    return tries.map((t) => { try { v.addHighlight(t); return 'added'; } catch (e) { return e.name + ': ' + e.message; } });
  });
  assert.equal(refused.filter((r) => r === 'added').length, 0, refused.join('\n'));
  assert.match(refused[0], /^TypeError/);
  assert.match(refused[1], /^TypeError: block/);
  assert.match(refused[3], /^RangeError: .*empty/);
  assert.match(refused[4], /^RangeError: .*block/);
  assert.match(refused[5], /^RangeError: color/);
  assert.match(refused[7], /^RangeError: note/);
  assert.equal((await highlights(page)).length, 0);
  const ids = await page.evaluate(() => [
    window.articleViewer.addHighlight({ block: 1, start: 0, end: 12, note: 'première\nligne' }),
    window.articleViewer.addHighlight({ block: 2, start: 4, end: 30, color: 'blue' }),
  ]);
  const before = await highlights(page);
  await page.reload();
  await waitForState(page, 'state.ready');
  assert.deepEqual(await highlights(page), before);
  assert.deepEqual(before.map((h) => h.id), ids);
  assert.equal((await state(page)).highlights.count, 2);
  // The Library counts them, on the page and on the canvas.
  const entry = (await page.evaluate(() => window.articleViewer.library())).find((e) => e.id === seed.id);
  assert.equal(entry.highlights, 2);
  await page.getByRole('button', { name: 'Library', exact: true }).focus();
  await page.keyboard.press('Enter');
  assert.match(await page.locator('#library-panel').innerText(), /2 highlights/);
  await ctx.close();
});

test('an article edited between visits: unchanged passages keep their highlights, a deleted one is listed as lost', async () => {
  const url = server.url + '?article=articles/edit-me.json';
  const file = path.join(site.dir, 'articles', 'edit-me.json');
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, serviceWorkers: 'block' });
  const { page } = await open(1000, { url, context });
  const paragraphs = seed.blocks.map((b, i) => [b, i]).filter(([b]) => b.type === 'paragraph').map(([, i]) => i);
  const [kept, gone] = [paragraphs[1], paragraphs[2]];
  await page.evaluate(([a, b]) => {
    window.articleViewer.addHighlight({ block: a, start: 2, end: 30, note: 'stays' });
    window.articleViewer.addHighlight({ block: b, start: 5, end: 40, note: 'goes' });
  }, [kept, gone]);
  const [stays, goes] = await highlights(page);
  // The publisher adds a paragraph at the top and deletes the second highlighted one.
  const edited = structuredClone(seed);
  edited.blocks.splice(gone, 1);
  edited.blocks.splice(0, 0, { type: 'paragraph', text: [{ text: 'Mise à jour : un paragraphe ajouté en tête.' }] });
  writeFileSync(file, JSON.stringify(edited));
  try {
    await page.reload();
    await waitForState(page, 'state.ready');
    const now = await highlights(page);
    const found = now.find((h) => h.id === stays.id);
    assert.deepEqual([found.block, found.quote, found.lost, found.note], [kept + 1, stays.quote, false, 'stays']);
    const lost = now.find((h) => h.id === goes.id);
    assert.deepEqual([lost.quote, lost.lost, lost.note], [goes.quote, true, 'goes']);
    assert.equal((await state(page)).highlights.lost, 1);
    // Listed as lost, with its quote, in the page's panel; not drawn.
    await page.getByRole('button', { name: 'Highlights', exact: true }).focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('#highlights-panel');
    await panel.waitFor();
    const text = await panel.innerText();
    assert.ok(text.includes(goes.quote) && /Lost/.test(text), text);
    await settle(page);
    assert.equal((await state(page)).highlights.rects[goes.id], undefined);
  } finally {
    writeFileSync(file, JSON.stringify(seed));
    await context.close();
  }
});

test('export (Markdown and JSON, as downloads) then import brings the same highlights back', async () => {
  const { ctx, page } = await open(1000);
  await page.evaluate(() => {
    window.articleViewer.addHighlight({ block: 1, start: 0, end: 20, color: 'green', note: 'une note' });
    window.articleViewer.addHighlight({ block: 4, start: 10, end: 50 });
  });
  const original = await highlights(page);
  await page.getByRole('button', { name: 'Highlights', exact: true }).focus();
  await page.keyboard.press('Enter');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const text = readFileSync(await json.path(), 'utf8');
  assert.equal(text, await page.evaluate(() => window.articleViewer.exportHighlights('json')));
  assert.match(json.suggestedFilename(), /-highlights\.json$/);
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
  const markdown = readFileSync(await md.path(), 'utf8');
  for (const h of original) assert.ok(markdown.includes(h.quote), `${h.quote} not in the Markdown`);
  assert.ok(markdown.includes('une note'));
  // Imported again here: nothing changes (the same highlights, no newer edit in the file).
  assert.match(await page.evaluate((t) => window.articleViewer.importHighlights(t), text), /^Imported: 0 added, 0 updated, 2 unchanged/);
  // Into another reader's browser, from the file (the page's file input, which both panels' Import
  // JSON open): the same highlights, ids, colours and notes.
  const second = await open(1000);
  await second.page.setInputFiles('#import-highlights', { name: 'h.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await second.page.waitForFunction(() => window.articleViewer.highlights().length === 2);
  assert.deepEqual(await highlights(second.page), original);
  assert.match((await state(second.page)).highlights.panel.message, /^Imported: 2 added/);
  // Not an export: refused, nothing changes.
  const refused = await second.page.evaluate(() => window.articleViewer.importHighlights('{"format":"something else"}'));
  assert.match(refused, /^Not imported: /);
  assert.equal((await highlights(second.page)).length, 2);
  await second.ctx.close();
  await ctx.close();
});

test('storage full: the highlight stays on screen and the reader is told it is not saved', async () => {
  const { ctx, page } = await open(1000);
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem('filler/' + i, chunk); } catch (e) { break; }
    }
    for (let size = 1024; size >= 1; size = Math.floor(size / 2)) {
      for (let i = 0; ; i++) {
        try { localStorage.setItem(`filler/s${size}/${i}`, 'x'.repeat(size)); } catch (e) { break; }
      }
    }
  });
  const id = await page.evaluate(() => window.articleViewer.addHighlight({ block: 1, start: 0, end: 25, note: 'x'.repeat(2000) }));
  await settle(page);
  const s = await state(page);
  assert.equal(s.highlights.count, 1);
  assert.match(s.highlights.warning, /Storage is full/);
  assert.match(s.notice, /Storage is full/);
  assert.equal(s.highlights.saved, false);
  await page.evaluate((i) => window.articleViewer.goToHighlight(i), id);
  await settle(page);
  assert.ok((await state(page)).highlights.rects[id], 'the unsaved highlight is not drawn');
  // Room again: the next change saves everything.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler/')) localStorage.removeItem(k); });
  await page.evaluate(() => window.articleViewer.addHighlight({ block: 2, start: 0, end: 10 }));
  assert.equal((await state(page)).highlights.saved, true);
  await ctx.close();
});

test('a corrupt stored highlight is skipped with a warning; the others are kept', async () => {
  const { ctx, page } = await open(1000);
  const ids = await page.evaluate(() => [
    window.articleViewer.addHighlight({ block: 1, start: 0, end: 20 }),
    window.articleViewer.addHighlight({ block: 2, start: 0, end: 20, note: 'kept' }),
  ]);
  await page.evaluate((bad) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('article-viewer/highlights/'));
    const record = JSON.parse(localStorage.getItem(key));
    const items = record.items || record.highlights;
    const item = items.find((h) => h.id === bad);
    item.end = 'not a number';
    localStorage.setItem(key, JSON.stringify(record));
  }, ids[0]);
  await page.reload();
  await waitForState(page, 'state.ready');
  const list = await highlights(page);
  assert.deepEqual(list.map((h) => h.id), [ids[1]]);
  const s = await state(page);
  assert.ok(s.highlights.warnings.some((w) => /could not be read/.test(w)), JSON.stringify(s.highlights.warnings));
  // A new highlight keeps the unreadable one in storage as it was.
  await page.evaluate(() => window.articleViewer.addHighlight({ block: 3, start: 0, end: 10 }));
  const stored = await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('article-viewer/highlights/'))));
  assert.ok(stored.includes('not a number'), 'the unreadable item was dropped from storage');
  await ctx.close();
});

test('two tabs: each sees the other\'s changes, and neither overwrites the other\'s newer edits', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 }, serviceWorkers: 'block' });
  const a = (await open(1000, { context: ctx })).page;
  const b = (await open(1000, { context: ctx })).page;
  const one = await a.evaluate(() => window.articleViewer.addHighlight({ block: 1, start: 0, end: 15, note: 'from A' }));
  await b.waitForFunction((id) => window.articleViewer.highlights().some((h) => h.id === id), one);
  // Both at once: A edits its note while B adds one and edits the same note later.
  const two = await b.evaluate(() => window.articleViewer.addHighlight({ block: 2, start: 0, end: 15, note: 'from B' }));
  await a.evaluate((id) => window.articleViewer.setNote(id, 'A, edited'), one);
  await new Promise((r) => setTimeout(r, 20));
  await b.evaluate((id) => window.articleViewer.setNote(id, 'B, edited later'), one);
  const three = await a.evaluate(() => window.articleViewer.addHighlight({ block: 3, start: 0, end: 15 }));
  const expected = [[one, 'B, edited later'], [two, 'from B'], [three, '']];
  for (const page of [a, b]) {
    await page.waitForFunction((want) => {
      const have = window.articleViewer.highlights();
      return want.every(([id, note]) => have.some((h) => h.id === id && h.note === note)) && have.length === want.length;
    }, expected);
  }
  // A deletion in one tab reaches the other and is not brought back by its next write.
  await b.evaluate((id) => window.articleViewer.removeHighlight(id), two);
  await a.waitForFunction((id) => !window.articleViewer.highlights().some((h) => h.id === id), two);
  await a.evaluate((id) => window.articleViewer.setNote(id, 'A again'), three);
  await b.waitForFunction((id) => window.articleViewer.highlights().some((h) => h.id === id && h.note === 'A again'), three);
  assert.deepEqual((await highlights(b)).map((h) => h.id).sort(), [one, three].sort());
  await a.reload();
  await waitForState(a, 'state.ready');
  assert.deepEqual((await highlights(a)).map((h) => [h.id, h.note]).sort(), [[one, 'B, edited later'], [three, 'A again']].sort());
  await ctx.close();
});

test('the copy marks highlights as <mark> with the note as description; both panels are reachable and announced', async () => {
  const { ctx, page, errors } = await open(1000);
  await mirrorBuilt(page);
  const id = await page.evaluate(() => window.articleViewer.addHighlight({ block: 1, start: 3, end: 24, note: 'Pourquoi ce chiffre ?' }));
  const [h] = await highlights(page);
  await page.waitForFunction(() => document.querySelector('#mirror mark'));
  const mark = page.locator('#mirror mark');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.textContent(), h.quote);
  assert.match(await page.locator('#mirror').ariaSnapshot(), new RegExp('- mark: ' + h.quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const described = await mark.evaluate((m) => document.getElementById(m.getAttribute('aria-describedby')).textContent);
  assert.equal(described, 'Note: Pourquoi ce chiffre ?');
  // A new note, then a deletion: the copy follows.
  await page.evaluate((i) => window.articleViewer.setNote(i, 'Autre note'), id);
  await page.waitForFunction(() => {
    const m = document.querySelector('#mirror mark');
    return m && document.getElementById(m.getAttribute('aria-describedby')).textContent === 'Note: Autre note';
  });

  // The page's panel: reached from the keyboard, its buttons named, the note edited in a textarea
  // whose keys never reach the reader (Space would scroll, H highlight).
  await page.getByRole('button', { name: 'Highlights', exact: true }).focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('#highlights-panel');
  await panel.waitFor();
  const tree = await panel.ariaSnapshot();
  assert.match(tree, /heading "Highlights \(1\)"/);
  assert.match(tree, /button "Go to “/);
  assert.match(tree, /button "Edit note"/);
  assert.match(tree, /button "Delete the highlight “/);
  const before = (await state(page)).scrollY;
  await page.getByRole('button', { name: 'Edit note' }).click();
  const field = page.getByRole('textbox', { name: 'Note' });
  await field.focus();
  await field.press('Control+a');
  await page.keyboard.type('hh  note écrite au clavier');
  await page.getByRole('button', { name: 'Save' }).click();
  assert.equal((await highlights(page))[0].note, 'hh  note écrite au clavier');
  await settle(page);
  assert.equal((await state(page)).scrollY, before);
  assert.equal((await highlights(page)).length, 1);
  await page.getByRole('button', { name: /^Delete the highlight/ }).click();
  await page.waitForFunction(() => !document.querySelector('#mirror mark'));
  assert.equal((await highlights(page)).length, 0);
  await page.keyboard.press('Escape');

  // The canvas's panel: the toolbar's Highlights, a note typed in its field, Go to, Delete.
  const second = await page.evaluate(() => window.articleViewer.addHighlight({ block: 6, start: 0, end: 30 }));
  let s = await clickToolbarButton(page, 'Highlights');
  assert.ok(s.highlights.panel.open);
  const click = async (key) => {
    const box = (await state(page)).highlights.panel.items[key];
    assert.ok(box, `${key} not in the panel: ${Object.keys((await state(page)).highlights.panel.items)}`);
    await page.mouse.click(box[0] + box[2] / 2, box[1] + box[3] / 2);
    await settle(page);
  };
  await click('note:' + second);
  assert.equal((await state(page)).highlights.panel.editing, second);
  const scrolled = (await state(page)).scrollY;
  await page.keyboard.type('H et espace ');
  await settle(page);
  await click('save:' + second);
  assert.equal((await highlights(page)).find((x) => x.id === second).note, 'H et espace ');
  assert.equal((await state(page)).scrollY, scrolled);
  await click('goto:' + second);
  s = await state(page);
  assert.equal(s.anchor.block, 6);
  await click('delete:' + second);
  assert.equal((await highlights(page)).length, 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});
