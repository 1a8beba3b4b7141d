// The static bundle: content-hashed names and relative URLs only (it works under any sub-path),
// a service worker that makes the page read offline after one visit and replaces itself cleanly
// when a new bundle is deployed, and a manifest with icons so the reader can install it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { serve, launch, waitForState, settle, siteWith, distDir, wheelUntil, repo } from './harness.mjs';
import { article, describe, rebuiltBundle, replaceContents, seed, stopped, tempDir } from './bundle.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const hashed = /^[^/]+\.[0-9a-f]{8}\.[a-z0-9]+$/;

// A host folder with a copy of dist/, served, and a page of a new context that has read its
// article once (the worker installed): {site, server, context, page, errors}. The caller stops the
// server, closes the context and removes the folder.
async function visited(prefix) {
  const site = tempDir(prefix);
  cpSync(distDir, site, { recursive: true });
  const server = await serve(site);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { site, server, context, page, errors };
}

// Polls an async page function until it resolves truthy (waitForFunction takes no promises).
async function until(page, fn, arg, timeout = 30000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error('timed out: ' + fn.toString().slice(0, 120));
    await page.waitForTimeout(250);
  }
}

test('dist: hashed names for the program, fonts, scripts, styles and icons; references match', () => {
  const d = describe();
  for (const ext of ['js', 'wasm', 'data']) assert.match(d.program[ext], hashed);
  assert.deepEqual(Object.fromEntries(Object.entries(d.bundle.files).map(([k, v]) => [k, v.name])), {
    'article-viewer.js': d.program.js, 'article-viewer.wasm': d.program.wasm, 'article-viewer.data': d.program.data,
  });
  for (const [, { name, size }] of Object.entries(d.bundle.files)) {
    assert.equal(readFileSync(path.join(distDir, name)).length, size, `${name}: size in the loader`);
  }
  // Every reference of the page is relative and exists; everything but index.html is hashed, but
  // the <noscript>'s links to the plain pages (plain/), which are pages people go to.
  const refs = [...d.index.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(refs.length >= 5, refs.join(' '));
  for (const ref of refs) {
    assert.doesNotMatch(ref, /^(?:[a-z]+:|\/)/i, `${ref} is not relative`);
    assert.ok(existsSync(path.join(distDir, ref)), `${ref} is missing from dist/`);
    if (ref !== 'manifest.webmanifest' && !ref.startsWith('plain/')) assert.match(ref, hashed);
  }
  assert.deepEqual(refs.filter((r) => r.startsWith('plain/')), [`plain/${seed.id}.html`, 'plain/index.html']);
  // Unhashed names only where they must stay stable, and no stale program files.
  const plain = d.files.filter((f) => !hashed.test(f)).sort();
  // (articles/, fonts-ext/, fonts-faces/, fonts-families/, fonts/, hyphen/, plain/ and text/ are
  // folders; the articles and their plain pages keep their names, they are linked to.)
  assert.deepEqual(plain, ['article-viewer.html', 'articles', 'fonts', 'fonts-ext', 'fonts-faces', 'fonts-families', 'hyphen', 'index.html',
    'manifest.webmanifest', 'plain', 'sw.js', 'text']);
  // The hyphenation dictionaries (README "Hyphenation"): named by their content, known to the
  // loader, never precached; their licences beside them.
  const hyphen = readdirSync(path.join(distDir, 'hyphen')).sort();
  assert.deepEqual(Object.values(d.bundle.hyphen).sort(), hyphen.filter((f) => f.endsWith('.dic')).map((f) => 'hyphen/' + f));
  assert.ok(['fr', 'en_US', 'de_DE'].every((name) => d.bundle.hyphen[name]), JSON.stringify(d.bundle.hyphen));
  for (const file of hyphen.filter((f) => f.endsWith('.dic'))) {
    const sha = createHash('sha256').update(readFileSync(path.join(distDir, 'hyphen', file))).digest('hex');
    assert.ok(file.includes(`.${sha.slice(0, 8)}.`), `hyphen/${file} is not named by its content`);
    assert.ok(!d.precache.includes('hyphen/' + file), `sw.js precaches hyphen/${file}`);
    assert.ok(hyphen.includes(file.replace(/\.[0-9a-f]{8}\.dic$/, '.copyright')), `no licence beside hyphen/${file}`);
  }
  assert.ok(hyphen.includes('libhyphen.COPYING'));
  // The font families a reader may choose: named by their content, known to the loader, never
  // precached (a reader who keeps the defaults never fetches them).
  const families = readdirSync(path.join(distDir, 'fonts-families'), { recursive: true })
    .filter((f) => /\.(ttf|otf)$/.test(f)).map((f) => 'fonts-families/' + f.split(path.sep).join('/')).sort();
  assert.equal(families.length, 8, families.join(' '));
  assert.deepEqual(Object.values(d.bundle.fontsFamilies).sort(), families);
  for (const f of families) {
    assert.match(path.posix.basename(f), hashed);
    assert.ok(!d.precache.includes(f), `sw.js precaches ${f}`);
  }
  // The text engine and the Thai dictionary: named by their content, known to the loader, never
  // precached (only articles with rich paragraphs fetch them).
  const text = readdirSync(path.join(distDir, 'text')).sort();
  assert.deepEqual(Object.values(d.bundle.textModule).sort(), text.map((f) => 'text/' + f));
  assert.deepEqual(Object.keys(d.bundle.textModule).sort(), ['article-viewer-text.js', 'article-viewer-text.wasm', 'thai-words.dict']);
  for (const file of text) {
    const sha = createHash('sha256').update(readFileSync(path.join(distDir, 'text', file))).digest('hex');
    assert.ok(file.includes(`.${sha.slice(0, 8)}.`), `text/${file} is not named by its content`);
    assert.ok(!d.precache.includes('text/' + file), `sw.js precaches text/${file}`);
  }
  // The fonts' extended subsets: named by their content, known to the loader, precached.
  const fonts = readdirSync(path.join(distDir, 'fonts-ext')).sort();
  assert.equal(fonts.length, 6, fonts.join(' '));
  for (const file of fonts) {
    const bytes = readFileSync(path.join(distDir, 'fonts-ext', file));
    const sha = createHash('sha256').update(bytes).digest('hex');
    assert.equal(file, file.replace(/\.[0-9a-f]{8}\.ttf$/, '') + `.${sha.slice(0, 8)}.ttf`, `fonts-ext/${file} is not named by its content`);
    assert.ok(d.precache.includes('fonts-ext/' + file), `sw.js does not precache fonts-ext/${file}`);
  }
  assert.deepEqual(Object.values(d.bundle.fontsExt).sort(), fonts.map((f) => 'fonts-ext/' + f));
  for (const [face, file] of Object.entries(d.bundle.fontsExt)) assert.equal(file.replace(/\.[0-9a-f]{8}\.ttf$/, '.ttf'), 'fonts-ext/' + face);
  // The base faces a first visit leaves out (the serif italics): named by their content, known to
  // the loader, precached (an article read offline may need them), not in the program's .data.
  const faces = readdirSync(path.join(distDir, 'fonts-faces')).sort();
  assert.deepEqual(faces.map((f) => f.replace(/\.[0-9a-f]{8}\.ttf$/, '.ttf')), ['NotoSerif-BoldItalic.ttf', 'NotoSerif-Italic.ttf']);
  assert.deepEqual(Object.values(d.bundle.fontsFaces).sort(), faces.map((f) => 'fonts-faces/' + f));
  for (const file of faces) {
    const sha = createHash('sha256').update(readFileSync(path.join(distDir, 'fonts-faces', file))).digest('hex');
    assert.ok(file.includes(`.${sha.slice(0, 8)}.`), `fonts-faces/${file} is not named by its content`);
    assert.ok(d.precache.includes('fonts-faces/' + file), `sw.js does not precache fonts-faces/${file}`);
  }
  // The program's .data (shell/pack_fonts.py: a little-endian length, a JSON index, the files)
  // holds the four other first-paint faces, whole.
  const pack = readFileSync(path.join(distDir, d.program.data));
  const headerLength = pack.readUInt32LE(0);
  const index = JSON.parse(pack.subarray(4, 4 + headerLength).toString('utf8'));
  assert.deepEqual(Object.keys(index).sort(), ['NotoSans-Bold.ttf', 'NotoSans-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Regular.ttf']);
  const ends = Object.values(index).map(([at, length]) => at + length);
  assert.equal(4 + headerLength + Math.max(...ends), pack.length);
  for (const [at] of Object.values(index)) assert.equal(pack.readUInt32BE(4 + headerLength + at), 0x00010000, 'not a TrueType file');
  for (const file of d.precache) assert.ok(existsSync(path.join(distDir, file)), `sw.js precaches ${file}, which is missing`);
  // The fonts beyond the base faces: named by their content, never precached; the loader knows the
  // six versions of their manifest, which list the same files in the same order.
  const more = readdirSync(path.join(distDir, 'fonts')).sort();
  assert.ok(more.length > 500, `${more.length} files in fonts/`);
  for (const file of more) {
    const sha = createHash('sha256').update(readFileSync(path.join(distDir, 'fonts', file))).digest('hex');
    assert.equal(file, file.replace(/\.[0-9a-f]{8}\.(ttf|otf|json)$/, '') + `.${sha.slice(0, 8)}.${file.split('.').pop()}`, `fonts/${file}`);
  }
  assert.deepEqual(d.precache.filter((f) => f.startsWith('fonts/')), []);
  assert.deepEqual(Object.keys(d.bundle.fontsMore).sort(),
    ['fonts-all.json', 'fonts-ja.json', 'fonts-ko.json', 'fonts-zh-Hans.json', 'fonts-zh-Hant.json', 'fonts.json']);
  const lists = Object.values(d.bundle.fontsMore).map((p) => JSON.parse(readFileSync(path.join(distDir, p), 'utf8')));
  const files = (m) => m.families.flatMap((f) => f.files.map((x) => x.file));
  for (const m of lists) assert.deepEqual(files(m), files(lists[0]));
  assert.deepEqual([...new Set(files(lists[0]))].sort(), more.filter((f) => !f.endsWith('.json')));
  assert.ok(d.precache.includes('articles/index.json'));
  assert.ok(d.precache.includes('articles/russie-munitions-nord-coreennes.json'));
  assert.ok(d.index.length < 4096, `index.html is ${d.index.length} bytes`);
  // The page goes out without its comments but the one a host needs (on the origins it lists),
  // and without the assembly's markers.
  const comments = [...d.index.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]);
  assert.equal(comments.length, 1, comments.join('|'));
  assert.match(d.index, /-->\n<meta name="article-viewer-origins"/);
  // Our scripts go out without their comment-only lines and their lines' indentation
  // (shell/assemble_dist.py; a line inside a multi-line template literal keeps its spaces), nothing
  // else changed: every other line of the source is there, in order.
  for (const ref of refs.filter((r) => /^(loader|controls|mirror)\./.test(r))) {
    const shipped = readFileSync(path.join(distDir, ref), 'utf8').split('\n');
    assert.deepEqual(shipped.filter((l) => l.trim().startsWith('//')), [], `${ref} keeps comment lines`);
    const source = readFileSync(path.join(repo, 'shell', ref.replace(/\.[0-9a-f]{8}\.js$/, '.js')), 'utf8').split('\n')
      .filter((l) => !l.trim().startsWith('//'));
    if (!ref.startsWith('loader.')) {
      assert.deepEqual(shipped.map((l) => l.trimStart()), source.map((l) => l.trimStart()),
        `${ref} differs from its source beyond the comments and the indentation`);
      assert.ok(shipped.every((l, i) => l === source[i].trimStart() || l === source[i]), `${ref}: a line changed otherwise`);
      assert.ok(shipped.filter((l) => /^\s/.test(l)).length < source.filter((l) => /^\s/.test(l)).length / 10,
        `${ref} keeps its indentation`);
    }
  }
});

