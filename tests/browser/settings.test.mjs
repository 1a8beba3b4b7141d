// The reader's settings (reader settings issue): each one through the API, the canvas's panel and
// the page's own buttons is applied (the state and the layout show it), remembered after a reload,
// and keeps the reader's line; a corrupt or foreign stored value gives the defaults without an
// error; "auto" follows prefers-color-scheme live; a first visit fetches no font family's file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, settle } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const state = (page) => page.evaluate(() => window.articleViewer.state());
// The layout on screen was made with the fonts and text services (a hyphenation dictionary) there are.
const caughtUp = 'state.layout.fontSet === state.fontSet && state.layout.textServices === state.textServices';
const defaults = { theme: 'auto', fontSize: 20, font: 'serif', measure: 70, lineSpacing: 1.5, justify: false,
  speechRate: 1, voice: '', readSponsored: false };

async function open({ width = 1000, height = 700, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // Every articleviewer:settings event, from the first one on, across reloads (sessionStorage).
  await page.addInitScript(() => {
    window.addEventListener('articleviewer:settings', (e) => {
      const seen = JSON.parse(sessionStorage.getItem('settings-events') || '[]');
      seen.push(e.detail);
      sessionStorage.setItem('settings-events', JSON.stringify(seen));
    });
  });
  await page.goto(server.url);
  await waitForState(page, 'state.ready');
  return { context, page, problems, requests };
}

const events = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('settings-events') || '[]'));

// The reader is in the middle of a paragraph, not at a block's start, so that a relayout that lost
// the offset would show.
async function readSomewhere(page) {
  await page.evaluate(() => window.articleViewer.scrollToBlock(10));
  await settle(page);
  const { width, height } = page.viewportSize();
  await page.mouse.move(width / 2, height / 2);
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, 40);
    await settle(page);
    const s = await state(page);
    if (s.anchor.offset > 0) return s;
  }
  throw new Error('the reader never got inside a paragraph');
}

// What the state and the layout show for each setting.
function assertApplied(s, settings, where) {
  assert.deepEqual(s.settings, settings, where);
  assert.equal(s.fontSize, settings.fontSize, where);
  assert.equal(s.layout.fontSize, settings.fontSize, where);
  assert.equal(s.layout.measure, settings.measure, where);
  assert.equal(s.layout.lineSpacing, settings.lineSpacing, where);
  assert.equal(s.layout.justify, settings.justify, where);
  assert.equal(s.fontFamily, settings.font, where);
  if (settings.theme !== 'auto') assert.equal(s.theme.toLowerCase(), settings.theme, where);
}

// The reader's line is where it was: the same anchor, and the line at the top holds it.
function assertKept(s, before, where) {
  assert.deepEqual(s.anchor, before.anchor, `${where}: the anchor moved`);
  assert.equal(s.firstLine.block, before.anchor.block, `${where}: ${JSON.stringify(s.firstLine)}`);
  assert.ok(s.firstLine.offset <= before.anchor.offset, `${where}: ${JSON.stringify(s.firstLine)} after the anchor`);
}

const steps = [
  { theme: 'sepia' }, { theme: 'dark' }, { fontSize: 26 }, { measure: 50 }, { lineSpacing: 2 }, { justify: true },
  { font: 'sans' }, { font: 'legible' }, { measure: 88, lineSpacing: 1.3 }, { theme: 'light', fontSize: 17 },
];

