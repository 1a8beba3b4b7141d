// Shared by the browser tests: serves a folder with serve.py on a free port and drives Debian's
// Chromium through playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
}

// Waits until articleViewer.state() satisfies `predicate` (or reports an error); returns the state.
export async function waitForState(page, predicate = 'state.ready || state.error', timeout = 30000) {
  await page.waitForFunction(`(() => { const state = window.articleViewer && window.articleViewer.state(); return state && (${predicate}); })()`,
    null, { timeout, polling: 100 });
  return page.evaluate(() => window.articleViewer.state());
}

// Measures a PNG screenshot in the browser itself (no image library needed here): the share of
// pixels that differ from the most common colour, and of clearly dark ("ink") pixels.
export async function inkStats(page, png) {
  const probe = await page.context().browser().newPage();
  try {
    return await probe.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
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
      return { width: c.width, height: c.height, nonBackground: 1 - most / pixels, ink: ink / pixels, colors: counts.size };
    }, png.toString('base64'));
  } finally {
    await probe.close();
  }
}
