// Printing (reader settings issue, "Print"): Ctrl+P gives the whole article as text the browser
// paginates (the accessible copy under viewer.css's print rules), in the reader's font, never a
// picture of the canvas. Chromium prints to PDF (page.pdf(), which fires beforeprint as a print
// does) and poppler's tools (Debian poppler-utils) read it back: its text (pdftotext), its fonts
// (pdffonts), its pictures (pdfimages) and its pixels (pdftoppm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repo, servedSite, waitForState, withPixels, holdTimers, solidPng } from './harness.mjs';
import { printed, norm, pdfOf, inOrder } from './print_pdf.mjs';

const seed = JSON.parse(readFileSync(path.join(repo, 'assets', 'articles', 'russie-munitions-nord-coreennes.json'), 'utf8'));

// An article with what the seed lacks: links (one to a block of its own, one mailto:), a picture
// with its caption and credit, a sponsored block naming its sponsor, headings of three levels.
const filler = (n) => Array.from({ length: n }, (_, i) => ({ type: 'paragraph',
  text: `Paragraphe de remplissage numéro ${i + 1}, assez long pour occuper plusieurs lignes de la page imprimée et montrer que le texte suit son cours normalement.` }));
const extras = {
  format: 'article/1', id: 'print-extras', lang: 'fr', title: 'Imprimer un article',
  blocks: [
    { type: 'paragraph', text: ['Le rapport complet est ', { text: 'publié en ligne', href: 'https://example.org/rapport/2024' },
      ' depuis mardi ; voir aussi ', { text: 'la suite', href: '#suite' }, ' ou ', { text: 'écrire à la rédaction', href: 'mailto:redaction@example.org' }, '.'] },
    { type: 'image', src: 'https://example.invalid/carte.png', alt: 'Une carte de la péninsule coréenne', width: 800, height: 500,
      caption: ['La péninsule ', { text: 'en 2024', italic: true }], credit: 'Photo : Agence' },
    { type: 'heading', level: 2, text: 'Deuxième partie du dossier' },
    ...filler(3),
    { type: 'sponsored', title: 'Un contenu payé par un annonceur', sponsor: 'Acme' },
    // Cyrillic: in the fonts' extended subsets (fonts-ext/), which the program fetches for it.
    { type: 'paragraph', text: 'Москва и Пхеньян подписали договор о стратегическом партнёрстве.' },
    { type: 'heading', id: 'suite', level: 3, text: 'Intertitre de troisième niveau' },
    ...filler(3),
  ],
};

// The benchmarks' generated article (as long_article.test.mjs makes it), long enough that its
// copy takes several slices: 1 000 paragraphs, 1 3xx blocks.
const longArticle = execFileSync('/usr/bin/python3', [path.join(repo, 'tests', 'bench', 'generate_article.py'),
  '--paragraphs', '1000', '--seed', '1', '-o', '-'], { maxBuffer: 1 << 26 });

// Two pictures, one the site has and one it has not (404), each with its caption; declared wider
// than the printed column, so the one that arrives prints at the column's width. A third article
// has a picture that never arrives (the test holds its request).
const pictures = {
  format: 'article/1', id: 'print-pictures', lang: 'fr', title: 'Un article illustré',
  blocks: [
    { type: 'paragraph', text: 'Le premier paragraphe précède la photographie du port.' },
    { type: 'image', src: '../img/port.png', alt: 'Le port au lever du jour', width: 960, height: 480,
      caption: 'Le port de Nampo', credit: 'Photo : Agence' },
    { type: 'paragraph', text: 'Un paragraphe entre les deux images, pour les séparer.' },
    { type: 'image', src: '../img/absente.png', alt: 'Une image qui manque sur le serveur', width: 960, height: 480,
      caption: 'La légende de l’image absente' },
    { type: 'paragraph', text: 'Le dernier paragraphe suit les deux images.' },
  ],
};
const slowPicture = {
  format: 'article/1', id: 'print-slow', lang: 'fr', title: 'Une image qui ne vient pas',
  blocks: [
    { type: 'image', src: '../img/lente.png', alt: 'Une image trop lente', width: 400, height: 200, caption: 'Légende de la lente' },
    { type: 'paragraph', text: 'Le texte sous l’image lente.' },
  ],
};
const PORT_RGB = [200, 30, 30];

const site = servedSite({
  'articles/print-extras.json': JSON.stringify(extras),
  'articles/long.json': longArticle,
  'articles/pictures.json': JSON.stringify(pictures),
  'articles/slow.json': JSON.stringify(slowPicture),
  'img/port.png': solidPng(960, 480, PORT_RGB),
  'img/lente.png': solidPng(40, 20, [20, 20, 200]),
});