test('the assembly prints every file of dist/ with its size, raw and gzipped', () => {
  const { dir, output, remove } = rebuiltBundle(distDir, { same: true, report: true });
  try {
    const human = (n) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);
    const rows = new Map();
    for (const m of output.matchAll(/^ {2}(\S+) +(\d+(?:\.\d)? (?:KiB|B)) +(\d+(?:\.\d)? (?:KiB|B))$/gm)) rows.set(m[1], [m[2], m[3]]);
    const all = readdirSync(dir, { recursive: true }).filter((f) => !statSync(path.join(dir, f)).isDirectory());
    // The on-demand fonts are listed per family (files, raw, gzip -9 as the manifest says).
    const slice = (f) => f.startsWith('fonts/') && !f.endsWith('.json');
    const files = all.filter((f) => !slice(f));
    assert.ok(files.length > 20, files.join(' '));
    const families = new Map();
    for (const m of output.matchAll(/^ {4}(\S+) +(\d+) +(\d+(?:\.\d)? (?:MiB|KiB|B)) +(\d+(?:\.\d)? (?:MiB|KiB|B))$/gm)) families.set(m[1], [Number(m[2]), m[3], m[4]]);
    const sliceFiles = all.filter(slice);
    if (sliceFiles.length) {
      const manifest = all.find((f) => /^fonts\/fonts-all\.[0-9a-f]{8}\.json$/.test(f));
      const expected = new Map();
      for (const family of JSON.parse(readFileSync(path.join(dir, manifest), 'utf8')).families) {
        const row = expected.get(family.name) || [0, 0];
        for (const file of family.files) {
          row[0] += 1;
          row[1] += readFileSync(path.join(dir, 'fonts', file.file)).length;
        }
        expected.set(family.name, row);
      }
      const big = (n) => (n >= 10 * 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : human(n));
      for (const [name, [count, raw]] of expected) {
        assert.ok(families.has(name), `family ${name} is not in the report:\n${output}`);
        assert.deepEqual(families.get(name).slice(0, 2), [count, big(raw)], `family ${name}`);
      }
      assert.equal(families.get('all')[0], sliceFiles.length);
    }
    for (const file of files) {
      const bytes = readFileSync(path.join(dir, file));
      assert.ok(rows.has(file), `${file} is not in the report:\n${output}`);
      const [raw, gz] = rows.get(file);
      assert.equal(raw, human(bytes.length), `${file}: raw size`);
      const expected = gzipSync(bytes, { level: 9 }).length;
      const printed = parseFloat(gz) * (gz.endsWith('KiB') ? 1024 : 1);
      // The report rounds to 0.1 KiB, and Python's gzip and Node's zlib may differ (Node's is
      // Chromium's zlib: on the fonts' manifests, long runs of map letters, it writes 2.2 % fewer
      // bytes than Python's, and GNU gzip -9 0.5 % more): half the rounding step plus 3 %.
      assert.ok(Math.abs(printed - expected) <= 0.05 * 1024 + Math.max(16, expected * 0.03), `${file}: gzipped ${gz}, expected about ${human(expected)}`);
    }
    assert.equal(rows.size, files.length, 'the report lists files that are not in dist/');
    assert.match(output, /first visit \(page, program, fonts, default article\): [\d.]+ KiB raw, [\d.]+ KiB gzipped/);
  } finally {
    remove();
  }
});

