// Every script in the browser (issue 17): an article per script (this folder) opened in Chromium.
// For each: the text engine and the fonts it needs arrive, no glyph is missing, the layout is the
// one the desktop build computes (`article-viewer --layout`, compared by digest at two widths:
// same fonts, same shaping, same breaks), the desktop's window under Xvfb has the page's pixels, and tesseract reads the title and text back from the
// screenshot in that script (a wrong glyph, a lost joining or a reversed right-to-left line reads
// as something else). Then find in Japanese and Arabic, and copying an Arabic paragraph, which
// gives it in logical order. The symbols article (math, arrows, box drawing, emoji) is not read by
// OCR: its emoji must be in colour.
//
// Its own ctest entry (browser_scripts): the main browser suite is near its time limit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, waitForState, settle, siteWith, repo, withPixels } from '../browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const nativeViewer = process.env.AV_NATIVE_VIEWER || path.join(repo, 'build', 'native', 'article-viewer');
// Debian's tesseract models for each fixture (Urdu: the Arabic model, after folding letter forms).
const tesseract = {
  ja: 'jpn', 'zh-hans': 'chi_sim', 'zh-hant': 'chi_tra', ko: 'kor', ar: 'ara', fa: 'fas', ur: 'ara', he: 'heb',
  hi: 'hin', bn: 'ben', ta: 'tam', th: 'tha', symbols: 'eng',
};
const fixtures = readdirSync(here).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const articles = Object.fromEntries(fixtures.map((n) => [n, JSON.parse(readFileSync(path.join(here, n + '.json'), 'utf8'))]));

