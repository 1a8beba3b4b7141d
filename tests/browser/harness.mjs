// Shared by the browser tests: serves a folder with serve.py on a free port and drives Debian's
// Chromium through playwright-core (never a downloaded browser).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = process.env.AV_DIST_DIR || path.join(repo, 'build', 'web', 'dist');

// Starts `serve.py --no-build` on a free port; resolves to {url, stop()}.
export function serve(dir = distDir) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [path.join(repo, 'serve.py'), '--no-build', '--dir', dir, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error('serve.py did not start: ' + out)); }, 15000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited with ${code}: ${out}`)); });
  });
}

// Launches headless Chromium with the flags this machine needs (no network beyond loopback).
// playwright gives every launch a fresh, temporary profile of its own.
// Clicks the canvas toolbar's button `name` (its box in state().toolbar.buttons) with the canvas
// focused, lets the frames settle, and returns the state after.
export async function clickToolbarButton(page, name) {
  await page.locator('#canvas').focus();
  const before = await page.evaluate(() => window.articleViewer.state());
  const [x, y, w, h] = before.toolbar.buttons[name];
  await page.mouse.click(x + w / 2, y + h / 2);
  await settle(page);
  return page.evaluate(() => window.articleViewer.state());
}

// `args` are added to the command line, `env` (if given) replaces the browser's environment.
export async function launch({ args = [], env } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', ...args],
    ...(env ? { env } : {}),
  });
}

// Waits until articleViewer.state() satisfies `predicate` (or reports an error); returns the state.
// The predicate is made a function here, not passed as a string: playwright evaluates a string
// predicate again with eval() at each poll, which serve.py's Content-Security-Policy (no
// 'unsafe-eval') refuses whenever the poll runs outside a DevTools call; a function's source is
// evaluated once, as the wait starts, inside the DevTools call (which the policy lets through),
// and then only called.
// `polling` is playwright's: every 100 ms by the page's setTimeout, or 'raf', which a page whose
// timers are held (holdTimers) needs: playwright's polls are the page's timers too, so a wait that
// is not met at its first look would never look again.
export async function waitForState(page, predicate = 'state.ready || state.error', timeout = 30000, polling = 100) {
  const test = new Function(`const state = window.articleViewer && window.articleViewer.state(); return state && (${predicate});`);
  try {
    await page.waitForFunction(test, null, { timeout, polling });
  } catch (e) {
    // A timeout alone says nothing of why: name the predicate and the state the page was in.
    const last = await page.evaluate(() => window.articleViewer && window.articleViewer.state()).catch((why) => String(why));
    e.message += `\nwaiting for: ${predicate}\nlast state: ${JSON.stringify(last)}`;
    throw e;
  }
  return page.evaluate(() => window.articleViewer.state());
}

// Waits until the viewer stops drawing (no frame scheduled, and two polls with the same frame
// count): after input, an animation or a resize, the state then describes what is on screen. The
// first poll only takes the count (a count left by an earlier call would let a frame still to come
// pass unseen); framePending (platform/web.cpp) covers a frame asked for but not yet drawn, which
// on a busy machine can take longer than a poll.
export async function settle(page) {
  await page.evaluate(() => { window.__lastFrames = undefined; });
  return page.waitForFunction(() => {
    const s = window.articleViewer.state();
    const same = window.__lastFrames === s.frames && !s.framePending;
    window.__lastFrames = s.frames;
    return same;
  }, null, { polling: 250, timeout: 20000 });
}

// Runs `action` (a resize, a text size) and waits until the viewer has drawn the new layout.
export async function relayout(page, action) {
  const frames = (await page.evaluate(() => window.articleViewer.state())).frames;
  await action();
  await page.waitForFunction((n) => window.articleViewer.state().frames > n, frames, { timeout: 5000 });
  await settle(page);
  return page.evaluate(() => window.articleViewer.state());
}

// Scrolls with small wheel moves (a third of a notch) until the reader's anchor satisfies `done`
// (a predicate on {block, offset}); returns the settled state.
export async function wheelUntil(page, done, { step = 33, max = 60 } = {}) {
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < max; i++) {
    const s = await page.evaluate(() => window.articleViewer.state());
    if (done(s.anchor)) return s;
    await page.mouse.wheel(0, step);
    await settle(page);
  }
  throw new Error(`anchor never matched: ${JSON.stringify((await page.evaluate(() => window.articleViewer.state())).anchor)}`);
}

// Reads the text of a PNG with tesseract (Debian's tesseract-ocr, French): the words found, each
// with its box in the image's pixels ({text, x, y, w, h}).
export function ocr(png) {
  const dir = mkdtempSync(path.join(tmpdir(), 'av-ocr-'));
  try {
    writeFileSync(path.join(dir, 'in.png'), png);
    const tsv = execFileSync('tesseract', [path.join(dir, 'in.png'), '-', '-l', 'fra', '--psm', '11', 'tsv'],
      { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return tsv.split('\n').slice(1).map((l) => l.split('\t')).filter((f) => f.length >= 12 && f[11].trim())
      .map((f) => ({ text: f[11].trim(), x: +f[6], y: +f[7], w: +f[8], h: +f[9] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Installed with page.addInitScript: while window.__holdTimers is true, setTimeout callbacks
// (the program's save timer among them) wait. Frames (requestAnimationFrame) still run, so the
// reader moves but nothing is saved until the page is hidden or the hold ends.
// While timers are held, waits on the page must poll with 'raf' (see waitForState).
export function holdTimers() {
  const setTimeoutNative = window.setTimeout.bind(window);
  window.__holdTimers = false;
  window.setTimeout = (fn, ms, ...args) => setTimeoutNative(function run() {
    if (window.__holdTimers) setTimeoutNative(run, 50);
    else if (typeof fn === 'function') fn(...args);
  }, ms);
}

// Runs `measure(images, arg)` in a blank page of the same browser, `images` being the ImageData of
// each PNG in `pngs`: screenshots are measured in the browser itself, no image library needed.
// `measure` is sent as source text, so it can use only its arguments.
export async function withPixels(page, pngs, measure, arg = null) {
  const probe = await page.context().browser().newPage();
  try {
    return await probe.evaluate(async ([images, source, extra]) => {
      const decoded = [];
      for (const b64 of images) {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        const c = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        decoded.push(g.getImageData(0, 0, c.width, c.height));
      }
      return (0, eval)('(' + source + ')')(decoded, extra);
    }, [pngs.map((png) => png.toString('base64')), measure.toString(), arg]);
  } finally {
    await probe.close();
  }
}

// The share of pixels of a PNG screenshot that differ from the most common colour, and of
// clearly dark ("ink") pixels.
export function inkStats(page, png) {
  return withPixels(page, [png], ([{ data: d, width, height }]) => {
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const key = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    let bg = 0, most = 0;
    for (const [k, n] of counts) if (n > most) { most = n; bg = k; }
    const bgLum = (((bg >> 16) & 255) + ((bg >> 8) & 255) + (bg & 255)) / 3;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      const lum = (d[i] + d[i + 1] + d[i + 2]) / 3;
      if (Math.abs(lum - bgLum) > 96) ink++;
    }
    const pixels = d.length / 4;
    return { width, height, nonBackground: 1 - most / pixels, ink: ink / pixels, colors: counts.size };
  });
}

// Compares two PNG screenshots of the same size in the browser: the share of pixels whose colour
// differs by more than `threshold` (0..255) in any channel. Re-rasterised glyphs differ by a few
// levels at their edges; text moved by a line changes a few percent of the pixels.
export function pixelDiff(page, a, b, threshold = 48) {
  return withPixels(page, [a, b], ([p, q], t) => {
    if (p.width !== q.width || p.height !== q.height) return 1;
    let n = 0;
    for (let i = 0; i < p.data.length; i += 4) {
      if (Math.abs(p.data[i] - q.data[i]) > t || Math.abs(p.data[i + 1] - q.data[i + 1]) > t ||
        Math.abs(p.data[i + 2] - q.data[i + 2]) > t) n++;
    }
    return n / (p.data.length / 4);
  }, threshold);
}

// Copies the built site to a temporary folder and adds `files` ({relative path: Buffer|string});
// returns the folder and a remove() for the test's end. Extra test files never touch build/.
export function siteWith(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'av-site-'));
  cpSync(distDir, dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// For a test file whose tests all use one site: dist/ plus `files` (siteWith; a function is called
// in before(), for files made then), served, and a browser, set up before the file's tests and
// taken down after them. The returned object's `url` and `browser` are there once they run.
export function servedSite(files) {
  const served = { url: null, browser: null };
  let site, server;
  before(async () => {
    site = siteWith(typeof files === 'function' ? await files() : files);
    server = await serve(site.dir);
    served.url = server.url;
    served.browser = await launch();
  });
  after(async () => {
    await served.browser?.close();
    server?.stop();
    site?.remove();
  });
  return served;
}

// Another origin (another port of 127.0.0.1), answering with CORS as a host of articles and pictures
// would (without `cors`: with no CORS header, as most hosts do): {url ("http://127.0.0.1:PORT/"),
// origin, files ({path: {type, body}}, filled by the test), close()}.
export function corsHost({ cors = true } = {}) {
  return new Promise((resolve) => {
    const files = {};
    const http = createServer((req, res) => {
      const file = files[new URL(req.url, 'http://x').pathname];
      if (!file) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'Content-Type': file.type, ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}) }).end(file.body);
    });
    http.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${http.address().port}/`;
      resolve({ url, origin: url.slice(0, -1), files, close: () => http.close() });
    });
  });
}

// The page of `dir` letting articles come from `origins` too (README, "Which articles a page
// opens"): its <meta name="article-viewer-origins">, as a publisher edits it.
export function allowOrigins(dir, origins) {
  const file = path.join(dir, 'index.html');
  const page = readFileSync(file, 'utf8');
  const edited = page.replace(/(<meta name="article-viewer-origins" content=")[^"]*(")/, `$1${origins.join(' ')}$2`);
  if (edited === page && origins.length) throw new Error(`${file}: no <meta name="article-viewer-origins">`);
  writeFileSync(file, edited);
}

// A solid-colour RGB PNG of width x height (zlib from node's standard library).
export function solidPng(width, height, [r, g, b]) {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, body) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type), body]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(typed));
    return Buffer.concat([len, typed, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
