// serve.py's Content-Security-Policy (README, "Security headers"): the viewer works fully under it
// (the program, its fonts and the extended ones, an article and its picture from another origin,
// that picture printed, the service worker, the single-file page), and the policy refuses what it is there to refuse
// (inline script, eval, being framed by another site).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, solidPng, corsHost, siteWith, allowOrigins } from './harness.mjs';

let server, browser, other, site;

const article = (id, picture) => JSON.stringify({
  format: 'article/1', id, lang: 'el', title: `Άρθρο ${id}`,
  blocks: [
    { type: 'image', src: picture, alt: 'Ένα κόκκινο τετράγωνο', width: 400, height: 200 },
    { type: 'paragraph', text: 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. '.repeat(8) },
  ],
});

before(async () => {
  other = await corsHost();
  // The publisher lets articles come from the other origin (else the page refuses to open them).
  site = siteWith({});
  allowOrigins(site.dir, [other.origin]);
  server = await serve(site.dir);
  browser = await launch();
  other.files['/pic.png'] = { type: 'image/png', body: solidPng(40, 20, [220, 20, 20]) };
  other.files['/pic2.png'] = { type: 'image/png', body: solidPng(40, 20, [20, 20, 220]) };
  other.files['/remote.json'] = { type: 'application/json', body: article('remote', other.url + 'pic.png') };
  other.files['/second.json'] = { type: 'application/json', body: article('second', other.url + 'pic2.png') };
});
after(async () => { await browser?.close(); server?.stop(); other?.close(); site?.remove(); });

// Every violation the page reports, and every console line about the policy.
async function watched(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  const console = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) console.push(m.text()); });
  const violations = async () => [...await page.evaluate(() => window.__violations), ...console];
  return { page, violations };
}

const directives = (policy) => Object.fromEntries((policy || '').split(';').map((d) => d.trim()).filter(Boolean)
  .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]));

test('the viewer works fully under the policy: program, fonts, another origin\'s article and picture, offline', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const { page, violations } = await watched(context);
  const response = await page.goto(server.url + '?article=' + encodeURIComponent(other.url + 'remote.json'));
  const policy = directives(response.headers()['content-security-policy']);
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy['frame-ancestors'], ["'none'"]);
  // A print loads the pictures as <img>s, from the hosts connect-src already reaches.
  assert.deepEqual(policy['img-src'], ["'self'", 'https:', 'http:']);
  assert.deepEqual(policy['connect-src'], ["'self'", 'https:', 'http:']);
  let state = await waitForState(page, 'state.error || (state.ready && state.images.loaded >= 1 && state.fontsExtended)');
  assert.equal(state.error, null);
  assert.equal(state.articleId, 'remote');
  // The other origin's picture prints as a picture (window.print only answers here).
  await page.evaluate(() => { window.print = () => {}; });
  assert.deepEqual(await page.evaluate(() => window.articleViewer.print()), { pictures: 1, printed: 1 });
  // The service worker precaches the bundle (its own fetches are under sw.js's policy)...
  assert.equal(await page.evaluate(() => window.articleViewer.offline), true, 'the bundle was not cached');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // ... and, in control, fetches the next article and picture from the other origin itself.
  await page.evaluate((url) => window.articleViewer.open(url), other.url + 'second.json');
  state = await waitForState(page, "state.error || (state.ready && state.articleId === 'second' && state.images.loaded >= 1)");
  assert.equal(state.error, null);
  assert.deepEqual(await violations(), []);
  await context.close();
});

test('the policy refuses inline script, eval and being framed by another site', async () => {
  const context = await browser.newContext();
  const { page, violations } = await watched(context);
  await page.goto(server.url);
  assert.equal((await waitForState(page)).error, null);
  // Tried in a task of the page's own: code that DevTools runs (page.evaluate) may eval freely.
  const refused = await page.evaluate(() => new Promise((resolve) => setTimeout(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = "ran"';
    document.body.appendChild(script);
    const attempt = (f) => { try { f(); return 'ran'; } catch (e) { return e.name; } };
    resolve({ inline: window.__inline || 'refused', eval: attempt(() => eval('1 + 1')), fn: attempt(() => new Function('return 1')()) });
  }, 0)));
  assert.deepEqual(refused, { inline: 'refused', eval: 'EvalError', fn: 'EvalError' });
  assert.ok((await violations()).some((v) => v.startsWith('script-src')), 'no violation reported');

  // A page of another origin that frames the viewer gets an error page in the frame, not the viewer.
  other.files['/frame.html'] = { type: 'text/html', body: `<!doctype html><iframe src="${server.url}"></iframe>` };
  const framer = await context.newPage();
  await framer.goto(other.url + 'frame.html');
  await framer.waitForTimeout(1500);
  const frame = framer.frames().find((f) => f !== framer.mainFrame());
  assert.ok(frame, 'no frame');
  const viewer = await frame.evaluate(() => typeof window.articleViewer).catch(() => 'unreachable');
  assert.notEqual(viewer, 'object', `the viewer ran in a frame of another site (${frame.url()})`);
  await context.close();
});

test('the single-file page, served over HTTP, works under its own policy', async () => {
  const context = await browser.newContext();
  const { page, violations } = await watched(context);
  const response = await page.goto(server.url + 'article-viewer.html');
  const policy = directives(response.headers()['content-security-policy']);
  assert.ok(policy['script-src']?.includes("'unsafe-inline'"), JSON.stringify(policy));
  assert.deepEqual(policy['img-src'], ["'self'", 'data:', 'https:', 'http:']);
  const state = await waitForState(page);
  assert.equal(state.error, null);
  assert.ok(state.ready);
  assert.deepEqual(await violations(), []);
  await context.close();
});