test('serve.py: a year of caching for hashed files, none for index.html, sw.js and the manifest', async () => {
  const d = describe();
  const server = await serve();
  try {
    for (const name of [d.program.wasm, d.program.data, d.program.js, d.loaderName, ...Object.values(d.bundle.fontsExt)]) {
      assert.match((await fetch(server.url + name)).headers.get('cache-control'), /max-age=31536000.*immutable/, name);
    }
    for (const name of ['', 'index.html', 'sw.js', 'manifest.webmanifest']) {
      assert.equal((await fetch(server.url + name)).headers.get('cache-control'), 'no-cache', name || '/');
    }
  } finally {
    server.stop();
  }
});

test('after one visit, the page reloads and reads with no network, at the same place', async () => {
  const site = siteWith({ 'articles/extra.json': article('extra', 'Un autre article', 40) });
  let server, context;
  try {
    server = await serve(site.dir);
    context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await waitForState(page, 'state.ready');
    assert.equal(await page.evaluate(() => window.articleViewer.offline), true, 'the bundle was not cached');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // An article opened once is kept for offline reading.
    await page.evaluate(() => window.articleViewer.open('articles/extra.json'));
    await waitForState(page, "state.ready && state.articleId === 'extra'");
    // Back to the seed, read a little way in.
    await page.goto(server.url);
    let state = await waitForState(page, 'state.ready');
    assert.equal(state.articleId, seed.id);
    // Mid-way through a paragraph (offset > 0): a place the URL's #block alone cannot give back.
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await settle(page);
    state = await wheelUntil(page, (a) => a.block > 0 && a.offset > 0);
    const place = state.anchor;
    const key = 'article-viewer/progress/' + seed.id;
    await page.waitForFunction(([k, a]) => {
      const v = JSON.parse(localStorage.getItem(k) || 'null');
      return v && v.anchor.block === a.block && v.anchor.offset === a.offset;
    }, [key, place], { timeout: 5000 });

    await context.setOffline(true);
    await stopped(server);
    await page.goto(server.url);  // without the #fragment: the place comes from storage only
    state = await waitForState(page);
    assert.equal(state.error, null);
    assert.equal(state.articleId, seed.id);
    assert.equal(state.title, seed.title);
    assert.deepEqual(state.anchor, place, 'the reading position was not restored');
    const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).anchor, key);
    assert.deepEqual({ block: saved.block, offset: saved.offset }, place);

    await page.goto(server.url + '?article=articles/extra.json');
    state = await waitForState(page);
    assert.equal(state.articleId, 'extra', 'an article read once does not open offline');
    // One never opened gives the error screen, not a hang.
    await page.goto(server.url + '?article=articles/never-read.json');
    state = await waitForState(page);
    assert.equal(state.ready, false);
    assert.match(state.error, /articles\/never-read\.json: you are offline, and this article was not saved for offline reading$/);
    assert.deepEqual(errors, []);
  } finally {
    await context?.close();
    server?.stop();
    site.remove();
  }
});

