// Browser benchmarks (BENCHMARKS.md: first paint, idle frames, transfer size), in Debian's headless
// Chromium through tests/browser/harness.mjs. Prints one JSON object on stdout.
//
//   node browser_bench.mjs --dist DIR --fonts DIR [--runs N] [--idle-seconds S]
//                          --article NAME=ARTICLE.json[,PAGE.html] ...
//
// For each article, in the same browser and alternating run by run, it loads:
//   - the viewer: index.html (the seed, when NAME is "seed") or index.html?article=bench/NAME.json;
//     the time is performance.now() (so, from navigation start) in the frame whose `ready` state
//     change the loader reports (the `articleviewer:state` event): the first frame with text drawn;
//   - the static page PAGE.html (tests/bench/article_to_html.py), with the same fonts: the time is
//     the later of first-contentful-paint and the first animation frame at which Noto Serif has
//     loaded (font-display: block, so text is never painted in a fallback font first).
// Every load gets a fresh browser context: an empty cache, as for a first visit.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

function parseArgs(argv) {
  const a = { runs: 5, idleSeconds: 5, articles: [], dist: null, fonts: null, viewport: [1280, 800] };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i], v = () => argv[++i];
    if (k === '--dist') a.dist = v();
    else if (k === '--fonts') a.fonts = v();
    else if (k === '--runs') a.runs = Math.max(1, Number(v()));
    else if (k === '--idle-seconds') a.idleSeconds = Number(v());
    else if (k === '--article') {
      const [name, files] = v().split('=');
      const [json, html] = files.split(',');
      a.articles.push({ name, json, html });
    } else throw new Error('unknown option ' + k);
  }
  if (!a.dist || !a.fonts || a.articles.length === 0) throw new Error('usage: browser_bench.mjs --dist DIR --fonts DIR --article NAME=JSON[,HTML] ...');
  return a;
}