// Prints the page to PDF and reads it back: {text, pages: [text of each page], fonts, images, file}.
async function print(page, dir) {
  // mirror.js (the copy, and what makes it whole on beforeprint) runs once the article is ready,
  // as loader.js's late scripts arrive: a print before that shows print_early.test.mjs's note.
  // 'raf' polling: some tests hold the page's timers.
  await page.waitForFunction(() => typeof window.articleViewerPrint === 'function', null, { polling: 'raf', timeout: 30000 });
  return pdfOf(page, dir);
}

// The fonts Chromium uses for the text of the element `selector` under the print style sheet
// ([{familyName, postScriptName, isCustomFont, glyphCount}], DevTools' CSS.getPlatformFontsForNode):
// isCustomFont tells the program's fonts (FontFaces, the page's only web fonts) from the
// system's, which on this machine are Noto too (Debian's fonts-noto-core, even for "serif").
async function printFonts(page, selector) {
  await page.emulateMedia({ media: 'print' });
  try {
    await page.evaluate((s) => document.querySelector(s).getBoundingClientRect(), selector);  // laid out as printed
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    assert.ok(fonts.length, `no font for ${selector}`);
    return fonts;
  } finally {
    await page.emulateMedia({ media: null });
  }
}

// `prepare(page)` runs before the page is opened (to watch or route its requests).
async function open(query = '', setups = [], prepare = null) {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  for (const setup of setups) await page.addInitScript(setup);
  if (prepare) await prepare(page);
  await page.goto(site.url + query);
  return { context, page };
}

const scratch = () => mkdtempSync(path.join(tmpdir(), 'av-print-'));