let site, server, browser;
before(async () => {
  assert.ok(existsSync(nativeViewer), `${nativeViewer} is missing: build the native preset first (tests/run does)`);
  site = siteWith(Object.fromEntries(fixtures.map((n) => [`articles/script-${n}.json`, JSON.stringify(articles[n])])));
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); site?.remove(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());
const plain = (inline) => (typeof inline === 'string' ? inline : inline.map((r) => (typeof r === 'string' ? r : r.text)).join(''));

async function open(name, width = 1000, options = {}, height = 800) {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}?article=articles/script-${name}.json`);
  // Ready, and neither the engine nor the font list still on its way; then the fonts' own files.
  await waitForState(page, "state.ready && state.textEngine !== 'loading' && state.fontCatalog !== 'loading' || state.error", 60000);
  await settle(page);
  return { context, page };
}

// The desktop build's layout of the same file at the same width and size; its text with `dump`.
function nativeLayout(name, width, fontSize, dump = false, justify = false) {
  const args = ['--layout', path.join(here, name + '.json'), '--width', String(width), '--font-size', String(fontSize),
    ...(justify ? ['--justify'] : [])];
  return JSON.parse(execFileSync(nativeViewer, dump ? [...args, '--dump'] : args, { maxBuffer: 64 << 20 }).toString());
}

// The first line where the two layouts' texts differ, to name the place when the digests do.
function firstDifference(a, b) {
  const x = a.split('\n'), y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if (x[i] !== y[i]) return `line ${i + 1}:\n  web:     ${x[i]}\n  desktop: ${y[i]}`;
  return 'none';
}

// The desktop build's window under Xvfb, drawn once and saved (`--screenshot`).
function desktopScreenshot(name, width, height) {
  const dir = mkdtempSync(path.join(tmpdir(), 'av-desktop-'));
  try {
    const out = path.join(dir, 'shot.png');
    execFileSync('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', nativeViewer, '--screenshot', out,
      '--size', `${width}x${height}`, path.join(here, name + '.json')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60000 });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Text for comparing what tesseract read with what was written: NFC, no spaces or bidi marks,
// Persian and Urdu letter forms folded to the Arabic ones the models know.
const fold = (s) => s.normalize('NFC').replace(/[\s\u200c-\u200f\u2066-\u2069]/gu, '')
  .replace(/[کڪ]/g, 'ك').replace(/[یےى]/g, 'ي').replace(/[ہۂۃ]/g, 'ه').replace(/ة/g, 'ه').replace(/[ٹ]/g, 'ت');
const bigrams = (s) => Array.from({ length: Math.max(0, [...s].length - 1) }, (_, i) => [...s].slice(i, i + 2).join(''));

function ocrText(png, lang) {
  const dir = mkdtempSync(path.join(tmpdir(), 'av-ocr-'));
  try {
    writeFileSync(path.join(dir, 'in.png'), png);
    return execFileSync('tesseract', [path.join(dir, 'in.png'), '-', '-l', lang, '--psm', '3'],
      { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const name of fixtures) {
  test(`${name}: the engine and fonts arrive, no glyph is missing, the desktop lays it out the same, OCR reads it`, async () => {
    const article = articles[name];
    let { context, page } = await open(name);
    let s = await state(page);
    assert.equal(s.error, null);
    assert.equal(s.textError, null);
    assert.equal(s.textEngine, 'ready');
    assert.equal(s.fontCatalog, 'ready');
    assert.ok(s.fontFiles.length > 0, 'no font beyond the base faces was fetched');
    assert.equal(s.missingGlyphs, 0, 'glyphs missing on screen');
    // The layout, at a desktop and a phone width, is the desktop build's.
    for (const width of [1000, 390]) {
      if (width !== 1000) {
        await page.setViewportSize({ width, height: 800 });
        await settle(page);
        s = await state(page);
        assert.equal(s.missingGlyphs, 0, `glyphs missing at ${width} px`);
      }
      const web = await page.evaluate(() => window.articleViewer.layoutDigest());
      const desktop = nativeLayout(name, width, s.fontSize);
      assert.equal(desktop.missing_glyphs, 0, `the desktop build misses glyphs at ${width} px`);
      assert.equal(desktop.overflow_lines, 0, `lines wider than the column at ${width} px`);
      if (web !== desktop.digest) {
        const text = await page.evaluate(() => window.articleViewer.layoutDigest(true));
        assert.fail(`at ${width} px the web and desktop layouts differ, first at ${firstDifference(text, nativeLayout(name, width, s.fontSize, true).dump)}`);
      }
    }
    // The desktop build's window under Xvfb, same size, same article: the same pixels below the
    // toolbar (measured: none differs by more than 48 of 255 in any channel; the toolbar's
    // controls differ between the two builds).
    await page.setViewportSize({ width: 1000, height: 800 });
    await settle(page);
    const webShot = await page.screenshot();
    const desktopShot = desktopScreenshot(name, 1000, 800);
    const differing = await withPixels(page, [webShot, desktopShot], ([p, q]) => {
      if (p.width !== q.width || p.height !== q.height) return `sizes ${p.width}x${p.height} and ${q.width}x${q.height}`;
      let n = 0;
      for (let i = 50 * p.width * 4; i < p.data.length; i += 4)
        if (Math.abs(p.data[i] - q.data[i]) > 48 || Math.abs(p.data[i + 1] - q.data[i + 1]) > 48 || Math.abs(p.data[i + 2] - q.data[i + 2]) > 48) n++;
      return n / (p.width * (p.height - 50));
    });
    assert.ok(typeof differing === 'number' && differing < 0.001, `the desktop window and the web page differ: ${differing}`);
    await context.close();
    // What tesseract reads in the article's column, at the desktop width, on a screen of density 2
    // (as most phones and many laptops: small marks such as Hebrew points are then legible to it).
    ({ context, page } = await open(name, 1000, { deviceScaleFactor: 2 }));
    s = await state(page);
    assert.equal(s.missingGlyphs, 0, 'glyphs missing at density 2');
    // The whole page: tesseract's page segmentation drops lines of a tight crop (seen: an Arabic
    // line with numbers, with the page cut below the toolbar too). The toolbar's words are then
    // read as well: they count as known text below, or a short article's precision falls under
    // 0.7 (zh-hant, once Listen and Highlights joined the row).
    const png = await page.screenshot();
    if (name === 'symbols') {
      // Below the toolbar (whose accent line is coloured), the column only.
      const column = await page.screenshot({ clip: { x: s.column.x - 8, y: 60, width: s.column.width + 16, height: 740 } });
      // No OCR model reads emoji and math; the emoji must be in colour (the text is grey on white).
      const coloured = await withPixels(page, [column], ([{ data }]) => {
        let n = 0;
        for (let i = 0; i < data.length; i += 4) n += Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 96;
        return n;
      });
      // 14 emoji at 20 px, density 2: about 2 500 strongly coloured pixels in Chromium; text and
      // page have none.
      assert.ok(coloured > 1600, `${coloured} coloured pixels: the emoji are not drawn in colour`);
      await context.close();
      return;
    }
    const read = fold(ocrText(png, tesseract[name]));
    const written = fold(article.title + article.blocks.map((b) => (b.text ? plain(b.text) : '') + (b.items || []).map(plain).join('')).join(''));
    const toolbarWords = [...Object.keys(s.toolbar.buttons || {}), 'Open…', 'A–', 'A+', 'Aa', 'Light', 'Sepia', 'Dark', 'More'];
    const known = new Set([...bigrams(written), ...toolbarWords.flatMap((w) => bigrams(fold(w)))]);
    const readPairs = bigrams(read);
    const precision = readPairs.filter((g) => known.has(g)).length / Math.max(1, readPairs.length);
    const titlePairs = bigrams(fold(article.title));
    const recall = titlePairs.filter((g) => readPairs.includes(g)).length / Math.max(1, titlePairs.length);
    // The share of the written characters found in what was read (as multisets: OCR splits and
    // joins lines its own way).
    const counts = new Map();
    for (const c of read) counts.set(c, (counts.get(c) || 0) + 1);
    let found = 0, total = 0;
    for (const c of written) {
      total++;
      if ((counts.get(c) || 0) > 0) { found++; counts.set(c, counts.get(c) - 1); }
    }
    const characters = found / total;
    const report = `characters ${characters.toFixed(3)}, precision ${precision.toFixed(2)}, title recall ${recall.toFixed(2)}; read: ${read.slice(0, 120)}`;
    // 95 % of the characters (issue 17), but Urdu: Debian has no Urdu model, and the Arabic one
    // reads Naskh Urdu's letters at about 87 %.
    assert.ok(characters >= (name === 'ur' ? 0.85 : 0.95), `tesseract read too few of the characters: ${report}`);
    assert.ok(readPairs.length > 40, `tesseract read almost nothing: ${report}`);
    assert.ok(precision >= (name === 'ur' ? 0.6 : 0.7), `what tesseract read is not the text: ${report}`);
    assert.ok(recall >= 0.8, `tesseract did not read the title: ${report}`);
    await context.close();
  });
}

// Justified Chinese and Japanese (docs/text-pipeline.md, "Justified CJK"): the page's layout is the
// desktop's, every full line of a paragraph ends at the column's edge, widened between characters
// and drawn stretch by stretch (Span::pieces); the layout as text is in 1/16 px.
test('justified Chinese and Japanese: the desktop lays them out the same, full lines flush', async () => {
  for (const name of ['ja', 'zh-hant']) {
    const { context, page } = await open(name, 390);
    await page.evaluate(() => window.articleViewer.setSettings({ justify: true }));
    await waitForState(page, 'state.justify && state.ready');
    await settle(page);
    const s = await state(page);
    const text = await page.evaluate(() => window.articleViewer.layoutDigest(true));
    const desktop = nativeLayout(name, 390, s.fontSize, true, true);
    assert.equal(desktop.overflow_lines, 0, name);
    assert.equal(text, desktop.dump, `${name}: the web and desktop layouts differ, first at ${firstDifference(text, desktop.dump)}`);
    const [, columnX, columnW] = text.match(/^column (\d+) (\d+)/).map(Number);
    let flush = 0, pieces = 0;
    let line = null;
    const check = () => {
      if (!line || !line.justified || Math.abs(line.left - columnX) > 2) return;
      assert.ok(Math.abs(line.right - (columnX + columnW)) <= 2, `${name}: a full line ends at ${line.right / 16} px, not ${(columnX + columnW) / 16}`);
      flush++;
    };
    for (const row of text.split('\n')) {
      if (row.startsWith(' line ')) {
        check();
        line = { justified: row.includes(' justified'), left: Infinity, right: -Infinity };
      } else if (row.startsWith('  span ') && line) {
        const x = Number(row.match(/ x(-?\d+)/)[1]), w = Number(row.match(/ w(\d+)/)[1]);
        line.left = Math.min(line.left, x);
        line.right = Math.max(line.right, x + w);
        pieces += / piece\d+@/.test(row);
      } else if (!row.startsWith('  ')) {
        check();
        line = null;
      }
    }
    check();
    assert.ok(flush >= 5, `${name}: ${flush} full lines`);
    assert.ok(pieces >= flush, `${name}: ${pieces} spans drawn in pieces`);
    await context.close();
  }
});

test('find matches Japanese text and Arabic words; the count is what the text holds', async () => {
  for (const [name, query] of [['ja', '図書館'], ['ar', 'المكتبة'], ['zh-hant', '圖書館'], ['th', 'ห้องสมุด']]) {
    const { context, page } = await open(name);
    const article = articles[name];
    const all = article.title + article.blocks.map((b) => (b.text ? plain(b.text) : '') + (b.items || []).map(plain).join('')).join('');
    const expected = all.split(query).length - 1;
    assert.ok(expected >= 2, `${name}: the fixture holds "${query}" ${expected} times`);
    await page.evaluate((q) => window.articleViewer.find(q), query);
    await settle(page);
    const s = await state(page);
    assert.equal(s.find.query, query);
    assert.equal(s.find.count, expected, `${name}: "${query}"`);
    await context.close();
  }
});

test('a triple-click on an Arabic paragraph selects it; Ctrl+C copies it in logical order', async () => {
  // A short window, so that the article scrolls and the paragraph can be brought to the top.
  const { context, page } = await open('ar', 1000, { permissions: ['clipboard-read', 'clipboard-write'] }, 300);
  await page.locator('#canvas').focus();
  const index = articles.ar.blocks.findIndex((b) => b.type === 'paragraph');
  await page.evaluate((i) => window.articleViewer.scrollToBlock(i), index);
  await settle(page);
  const s = await state(page);
  // The paragraph's first line is at the top of the reading area, under the 44 px toolbar; its
  // right-aligned text ends at the column's right edge.
  await page.mouse.click(s.column.x + s.column.width - 40, 44 + 15, { clickCount: 3 });
  await settle(page);
  const text = plain(articles.ar.blocks[index].text);
  assert.equal((await state(page)).selection, text);
  await page.keyboard.press('Control+c');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await context.close();
});