test('the API: each setting applied, told by an event, the line kept; all remembered after a reload', async () => {
  const { context, page, problems, requests } = await open();
  assert.deepEqual(await page.evaluate(() => window.articleViewer.settings()), defaults);
  assertApplied(await state(page), defaults, 'the defaults');
  const before = await readSomewhere(page);
  let expected = { ...defaults };
  for (const patch of steps) {
    const where = JSON.stringify(patch);
    expected = { ...expected, ...patch };
    const returned = await page.evaluate((p) => window.articleViewer.setSettings(p), patch);
    assert.deepEqual(returned, expected, where);
    await waitForState(page, `state.fontFamily === ${JSON.stringify(expected.font)} && ${caughtUp}`);
    await settle(page);
    const s = await state(page);
    assertApplied(s, expected, where);
    assertKept(s, before, where);
    assert.deepEqual((await events(page)).at(-1), expected, `${where}: the event's detail`);
  }
  assert.equal((await events(page)).length, steps.length, 'one event per change');
  // The same values again change nothing, and say nothing.
  await page.evaluate((p) => window.articleViewer.setSettings(p), expected);
  assert.equal((await events(page)).length, steps.length);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('article-viewer/settings')));
  assert.deepEqual(stored, { version: 1, ...expected });

  const sent = requests.length;
  await page.reload();
  await waitForState(page, 'state.ready');
  // The first frame was laid out with them: no layout with the defaults came first.
  const s = await state(page);
  assertApplied(s, expected, 'after the reload');
  // The family's files were asked once each: the program took the ones loader.js had already
  // asked for (prefetchFamily) rather than asking again.
  const family = requests.slice(sent).filter((p) => p.includes('/fonts-families/'));
  assert.ok(family.length > 0, 'the family was fetched after the reload');
  assert.equal(new Set(family).size, family.length, JSON.stringify(family));
  assert.deepEqual(s.settingsWarnings, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('setSettings refuses an invalid field, naming it, and changes nothing', async () => {
  const { context, page } = await open();
  const attempt = (patch) => page.evaluate((p) => {
    try {
      window.articleViewer.setSettings(p);
      return null;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  }, patch);
  assert.equal(await attempt({ theme: 'blue' }), 'RangeError: theme must be "light", "sepia", "dark" or "auto"');
  assert.equal(await attempt({ fontSize: 8, justify: 'yes', colour: 1 }),
    'RangeError: fontSize must be a number from 12 to 40; justify must be true or false; unknown setting "colour"');
  assert.equal(await attempt({ measure: 70.5, theme: 'dark' }), 'RangeError: measure must be a whole number from 45 to 90');
  assert.equal(await attempt(null), 'RangeError: settings must be a JSON object');
  assert.equal(await attempt([1]), 'RangeError: settings must be a JSON object');
  assert.deepEqual(await page.evaluate(() => window.articleViewer.settings()), defaults);
  assert.deepEqual(await events(page), []);
  assert.equal(await page.evaluate(() => localStorage.getItem('article-viewer/settings')), null);
  await context.close();
});

test('setTheme, setFontSize and the shortcuts are settings too: remembered, and each tells the event', async () => {
  const { context, page } = await open();
  await page.evaluate(() => window.articleViewer.setTheme('sepia'));
  await page.evaluate(() => window.articleViewer.setFontSize(30));
  await page.focus('#canvas');
  await page.keyboard.press('Control+Minus');
  await settle(page);
  const seen = await events(page);
  assert.deepEqual(seen.map((e) => [e.theme, e.fontSize]), [['sepia', 20], ['sepia', 30], ['sepia', 28]]);
  await page.reload();
  await waitForState(page, 'state.ready');
  const s = await state(page);
  assert.equal(s.theme, 'Sepia');
  assert.equal(s.fontSize, 28);
  await context.close();
});

// Clicks the canvas at the middle of a rectangle [x, y, w, h] of the state.
async function clickAt(page, r, where) {
  assert.ok(r, `${where}: not on screen`);
  await page.mouse.click(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await settle(page);
}

for (const width of [1000, 320]) {
  test(`the canvas's panel at ${width} px: "Aa" opens it, each button applies its setting, the line kept`, async () => {
    const { context, page } = await open({ width });
    const before = await readSomewhere(page);
    let s = await state(page);
    // "Aa" is the last control to leave the row (before Library, which never does): from 320 px up
    // it stays, the others going into More (toolbar.test.mjs).
    await clickAt(page, s.toolbar.buttons['Settings…'], `"Aa" on the row: ${JSON.stringify(s.toolbar)}`);
    s = await waitForState(page, 'state.settingsPanel.open');
    assert.ok(s.settingsPanel.box[0] >= 0 && s.settingsPanel.box[0] + s.settingsPanel.box[2] <= width,
      `the panel fits in ${width} px: ${JSON.stringify(s.settingsPanel.box)}`);
    let expected = { ...defaults };
    for (const [key, patch] of [['theme:dark', { theme: 'dark' }], ['fontSize:larger', { fontSize: 22 }], ['font:sans', { font: 'sans' }],
      ['measure:55', { measure: 55 }], ['lineSpacing:1.75', { lineSpacing: 1.75 }], ['justify:true', { justify: true }],
      ['theme:sepia', { theme: 'sepia' }]]) {
      expected = { ...expected, ...patch };
      await clickAt(page, (await state(page)).settingsPanel.items[key], key);
      await waitForState(page, `state.fontFamily === ${JSON.stringify(expected.font)} && ${caughtUp}`);
      await settle(page);
      const now = await state(page);
      assertApplied(now, expected, key);
      assertKept(now, before, key);
      assert.ok(now.settingsPanel.open, `${key}: the panel stays open`);
    }
    await page.keyboard.press('Escape');
    await waitForState(page, '!state.settingsPanel.open');
    await page.reload();
    await waitForState(page, 'state.ready');
    assertApplied(await state(page), expected, 'after the reload');
    await context.close();
  });
}

test('the page\'s buttons: Tab reaches "Settings", each control there applies its setting and says so', async () => {
  const { context, page } = await open();
  const before = await readSomewhere(page);
  await page.focus('#canvas');
  await page.keyboard.press('Tab');
  let name = '';
  for (let i = 0; i < 20 && name !== 'Settings'; i++) {
    await page.keyboard.press('Tab');
    name = await page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent);
  }
  assert.equal(name, 'Settings');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Settings' });
  await panel.waitFor();
  assert.equal(await page.locator('#controls button[aria-label="Settings"]').getAttribute('aria-expanded'), 'true');
  let expected = { ...defaults };
  for (const [group, label, patch] of [['Theme', 'Dark', { theme: 'dark' }], ['Font', 'Legible (OpenDyslexic)', { font: 'legible' }],
    ['Line width', 'Wide', { measure: 85 }], ['Line spacing', '1.3', { lineSpacing: 1.3 }], ['Alignment', 'Justified', { justify: true }],
    ['Text size', 'Larger text', { fontSize: 22 }], ['Theme', 'Auto (as the system)', { theme: 'auto' }]]) {
    expected = { ...expected, ...patch };
    const control = panel.getByRole('group', { name: group }).getByRole('button', { name: label, exact: true });
    await control.focus();
    await page.keyboard.press(label.length % 2 ? 'Enter' : 'Space');
    await waitForState(page, `state.fontFamily === ${JSON.stringify(expected.font)} && ${caughtUp}`);
    await settle(page);
    const s = await state(page);
    assertApplied(s, expected, label);
    assertKept(s, before, label);
    // The panel is built again; focus stays on the control pressed, now pressed.
    const focused = await page.evaluate(() => [document.activeElement.textContent, document.activeElement.getAttribute('aria-pressed')]);
    if (group !== 'Text size') assert.deepEqual(focused, [label, 'true'], label);
  }
  await page.waitForFunction(() => document.getElementById('controls-status').textContent === 'Theme: Auto (as the system)');
  // The slider: arrows move it, and the article does not scroll.
  const slider = panel.getByRole('slider', { name: 'Line width in characters' });
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await waitForState(page, 'state.settings.measure === 84');
  assert.deepEqual((await state(page)).anchor, before.anchor);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#controls button[aria-label="Settings"]').getAttribute('aria-expanded'), 'false');
  await context.close();
});

test('a corrupt or foreign stored value: the defaults (each bad field alone), a warning naming it, no error', async () => {
  const { context, page, problems } = await open();
  for (const [stored, settings, warnings] of [
    ['{not json', defaults, ['settings: the stored value is not a JSON object; the defaults are used']],
    ['{"version":9,"theme":"dark"}', defaults, ['settings: version 9 is not one this viewer reads (1); the defaults are used']],
    ['{"version":1,"theme":"neon","fontSize":18,"justify":"yes"}', { ...defaults, fontSize: 18 },
      ['settings: theme must be "light", "sepia", "dark" or "auto"; stored "neon", using "auto"',
        'settings: justify must be true or false; stored "yes", using false']],
  ]) {
    await page.evaluate((v) => localStorage.setItem('article-viewer/settings', v), stored);
    await page.reload();
    const s = await waitForState(page, 'state.ready || state.error');
    assert.equal(s.error, null, stored);
    assertApplied(s, settings, stored);
    assert.deepEqual(s.settingsWarnings, warnings, stored);
    // Left as it was until the reader changes a setting.
    assert.equal(await page.evaluate(() => localStorage.getItem('article-viewer/settings')), stored);
  }
  await page.evaluate(() => window.articleViewer.setSettings({ lineSpacing: 1.75 }));
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('article-viewer/settings'))),
    { version: 1, ...defaults, fontSize: 18, lineSpacing: 1.75 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('"auto" follows prefers-color-scheme, also when it changes while the page is open', async () => {
  const { context, page } = await open({ colorScheme: 'dark' });
  assert.equal((await state(page)).theme, 'Dark', 'the default is auto');
  await page.emulateMedia({ colorScheme: 'light' });
  await waitForState(page, 'state.theme === "Light"');
  await page.emulateMedia({ colorScheme: 'dark' });
  await waitForState(page, 'state.theme === "Dark"');
  // A theme of the reader's own stays, whatever the system does; "auto" again follows it at once.
  await page.evaluate(() => window.articleViewer.setSettings({ theme: 'sepia' }));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await settle(page);
  assert.equal((await state(page)).theme, 'Sepia');
  await page.evaluate(() => window.articleViewer.setSettings({ theme: 'auto' }));
  await waitForState(page, 'state.theme === "Dark"');
  // The page's colours follow too (html[data-theme], for its own controls).
  await page.emulateMedia({ colorScheme: 'light' });
  await waitForState(page, 'state.theme === "Light"');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  // Remembered as "auto": a reload in a dark system is dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await waitForState(page, 'state.ready');
  assert.equal((await state(page)).theme, 'Dark');
  assert.equal((await page.evaluate(() => window.articleViewer.settings())).theme, 'auto');
  await context.close();
});

test('a first visit with the defaults fetches no font family\'s file; choosing one fetches it once', async () => {
  const { context, page, requests } = await open();
  await settle(page);
  assert.deepEqual(requests.filter((p) => p.includes('/fonts-families/')), []);
  await page.evaluate(() => window.articleViewer.setSettings({ font: 'sans' }));
  await waitForState(page, `state.fontFamily === "sans" && ${caughtUp}`);
  const sans = requests.filter((p) => p.includes('/fonts-families/'));
  assert.equal(sans.length, 4, JSON.stringify(sans));
  for (const p of sans) assert.match(p, /\/fonts-families\/sans\/NotoSans-[A-Za-z]+\.[0-9a-f]{8}\.ttf$/);
  await page.evaluate(() => window.articleViewer.setSettings({ font: 'serif' }));
  await page.evaluate(() => window.articleViewer.setSettings({ font: 'sans' }));
  await waitForState(page, `state.fontFamily === "sans" && ${caughtUp}`);
  assert.equal(requests.filter((p) => p.includes('/fonts-families/')).length, 4, 'fetched once');
  await context.close();
});

test('a family chosen online is kept by the service worker: offline, a reload draws with it', async () => {
  const { context, page, problems } = await open();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate(() => window.articleViewer.setSettings({ font: 'legible' }));
  await waitForState(page, `state.fontFamily === "legible" && ${caughtUp}`);
  await context.setOffline(true);
  await page.reload();
  const s = await waitForState(page, 'state.ready || state.error');
  assert.equal(s.error, null);
  assert.equal(s.fontFamily, 'legible');
  assert.deepEqual(s.settingsWarnings, []);
  assert.deepEqual(problems, []);
  await context.close();
});