test('the seed prints whole, in order, as text in Noto Serif on several pages, with no control of the page', async () => {
  const dir = scratch();
  const { context, page } = await open();
  try {
    await waitForState(page, 'state.ready');
    const controls = await page.evaluate(() => [...document.querySelectorAll('#controls button, #overlay p, #overlay button')]
      .map((b) => b.textContent.trim()).filter(Boolean));
    assert.ok(controls.includes('Contents') && controls.includes('Library'), controls.join(', '));
    const pdf = await print(page, dir);

    // The title, then every heading, paragraph, sponsored block and callout of the seed, in order.
    const expected = [seed.title];
    for (const b of seed.blocks) {
      if (b.type === 'paragraph' || b.type === 'heading') expected.push(printed(b.text));
      if (b.type === 'sponsored') expected.push(b.label, printed(b.title));
      if (b.type === 'callout') expected.push(...[b.label, b.title && printed(b.title), b.text && printed(b.text), ...(b.paragraphs || []).map(printed)].filter(Boolean));
      if (b.type === 'tags') expected.push(b.items.join(' · '));
      if (b.type === 'related') expected.push(...b.items.map((item) => item.title));
    }
    assert.equal(expected.filter((e) => seed.blocks.some((b) => b.type === 'paragraph' && printed(b.text) === e)).length,
      seed.blocks.filter((b) => b.type === 'paragraph').length);
    inOrder(pdf.text, expected);

    assert.ok(pdf.pageCount > 1, `${pdf.pageCount} page`);
    for (const label of controls) assert.ok(!norm(pdf.text).includes(norm(label)), `the control "${label}" is printed`);
    assert.equal(pdf.images, 0, 'the print holds a picture (of the canvas?)');
    assert.ok(pdf.fonts.includes('NotoSerif-Regular'), `the body is not in Noto Serif: ${pdf.fonts.join(', ')}`);
    assert.ok(pdf.fonts.includes('NotoSans-Bold'), `the headings are not in Noto Sans: ${pdf.fonts.join(', ')}`);
    // ...and those are the program's fonts, not the system's.
    for (const [selector, name] of [['#mirror p[data-block="1"]', 'NotoSerif-Regular'], ['#mirror h2', 'NotoSans-Bold']]) {
      const fonts = await printFonts(page, selector);
      assert.ok(fonts.every((f) => f.isCustomFont && f.postScriptName === name), `${selector}: ${JSON.stringify(fonts)}`);
    }

    // No page ends with a heading (break-after: avoid keeps it with its first lines).
    const headings = seed.blocks.filter((b) => b.type === 'heading').map((b) => norm(printed(b.text)));
    pdf.pages.forEach((text, i) => {
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      const last = norm(lines.slice(-2).join(' '));
      assert.ok(!headings.some((h) => last.endsWith(h)), `page ${i + 1} ends with a heading: ${lines.slice(-2).join(' / ')}`);
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('links print their address after their text; the picture its alt text, caption and credit; the sponsor its label; headings their levels', async () => {
  const dir = scratch();
  const { context, page } = await open('?article=articles/print-extras.json');
  try {
    await waitForState(page, 'state.ready && state.fontsExtended');
    const pdf = await print(page, dir);
    inOrder(pdf.text, [
      extras.title,
      'Le rapport complet est publié en ligne (https://example.org/rapport/2024) depuis mardi ; voir aussi la suite ou écrire à la rédaction.',
      'Une carte de la péninsule coréenne', 'La péninsule en 2024 — Photo : Agence',
      'Deuxième partie du dossier',
      'Sponsorisé · Acme', 'Un contenu payé par un annonceur',
      'Москва и Пхеньян подписали договор о стратегическом партнёрстве.',
      'Intertitre de troisième niveau',
    ]);
    // The Cyrillic letters come from the program's extended subset, as on the canvas.
    const at = extras.blocks.findIndex((b) => typeof b.text === 'string' && b.text.startsWith('Москва'));
    const cyrillic = await printFonts(page, `#mirror p[data-block="${at}"]`);
    assert.ok(cyrillic.every((f) => f.isCustomFont && f.postScriptName === 'NotoSerif-Regular'), JSON.stringify(cyrillic));
    // Only web addresses are printed: not a link to a block of the article, nor a mail address.
    assert.ok(!pdf.text.includes('#suite') && !pdf.text.includes('mailto:'), pdf.text.slice(0, 600));

    // The levels, from the words' heights (pdftotext -bbox): title > h2 > h3 > body text.
    const bbox = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf.file, '-']).toString();
    const height = (word) => {
      const m = new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}</word>`).exec(bbox);
      assert.ok(m, `"${word}" not in the PDF`);
      return Number(m[2]) - Number(m[1]);
    };
    const [h1, h2, h3, body] = [height('Imprimer'), height('Deuxième'), height('Intertitre'), height('rapport')];
    assert.ok(h1 > h2 && h2 > h3 && h3 > body, `word heights: title ${h1}, h2 ${h2}, h3 ${h3}, body ${body}`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a dark or sepia reader prints black on white; a reader of sans prints in Noto Sans', async () => {
  const dir = scratch();
  const { context, page } = await open();
  try {
    await waitForState(page, 'state.ready');
    for (const [theme, scheme] of [['dark', 'dark'], ['sepia', 'light']]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((t) => window.articleViewer.setTheme(t), theme);
      await page.waitForFunction((t) => String(window.articleViewer.state().theme).toLowerCase() === t, theme);
      const pdf = await print(page, dir);
      execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', pdf.file, path.join(dir, 'page')]);
      const png = readFileSync(path.join(dir, 'page.png'));
      const { white, dark, colored } = await withPixels(page, [png], ([{ data: d }]) => {
        let white = 0, dark = 0, colored = 0;
        for (let i = 0; i < d.length; i += 4) {
          const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
          if (r > 245 && g > 245 && b > 245) white++;
          if (r < 70 && g < 70 && b < 70) dark++;
          if (Math.max(r, g, b) - Math.min(r, g, b) > 40) colored++;
        }
        const n = d.length / 4;
        return { white: white / n, dark: dark / n, colored: colored / n };
      });
      assert.ok(white > 0.75, `${theme}: ${(white * 100).toFixed(1)} % of the page is white`);
      assert.ok(dark > 0.005, `${theme}: ${(dark * 100).toFixed(2)} % of the page is black ink`);
      assert.ok(colored < 0.002, `${theme}: ${(colored * 100).toFixed(2)} % of the page is coloured`);
    }

    // The reader's font: the settings mark <html> with font-sans (README, "Printing").
    await page.evaluate(() => document.documentElement.classList.add('font-sans'));
    const sans = await print(page, dir);
    assert.ok(sans.fonts.includes('NotoSans-Regular'), sans.fonts.join(', '));
    const body = await printFonts(page, '#mirror p[data-block="1"]');
    assert.ok(body.every((f) => f.isCustomFont && f.postScriptName === 'NotoSans-Regular'), JSON.stringify(body));
    assert.ok(!sans.fonts.some((f) => f.startsWith('NotoSerif')), `Noto Serif in a sans print: ${sans.fonts.join(', ')}`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// The copy of a long article is made in slices after it opens (mirror.js); a print that comes
// before they are done must not lose the rest. The page's timers are held from the moment the
// article is ready, so no slice runs before the print: beforeprint alone must make the copy.
test('a long article printed before its copy is made prints to its last paragraph', { timeout: 240000 }, async () => {
  const dir = scratch();
  const article = JSON.parse(longArticle);
  const paragraphs = article.blocks.filter((b) => b.type === 'paragraph');
  const { context, page } = await open('?article=articles/long.json', [holdTimers, () => {
    window.addEventListener('articleviewer:state', (e) => {
      if (e.detail && e.detail.ready) window.__holdTimers = true;
    });
  }]);
  try {
    await page.waitForFunction(() => window.__holdTimers === true, null, { polling: 'raf', timeout: 120000 });
    // mirror.js runs once the article is ready (loader.js's late scripts); a print before it has
    // arrived has no copy at all (the test's page.pdf() came first about one run in five).
    await page.waitForFunction(() => typeof window.articleViewerPrint === 'function', null, { polling: 'raf', timeout: 30000 });
    const before = await page.evaluate(() => ({
      busy: document.getElementById('mirror').getAttribute('aria-busy'),
      blocks: document.querySelectorAll('#mirror [data-block]').length,
    }));
    assert.deepEqual(before, { busy: 'true', blocks: 0 }, 'the copy was made before the print');
    const pdf = await print(page, dir);
    inOrder(pdf.text, [article.title, printed(paragraphs[0].text), printed(paragraphs[paragraphs.length - 1].text)]);
    const after = await page.evaluate(() => ({
      busy: document.getElementById('mirror').getAttribute('aria-busy'),
      blocks: document.querySelectorAll('#mirror [data-block]').length,
    }));
    assert.equal(after.busy, 'false');
    assert.ok(after.blocks >= article.blocks.length, `${after.blocks} blocks in the copy of ${article.blocks.length}`);
    console.log(`long article: ${article.blocks.length} blocks printed on ${pdf.pageCount} pages`);
  } finally {
    await page.evaluate(() => { window.__holdTimers = false; }).catch(() => {});
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Installed with page.addInitScript: window.print only records its calls (when, and what the copy
// held then), and whether a keydown's default was prevented, read once the event is over (the
// page's key guards stop it before a listener of the window's bubbling phase would see it).
function recordPrints() {
  window.__prints = [];
  window.print = () => window.__prints.push({
    at: performance.now(),
    ready: document.querySelectorAll('#mirror figure.picture-ready').length,
    failed: document.querySelectorAll('#mirror figure.picture-failed').length,
  });
  window.__keys = [];
  window.addEventListener('keydown', (e) => setTimeout(() => window.__keys.push({ key: e.key, prevented: e.defaultPrevented }), 0), true);
}

test('Ctrl+P loads the pictures, then prints: the one that arrived as a picture above its caption, the missing one as its alt text', async () => {
  const dir = scratch();
  const { context, page } = await open('?article=articles/pictures.json', [recordPrints]);
  try {
    await waitForState(page, 'state.ready');
    await page.waitForFunction(() => document.getElementById('mirror').getAttribute('aria-busy') === 'false');
    // Before the print, no <img> of the copy has an address.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#mirror img')].map((i) => i.getAttribute('src'))), [null, null]);
    await page.locator('#canvas').focus();
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__prints.length === 1 && window.__keys.some((k) => k.key === 'p'), null, { timeout: 15000 });
    const [call] = await page.evaluate(() => window.__prints);
    assert.deepEqual({ ready: call.ready, failed: call.failed }, { ready: 1, failed: 1 }, 'print() ran before both pictures had settled');
    assert.deepEqual(await page.evaluate(() => window.__keys.filter((k) => k.key === 'p')), [{ key: 'p', prevented: true }]);

    const pdf = await print(page, dir);
    assert.equal(pdf.images, 1, execFileSync('pdfimages', ['-list', pdf.file]).toString());
    inOrder(pdf.text, [
      pictures.title, 'Le premier paragraphe précède la photographie du port.',
      'Le port de Nampo — Photo : Agence',
      'Un paragraphe entre les deux images, pour les séparer.',
      'Une image qui manque sur le serveur', 'La légende de l’image absente',
      'Le dernier paragraphe suit les deux images.',
    ]);
    assert.ok(!pdf.text.includes('Le port au lever du jour'), 'the alt text of the printed picture is printed too');

    // The picture, on the first page, across the column (A4, 16 mm margins: 178 mm), its caption under it.
    const dpi = 50;
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf.file, path.join(dir, 'page')]);
    const box = await withPixels(page, [readFileSync(path.join(dir, 'page.png'))], ([{ data: d, width }], rgb) => {
      let left = Infinity, right = -1, top = Infinity, bottom = -1;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - rgb[0]) > 24 || Math.abs(d[i + 1] - rgb[1]) > 24 || Math.abs(d[i + 2] - rgb[2]) > 24) continue;
        const x = (i / 4) % width, y = Math.floor(i / 4 / width);
        left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
      }
      return { left, right, top, bottom };
    }, PORT_RGB);
    assert.ok(box.right >= 0, 'the picture is not on the first page');
    const mm = (px) => (px * 25.4) / dpi;
    const [width, height] = [mm(box.right - box.left + 1), mm(box.bottom - box.top + 1)];
    assert.ok(Math.abs(width - 178) < 3, `the picture is ${width.toFixed(1)} mm wide, the column 178 mm`);
    assert.ok(Math.abs(height - width / 2) < 3, `the picture is ${width.toFixed(1)} x ${height.toFixed(1)} mm, declared 2:1`);
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-enc', 'UTF-8', pdf.file, '-']).toString();
    const nampo = /yMin="([\d.]+)"[^>]*>Nampo<\/word>/.exec(bbox);
    assert.ok(nampo, 'the caption is not on the first page');
    const captionTop = (Number(nampo[1]) * 25.4) / 72;
    assert.ok(captionTop > mm(box.bottom) && captionTop < mm(box.bottom) + 15,
      `the caption's top at ${captionTop.toFixed(1)} mm, the picture's bottom at ${mm(box.bottom).toFixed(1)} mm`);

    // Ctrl+P in the copy (a screen reader's focus) is the page's too.
    await page.evaluate(() => document.querySelector('#mirror h1').focus());
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__prints.length === 2 && window.__keys.filter((k) => k.key === 'p').length === 2, null, { timeout: 15000 });
    assert.deepEqual(await page.evaluate(() => window.__keys.filter((k) => k.key === 'p').map((k) => k.prevented)), [true, true]);

    // The page's call does the same, the pictures already there: a promise of what it printed.
    const result = await page.evaluate(() => window.articleViewer.print());
    assert.deepEqual(result, { pictures: 2, printed: 1 });
    assert.equal(await page.evaluate(() => window.__prints.length), 3);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a first visit that does not print loads no picture as an <img>: only the canvas fetches them', async () => {
  const requests = [];
  const { context, page } = await open('?article=articles/pictures.json', [], (p) => {
    p.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  });
  try {
    await waitForState(page, 'state.ready && state.images.loaded === 1 && state.images.failed === 1');
    await page.waitForFunction(() => document.getElementById('mirror').getAttribute('aria-busy') === 'false');
    await page.waitForTimeout(500);
    const pictureRequests = requests.filter((r) => /\/img\//.test(r.url));
    assert.deepEqual(pictureRequests.map((r) => `${r.type} ${new URL(r.url).pathname}`).sort(),
      ['fetch /img/absente.png', 'fetch /img/port.png'], 'the canvas fetches each picture once');
    assert.deepEqual(requests.filter((r) => r.type === 'image'), [], 'an <img> was loaded');
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#mirror img')].map((i) => i.getAttribute('src'))), [null, null]);
  } finally {
    await context.close();
  }
});

test('a picture that does not arrive holds the print 10 s at most, and prints as its alt text', { timeout: 60000 }, async () => {
  const dir = scratch();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  // The canvas's request and the print's are both held until the test ends (routed on the context:
  // the service worker, once it controls the page, asks for the print's).
  const { context, page } = await open('?article=articles/slow.json', [recordPrints], (p) =>
    p.context().route('**/img/lente.png', async (route) => { await held; await route.abort().catch(() => {}); }));
  try {
    await waitForState(page, 'state.ready');
    await page.waitForFunction(() => document.getElementById('mirror').getAttribute('aria-busy') === 'false');
    const started = await page.evaluate(() => {
      const at = performance.now();
      window.__result = null;
      window.articleViewer.print().then((r) => { window.__result = r; });
      return at;
    });
    await page.waitForFunction(() => window.__result !== null, null, { timeout: 20000 });
    const [call] = await page.evaluate(() => window.__prints);
    const waited = call.at - started;
    assert.ok(waited > 9000 && waited < 12000, `the print waited ${waited.toFixed(0)} ms: ${JSON.stringify([call, await page.evaluate(() => [window.__result, document.querySelector("#mirror figure").outerHTML])])}`);
    assert.deepEqual(await page.evaluate(() => window.__result), { pictures: 1, printed: 0 });
    const pdf = await print(page, dir);
    assert.equal(pdf.images, 0);
    inOrder(pdf.text, [slowPicture.title, 'Une image trop lente', 'Légende de la lente', 'Le texte sous l’image lente.']);
  } finally {
    release();
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