test('dist/ works under a sub-path, and nothing is asked for outside it', async () => {
  const root = tempDir('av-subpath-');
  cpSync(distDir, path.join(root, 'a', 'b'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Host</title><a href="a/b/">Articles</a>\n');
  let server, context;
  try {
    server = await serve(root);
    context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    for (const suffix of ['a/b/', 'a/b', 'a/b/index.html']) {
      await page.goto(server.url + suffix);
      const state = await waitForState(page);
      assert.equal(state.error, null, suffix);
      assert.equal(state.articleId, seed.id, suffix);
      assert.equal(state.source, server.url + 'a/b/articles/russie-munitions-nord-coreennes.json');
    }
    assert.equal(await page.evaluate(() => window.articleViewer.offline), true);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope)), server.url + 'a/b/');
    const outside = requests.filter((u) => u.startsWith(server.url) && !u.startsWith(server.url + 'a/b'));
    assert.deepEqual(outside, []);
  } finally {
    await context?.close();
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a new bundle replaces the old one: no old file runs with new ones, old caches go', async () => {
  const rebuilt = rebuiltBundle();
  const a = describe(), b = describe(rebuilt.dir);
  assert.notEqual(a.bundle.version, b.bundle.version);
  assert.notEqual(a.swVersion, b.swVersion);
  let site, server, context;
  try {
    let page, errors;
    ({ site, server, context, page, errors } = await visited('av-upgrade-'));
    assert.equal(await page.evaluate(() => window.articleViewer.offline), true);
    assert.equal(await page.evaluate(() => window.articleViewer.version), a.bundle.version);

    replaceContents(site, rebuilt.dir);  // the host now has bundle B only
    for (let i = 0; i < 2; i++) {
      await page.reload();
      const state = await waitForState(page);
      assert.equal(state.error, null);
      assert.equal(state.ready, true);
    }
    assert.equal(await page.evaluate(() => window.articleViewer.version), b.bundle.version);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop()));
    const programFiles = loaded.filter((n) => n.startsWith('article-viewer.'));
    assert.deepEqual(programFiles.sort(), Object.values(b.program).sort(), `loaded ${loaded.join(' ')}`);
    // The browser looks for a new sw.js once the page is loaded and the old worker idle; the new
    // worker then precaches bundle B, deletes bundle A's cache and takes the page over.
    await until(page, async (version) => {
      const bundles = (await caches.keys()).filter((n) => n.includes(' bundle '));
      return bundles.length === 1 && bundles[0].endsWith(' ' + version);
    }, b.swVersion);
    await until(page, (version) => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => resolve(e.data === version);
      navigator.serviceWorker.controller.postMessage('version', [channel.port2]);
      setTimeout(() => resolve(false), 1000);
    }), b.swVersion);

    // ...and bundle B reads offline on its own.
    await context.setOffline(true);
    await stopped(server);
    await page.reload();
    const state = await waitForState(page);
    assert.equal(state.ready, true);
    assert.equal(await page.evaluate(() => window.articleViewer.version), b.bundle.version);
    assert.deepEqual(errors, []);
  } finally {
    await context?.close();
    server?.stop();
    if (site) rmSync(site, { recursive: true, force: true });
    rebuilt.remove();
  }
});

