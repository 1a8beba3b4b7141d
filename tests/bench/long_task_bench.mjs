// The page's longest main-thread task while an article loads (issue 20, item 7: none over 200 ms
// for any article under the limits), and its first paint, in Debian's headless Chromium. Prints
// one JSON line per article on stdout.
//
//   node long_task_bench.mjs --dist DIR [--runs N] --article NAME=ARTICLE.json ...
//
// Each run opens index.html?article=bench/NAME.json in a fresh context and records, from navigation
// start: every `longtask` entry (tasks over 50 ms: a PerformanceObserver installed before any of
// the page's scripts), the first frame with text (the loader's ready state event), and the end of
// the screen-reader copy (#mirror's aria-busy false): what "loads" means here. Reported per
// article: the median over runs of the longest task once the article is handed to the program and
// of the first paint, the worst run's longest task, and how many tasks went over 50 ms. The tasks
// before (compiling the program, its fonts, its first frame) are every page's start, the same for
// any article: reported apart, as the longest start-up task.
import { readFileSync } from 'node:fs';
import path from 'node:path';

function parseArgs(argv) {
  const a = { runs: 5, articles: [], dist: null, viewport: [1280, 800] };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i], v = () => argv[++i];
    if (k === '--dist') a.dist = v();
    else if (k === '--runs') a.runs = Math.max(1, Number(v()));
    else if (k === '--article') {
      const [name, json] = v().split('=');
      a.articles.push({ name, json });
    } else throw new Error('unknown option ' + k);
  }
  if (!a.dist || a.articles.length === 0) throw new Error('usage: long_task_bench.mjs --dist DIR [--runs N] --article NAME=JSON ...');
  return a;
}

const median = (v) => {
  const s = [...v].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const probe = () => {
  const bench = (window.__bench = { ready: null, arrived: null, tasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  window.addEventListener('articleviewer:state', (e) => {
    // The first state event comes from inside the task that hands the article to the program.
    if (bench.arrived === null) bench.arrived = performance.now();
    if (bench.ready === null && e.detail && e.detail.ready) bench.ready = performance.now();
  });
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  process.env.AV_DIST_DIR = path.resolve(args.dist);  // read by harness.mjs as it loads
  const { launch, serve, siteWith } = await import('../browser/harness.mjs');
  const files = {};
  for (const a of args.articles) files[`bench/${a.name}.json`] = readFileSync(a.json);
  const site = siteWith(files);
  const server = await serve(site.dir);
  const browser = await launch();
  try {
    for (const a of args.articles) {
      const runs = [];
      for (let run = 0; run < args.runs; run++) {
        const context = await browser.newContext({ viewport: { width: args.viewport[0], height: args.viewport[1] } });
        const page = await context.newPage();
        await page.addInitScript(probe);
        await page.goto(`${server.url}?article=bench/${a.name}.json`);
        await page.waitForFunction(() => window.__bench.ready !== null || (window.articleViewer && window.articleViewer.state().error),
          null, { timeout: 300000, polling: 100 });
        await page.waitForFunction(() => document.getElementById('mirror').getAttribute('aria-busy') === 'false', null,
          { timeout: 600000, polling: 250 });
        const r = await page.evaluate(() => ({ ...window.__bench, copied: performance.now(), state: window.articleViewer.state() }));
        if (r.state.error) throw new Error(`${a.name}: ${r.state.error}`);
        // The program's start (compiling it, its fonts, its first frame) comes before the article
        // is handed to it and is the same for every article: apart from the article's own tasks.
        const tasks = r.tasks.filter((t) => t.start <= r.copied && t.start + t.duration >= r.arrived);
        const startup = r.tasks.filter((t) => t.start + t.duration < r.arrived);
        runs.push({ firstPaint: r.ready, copied: r.copied, longest: Math.max(0, ...tasks.map((t) => t.duration)), over50: tasks.length,
          startup: Math.max(0, ...startup.map((t) => t.duration)), blocks: r.state.blocks });
        await context.close();
      }
      process.stdout.write(JSON.stringify({
        article: a.name, bytes: readFileSync(a.json).length, blocks: runs[0].blocks, runs: runs.length,
        longestMs: median(runs.map((r) => r.longest)), worstMs: Math.max(...runs.map((r) => r.longest)),
        over50: median(runs.map((r) => r.over50)), startupMs: median(runs.map((r) => r.startup)), firstPaintMs: median(runs.map((r) => r.firstPaint)),
        copiedMs: median(runs.map((r) => r.copied)), chromium: browser.version(),
      }) + '\n');
    }
  } finally {
    await browser.close();
    server.stop();
    site.remove();
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
