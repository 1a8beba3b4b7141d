// Helpers for the tests of the static bundle (offline, sub-path, upgrade, single file): what the
// dist assembly wrote, a second bundle built from the first, folders to serve.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distDir, repo } from './harness.mjs';

export const seed = JSON.parse(readFileSync(path.join(repo, 'assets', 'articles', 'russie-munitions-nord-coreennes.json'), 'utf8'));
export const article = (id, title, paragraphs = 3) => JSON.stringify({
  format: 'article/1', id, lang: 'fr', title,
  blocks: Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph', text: `Paragraphe ${i} de « ${title} ».` })),
});

export const tempDir = (prefix = 'av-bundle-') => mkdtempSync(path.join(tmpdir(), prefix));

// What a dist folder holds: the hashed program files, the loader's bundle map, the service
// worker's version and precache list.
export function describe(dir = distDir) {
  const files = readdirSync(dir);
  const program = {};
  for (const ext of ['js', 'wasm', 'data']) {
    const found = files.filter((f) => new RegExp(`^article-viewer\\.[0-9a-f]{8}\\.${ext}$`).test(f));
    if (found.length !== 1) throw new Error(`${dir}: expected one hashed article-viewer .${ext}, found ${JSON.stringify(found)}`);
    program[ext] = found[0];
  }
  const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const loaderName = /src="(loader\.[0-9a-f]{8}\.js)"/.exec(index)[1];
  const loader = readFileSync(path.join(dir, loaderName), 'utf8');
  const bundle = JSON.parse(/\/\*@bundle\*\/(.*?)\/\*@bundle\*\//s.exec(loader)[1]);
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const swVersion = JSON.parse(/\/\*@version\*\/(.*?)\/\*@version\*\//s.exec(sw)[1]);
  const precache = JSON.parse(/\/\*@precache\*\/(.*?)\/\*@precache\*\//s.exec(sw)[1]);
  return { files, program, index, loaderName, bundle, swVersion, precache };
}

// A second bundle, as a rebuild with a trivially different program would give: the program files
// and extended fonts of `from` under their plain names, the JavaScript with one comment more
// (unless `same`), the same on-demand fonts and plain pages (the build's fonts-more/ and
// tools/plain-pages.js beside dist/, when they are there), assembled by shell/assemble_dist.py like
// the build does. With `report`, the script's size
// report is returned as `output`.
export function rebuiltBundle(from = distDir, { same = false, report = false } = {}) {
  const { program, bundle } = describe(from);
  const work = tempDir('av-rebuild-');
  const programDir = path.join(work, 'program');
  const fontsDir = path.join(work, 'fonts-ext');
  mkdirSync(programDir);
  mkdirSync(fontsDir);
  for (const [ext, name] of Object.entries(program)) {
    let bytes = readFileSync(path.join(from, name));
    if (ext === 'js' && !same) bytes = Buffer.concat([bytes, Buffer.from('\n// rebuilt\n')]);
    writeFileSync(path.join(programDir, `article-viewer.${ext}`), bytes);
  }
  for (const [face, file] of Object.entries(bundle.fontsExt || {})) cpSync(path.join(from, file), path.join(fontsDir, face));
  const dist = path.join(work, 'dist');
  const fontsMore = path.join(from, '..', 'fonts-more');
  const plainTool = path.join(from, '..', 'tools', 'plain-pages.js');
  const output = execFileSync('python3', [path.join(repo, 'shell', 'assemble_dist.py'), '--shell', path.join(repo, 'shell'),
    '--assets', path.join(repo, 'assets'), '--program', programDir, '--fonts-ext', fontsDir, '--dist', dist,
    ...(existsSync(path.join(fontsMore, 'fonts.json')) ? ['--fonts-more', fontsMore] : []),
    ...(existsSync(plainTool) ? ['--plain-tool', plainTool, '--node', process.execPath] : []),
    ...(report ? [] : ['--quiet'])], { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
  return { dir: dist, output, remove: () => rmSync(work, { recursive: true, force: true }) };
}

// Replaces everything in `dir` by a copy of `from` (the folder itself stays, as on a host).
export function replaceContents(dir, from) {
  for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
}

// Waits until `server` no longer answers (serve.py stops on SIGTERM).
export async function stopped(server) {
  server.stop();
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(server.url, { signal: AbortSignal.timeout(500) });
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server still answers');
}
