// Pictures: the box is reserved at the right aspect ratio before anything loads, the browser
// decodes the picture only when it comes near the viewport, and it is drawn in its box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, waitForState, siteWith, solidPng, withPixels } from './harness.mjs';

const paragraphs = Array.from({ length: 60 }, (_, i) => ({ type: 'paragraph', text: `Paragraphe ${i} : du texte pour remplir la page et repousser la seconde image très loin vers le bas.` }));
const article = {
  format: 'article/1', id: 'pictures', lang: 'fr', title: 'Images',
  blocks: [
    { type: 'image', src: '../img/red.png', alt: 'Un carré rouge', width: 400, height: 200, caption: 'Légende', credit: 'Crédit' },
    ...paragraphs,
    { type: 'image', src: 'https://example.invalid/far.png', alt: 'Loin', width: 300, height: 300 },
    { type: 'image', src: '../img/blue.png', alt: 'Bleu', width: 300, height: 150 },
  ],
};

let site, server, browser;
before(async () => {
  site = siteWith({
    'articles/pictures.json': JSON.stringify(article),
    'img/red.png': solidPng(40, 20, [220, 20, 20]),
    'img/blue.png': solidPng(30, 15, [20, 20, 220]),
  });
  server = await serve(site.dir);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); site?.remove(); });

// Share of screenshot pixels close to a colour.
async function share(page, rgb) {
  return withPixels(page, [await page.screenshot()], ([{ data: d }], [r, g, b]) => {
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) < 40 && Math.abs(d[i + 1] - g) < 40 && Math.abs(d[i + 2] - b) < 40) n++;
    return n / (d.length / 4);
  }, rgb);
}

test('pictures load lazily into boxes reserved in advance', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + '?article=articles/pictures.json');
  let state = await waitForState(page, 'state.ready && state.images.loaded >= 1');
  const height = state.height;
  assert.deepEqual(state.images, { total: 3, requested: 1, loaded: 1, failed: 0 }, 'only the picture near the top is fetched');
  // 400x200 at most: drawn as 400x200 CSS pixels of red = 80000 / 800000 = 10 % of the screen.
  await page.waitForTimeout(300);
  const red = await share(page, [220, 20, 20]);
  assert.ok(red > 0.08 && red < 0.12, `red share ${red}`);
  await page.keyboard.press('End');
  state = await waitForState(page, 'state.images.loaded >= 2 && state.images.failed >= 1');
  assert.deepEqual(state.images, { total: 3, requested: 3, loaded: 2, failed: 1 });
  assert.equal(state.height, height, 'the article moved when pictures arrived');
  await page.waitForTimeout(300);
  assert.ok(await share(page, [20, 20, 220]) > 0.02, 'the blue picture is not drawn');
  await context.close();
});