// Hardening issue, item 6: a deployment under way, the host's new index.html up before its loader.
// A reader who has the worker gets the complete cached bundle; one who has not is told, with a Retry
// that works once the host is whole (a white page before).
test('a page whose files are not all on the host: the cached bundle, else a notice with Retry', async () => {
  const rebuilt = rebuiltBundle();
  const a = describe(), b = describe(rebuilt.dir);
  assert.notEqual(a.loaderName, b.loaderName);
  let site, server, context, bare;
  try {
    let page, errors;
    ({ site, server, context, page, errors } = await visited('av-partial-'));

    // The new page first, nothing else of bundle B yet.
    writeFileSync(path.join(site, 'index.html'), b.index);
    await page.reload();
    const state = await waitForState(page);
    assert.equal(state.error, null);
    assert.equal(state.ready, true);
    assert.equal(await page.evaluate(() => window.articleViewer.version), a.bundle.version);
    assert.deepEqual(errors, []);

    // Without a worker (a first visit, or one that is not there yet): the notice, then Retry.
    bare = await browser.newContext({ serviceWorkers: 'block' });
    const fresh = await bare.newPage();
    await fresh.goto(server.url);
    const notice = fresh.locator('#no-loader');
    await notice.waitFor({ state: 'visible', timeout: 20000 });
    assert.match(await notice.textContent(), /did not all arrive/);
    assert.equal(await fresh.evaluate(() => getComputedStyle(document.getElementById('overlay')).visibility), 'visible');
    replaceContents(site, rebuilt.dir);  // the deployment ends
    await fresh.getByRole('link', { name: 'Retry' }).click();
    await waitForState(fresh, 'state.ready');
    assert.equal(await fresh.evaluate(() => window.articleViewer.version), b.bundle.version);
    assert.equal(await notice.isVisible(), false);
  } finally {
    await context?.close();
    await bare?.close();
    server?.stop();
    if (site) rmSync(site, { recursive: true, force: true });
    rebuilt.remove();
  }
});

