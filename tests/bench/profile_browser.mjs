// Where the time to first paint goes: loads the viewer in headless Chromium with the V8 sampling
// profiler on (Chrome DevTools Protocol, through playwright-core), from navigation start to the
// first ready frame, and prints the functions with the most self time (JS and wasm; build the
// wasm with --profiling-funcs to see C++ names). A tool for BENCHMARKS.md, not a benchmark.
//
//   node profile_browser.mjs --dist DIR [--article bench/NAME.json=FILE.json] [--top N] [--out PROFILE.cpuprofile]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = { dist: null, article: null, top: 40, out: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const k = argv[i], v = () => argv[++i];
  if (k === '--dist') args.dist = v();
  else if (k === '--article') args.article = v().split('=');
  else if (k === '--top') args.top = Number(v());
  else if (k === '--out') args.out = v();
  else throw new Error('unknown option ' + k);
}
// harness.mjs reads AV_DIST_DIR when it is loaded, so it is loaded after setting it.
process.env.AV_DIST_DIR = path.resolve(args.dist);
const { launch, serve, siteWith } = await import('../browser/harness.mjs');

// Function names from the wasm's "name" custom section (V8's profiler shows wasm-function[N]).
function wasmNames(file) {
  const b = readFileSync(file);
  const names = new Map();
  let p = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  while (p < b.length) {
    const id = b[p++], size = leb(), end = p + size;
    if (id === 0) {
      const nameLen = leb();
      const sectionName = b.toString('utf8', p, p + nameLen);
      p += nameLen;
      if (sectionName === 'name') {
        while (p < end) {
          const sub = b[p++], subSize = leb(), subEnd = p + subSize;
          if (sub === 1) {
            const count = leb();
            for (let i = 0; i < count; i++) { const index = leb(), len = leb(); names.set(index, b.toString('utf8', p, p + len)); p += len; }
          }
          p = subEnd;
        }
      }
    }
    p = end;
  }
  return names;
}
const wasmFile = readdirSync(args.dist).find((f) => f.endsWith('.wasm'));
const names = wasmFile ? wasmNames(path.join(args.dist, wasmFile)) : new Map();
const site = siteWith(args.article ? { [args.article[0]]: readFileSync(args.article[1]) } : {});
const server = await serve(site.dir);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__ready = null;
    window.addEventListener('articleviewer:state', (e) => { if (window.__ready === null && e.detail.ready) window.__ready = performance.now(); });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Debugger.enable');  // V8 names wasm functions (name section) only with the debugger on
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(server.url + (args.article ? '?article=' + args.article[0] : ''));
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 120000, polling: 20 });
  const { profile } = await cdp.send('Profiler.stop');
  const ready = await page.evaluate(() => window.__ready);
  if (args.out) writeFileSync(args.out, JSON.stringify(profile));
  // Self time per function name, from the samples.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    let fn = n.callFrame.functionName || '(anonymous)';
    const m = /^wasm-function\[(\d+)\]$/.exec(fn);
    if (m && names.has(Number(m[1]))) fn = 'wasm ' + names.get(Number(m[1]));
    const name = m ? fn : `${fn} ${n.callFrame.url ? n.callFrame.url.split('/').pop() : ''}`.trim();
    self.set(name, (self.get(name) || 0) + (dt[i + 1] || 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`first ready frame at ${ready.toFixed(0)} ms; ${total.toFixed(0)} ms sampled`);
  for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, args.top)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
} finally {
  await browser.close();
  server.stop();
  site.remove();
}