const median = (v) => {
  const s = [...v].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Runs before any script of the page: records when the viewer's first ready frame was drawn, and
// for the static page the first-contentful-paint and the first frame with Noto Serif loaded.
const probe = () => {
  const bench = (window.__bench = { ready: null, fcp: null, fontFrame: null });
  window.addEventListener('articleviewer:state', (e) => {
    if (bench.ready === null && e.detail && e.detail.ready) {
      bench.ready = performance.now();
      bench.readyEpoch = performance.timeOrigin + bench.ready;  // to compare with requests' start times
    }
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { /* no paint timing */ }
  const tick = () => {
    if (document.fonts && document.body && document.body.textContent.trim()) {
      for (const face of document.fonts) {
        if (face.family.replace(/"/g, '') === 'Noto Serif' && face.status === 'loaded') {
          bench.fontFrame = performance.now();
          return;
        }
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

// The static page and the WebGL2 floor are not part of the bundle: serve.py's Content-Security-Policy
// is the viewer's and refuses their inline style and script (README, "Security headers"); a host
// would serve them with a policy of their own. They are measured without one.
const contextOptions = (kind, viewport) => ({ viewport: { width: viewport[0], height: viewport[1] }, bypassCSP: kind !== 'viewer' });

async function measure(browser, url, kind, viewport, onResponse) {
  const context = await browser.newContext(contextOptions(kind, viewport));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (onResponse) page.on('response', onResponse);
  await page.addInitScript(probe);
  await page.goto(url);
  let result;
  if (kind === 'viewer') {
    await page.waitForFunction(() => window.__bench.ready !== null || (window.articleViewer && window.articleViewer.state().error),
      null, { timeout: 120000, polling: 50 });
    result = await page.evaluate(() => {
      const state = window.articleViewer.state();
      // Names without their content hash (loader.1234abcd.js -> loader.js), so runs compare.
      const entries = performance.getEntriesByType('resource').map((r) => ({
        name: r.name.split('/').pop().split('?')[0].replace(/\.[0-9a-f]{8,}(?=\.[A-Za-z0-9]+$)/, ''), end: r.responseEnd,
        folder: new URL(r.name).pathname.split('/').slice(-2, -1)[0] || '' }));
      return { ms: window.__bench.ready, error: state.error, blocks: state.blocks, frames: state.frames, resources: entries };
    });
  } else {
    await page.waitForFunction(() => window.__bench.fontFrame !== null && window.__bench.fcp !== null, null, { timeout: 120000, polling: 50 });
    result = await page.evaluate(() => ({ ms: Math.max(window.__bench.fcp, window.__bench.fontFrame), fcp: window.__bench.fcp, fontFrame: window.__bench.fontFrame }));
  }
  result.errors = errors;
  return { page, context, result };
}

function textDownloads(resources) {
  const text = resources.filter((r) => r.folder === 'text');
  const fonts = resources.filter((r) => r.folder === 'fonts');
  const last = (list) => (list.length ? Math.round(Math.max(...list.map((r) => r.end))) : null);
  return { textFiles: text.map((r) => r.name), textEnd: last(text), fontFiles: fonts.length, fontsEnd: last(fonts) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // harness.mjs reads AV_DIST_DIR when it is loaded, so it is loaded after setting it.
  process.env.AV_DIST_DIR = path.resolve(args.dist);
  const { launch, serve, siteWith } = await import('../browser/harness.mjs');
  // The site: the built dist/, the benchmark articles, their static pages, and the web fonts.
  const files = {};
  for (const a of args.articles) {
    if (a.name !== 'seed') files[`bench/${a.name}.json`] = readFileSync(a.json);
    if (a.html) files[`static/${a.name}.html`] = readFileSync(a.html);
  }
  for (const f of readdirSync(args.fonts)) if (f.endsWith('.ttf')) files[`static/fonts/${f}`] = readFileSync(path.join(args.fonts, f));
  files['static/webgl_floor.html'] = readFileSync(new URL('webgl_floor.html', import.meta.url));
  const site = siteWith(files);
  const server = await serve(site.dir);
  const browser = await launch();
  const out = { chromium: browser.version(), viewport: args.viewport, runs: args.runs, firstPaint: [], idle: null, transfer: null, webglFloor: null };
  try {
    for (const a of args.articles) {
      const viewerUrl = a.name === 'seed' ? server.url : `${server.url}?article=bench/${a.name}.json`;
      const staticUrl = `${server.url}static/${a.name}.html`;
      const viewer = [], plain = [];
      let detail = null;
      for (let run = 0; run < args.runs; run++) {
        const v = await measure(browser, viewerUrl, 'viewer', args.viewport);
        if (v.result.error) throw new Error(`viewer: ${a.name}: ${v.result.error}`);
        viewer.push(v.result.ms);
        detail = v.result;
        await v.context.close();
        if (a.html) {
          const s = await measure(browser, staticUrl, 'static', args.viewport);
          plain.push(s.result.ms);
          await s.context.close();
        }
      }
      out.firstPaint.push({
        article: a.name, bytes: readFileSync(a.json).length, blocks: detail.blocks,
        viewerMs: median(viewer), viewerRuns: viewer, staticMs: plain.length ? median(plain) : null, staticRuns: plain,
        ratio: plain.length ? median(viewer) / median(plain) : null,
        // When each download finished in the last viewer run (ms from navigation start).
        resources: Object.fromEntries(detail.resources.map((r) => [r.name, Math.round(r.end)])),
        // What text beyond the base faces cost it: the second module (dist/text/) and the font
        // files of dist/fonts/ (the catalog included), with when the last of them arrived.
        text: textDownloads(detail.resources),
      });
    }

    // What any WebGL2 page pays here before its first frame (webgl_floor.html): the part of the
    // viewer's first paint that no change to the viewer can remove.
    const floors = [];
    for (let run = 0; run < args.runs; run++) {
      const context = await browser.newContext(contextOptions('floor', args.viewport));
      const page = await context.newPage();
      await page.goto(`${server.url}static/webgl_floor.html`);
      await page.waitForFunction(() => window.__floor, null, { timeout: 60000, polling: 50 });
      floors.push(await page.evaluate(() => window.__floor));
      await context.close();
    }
    const pick = (k) => median(floors.map((f) => f[k]));
    out.webglFloor = { start: pick('start'), context: pick('context'), firstQuery: pick('firstQuery'), program: pick('program'),
      draw: pick('draw'), frame: pick('frame'), runs: floors.map((f) => Math.round(f.frame)) };

    // Idle and transfer size: the seed in the viewer, recording every response until the first
    // ready frame, then counting the frames drawn during idleSeconds without any input.
    const responses = [];
    const onResponse = (response) => responses.push(response);
    const v = await measure(browser, server.url, 'viewer', args.viewport, onResponse);
    const firstPaintResponses = responses.length;
    // The first visit is what was requested before the first ready frame: what the page fetches
    // after it (loader.js's after-first-frame scripts) may answer before the poll above saw it.
    const readyEpoch = await v.page.evaluate(() => window.__bench.readyEpoch);
    const transfer = [];
    for (const r of responses.slice(0, firstPaintResponses)) {
      if (r.status() !== 200) continue;
      if (readyEpoch && r.request().timing().startTime > readyEpoch) continue;
      const body = await r.body().catch(() => null);
      if (!body) continue;
      transfer.push({ file: new URL(r.url()).pathname.replace(/^\//, '') || 'index.html', bytes: body.length,
        gzip6: gzipSync(body, { level: 6 }).length, gzip9: gzipSync(body, { level: 9 }).length });
    }
    const sum = (k) => transfer.reduce((n, t) => n + t[k], 0);
    out.transfer = { files: transfer, bytes: sum('bytes'), gzip6: sum('gzip6'), gzip9: sum('gzip9') };
    await v.page.waitForTimeout(1000);  // the few settle frames after the article appears
    const before = await v.page.evaluate(() => window.articleViewer.state().frames);
    await v.page.waitForTimeout(args.idleSeconds * 1000);
    const after = await v.page.evaluate(() => window.articleViewer.state().frames);
    out.idle = { seconds: args.idleSeconds, frames: after - before, framesBefore: before };
    // A Latin article must never fetch the text module or any file of dist/fonts/: every request of
    // the visit, until the end of the idle time (the ones after the first frame too).
    const paths = responses.map((r) => new URL(r.url()).pathname.replace(/^\//, ''));
    out.latinVisit = { requests: paths.length, afterFirstFrame: paths.slice(firstPaintResponses),
      textModule: paths.filter((p) => p.startsWith('text/')), fontFiles: paths.filter((p) => p.startsWith('fonts/')) };
    await v.context.close();
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