test('the manifest and its icons make the viewer installable', async () => {
  const server = await serve();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForState(page, 'state.ready');
    assert.equal(await page.evaluate(() => window.articleViewer.offline), true);
    const manifest = await (await fetch(server.url + 'manifest.webmanifest')).json();
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.display, 'standalone');
    const sizes = await page.evaluate(async (icons) => Promise.all(icons.map(async (icon) => {
      const img = new Image();
      img.src = icon.src;
      await img.decode();
      return `${icon.sizes} ${img.naturalWidth}x${img.naturalHeight}`;
    })), manifest.icons.filter((i) => i.type === 'image/png'));
    assert.ok(sizes.includes('192x192 192x192') && sizes.includes('512x512 512x512'), sizes.join(', '));
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send('Page.getAppManifest');
    assert.deepEqual(parsed.errors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are incognito profiles, where Chromium never offers to install.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  } finally {
    await context.close();
    server.stop();
  }
});

test('fonts beyond the base faces: never fetched for a Latin article, kept by the worker once fetched, across bundles', async () => {
  const d = describe();
  const manifestPath = d.bundle.fontsMore['fonts.json'];
  const manifest = JSON.parse(readFileSync(path.join(distDir, manifestPath), 'utf8'));
  const math = 'fonts/' + manifest.families.find((f) => f.name === 'math').files[0].file;
  const rebuilt = rebuiltBundle();
  const site = tempDir('av-fonts-');
  let server, context;
  try {
    cpSync(distDir, site, { recursive: true });
    server = await serve(site);
    context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url);
    await waitForState(page, 'state.ready');
    assert.equal(await page.evaluate(() => window.articleViewer.offline), true);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    assert.deepEqual(requests.filter((p) => p.startsWith('/fonts/')), [], 'the first visit fetched fonts/');
    // Not precached: the bundle's cache holds no font of fonts/.
    const cached = (name) => page.evaluate(async (n) => {
      const keys = await caches.keys();
      const cache = keys.find((k) => k.endsWith(n));
      return cache ? (await (await caches.open(cache)).keys()).map((r) => new URL(r.url).pathname) : [];
    }, name);
    const bundleCache = (await page.evaluate(() => caches.keys())).find((k) => k.includes(' bundle '));
    assert.deepEqual((await cached(bundleCache.split(' ').pop())).filter((p) => p.startsWith('/fonts/')), []);
    // Fetched on demand (as the program asks for a manifest, then a slice): kept in the fonts' cache.
    for (const p of [manifestPath, math]) assert.equal(await page.evaluate((u) => fetch(u).then((r) => r.status), p), 200);
    await until(page, async (want) => {
      const cache = await caches.open((await caches.keys()).find((k) => k.endsWith(' fonts')) || 'none');
      return (await Promise.all(want.map((u) => cache.match(u)))).every(Boolean);
    }, [manifestPath, math]);
    // A font an older bundle listed is dropped at the next update; the ones still listed stay.
    await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((k) => k.endsWith(' fonts')));
      await cache.put('fonts/gone.0123abcd.ttf', new Response('old'));
    });
    replaceContents(site, rebuilt.dir);
    for (let i = 0; i < 2; i++) await page.reload();
    const b = describe(rebuilt.dir);
    await until(page, async (version) => {
      const bundles = (await caches.keys()).filter((n) => n.includes(' bundle '));
      return bundles.length === 1 && bundles[0].endsWith(' ' + version);
    }, b.swVersion);
    await until(page, async () => {
      const cache = await caches.open((await caches.keys()).find((k) => k.endsWith(' fonts')));
      return !(await cache.match('fonts/gone.0123abcd.ttf'));
    });
    const kept = await cached('fonts');
    assert.ok(kept.includes('/' + math), kept.join(' '));
    // ...and serves it offline.
    await context.setOffline(true);
    await stopped(server);
    assert.equal(await page.evaluate((u) => fetch(u).then((r) => r.status), math), 200);
  } finally {
    await context?.close();
    server?.stop();
    rmSync(site, { recursive: true, force: true });
    rebuilt.remove();
  }
});
