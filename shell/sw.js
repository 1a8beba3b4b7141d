// The service worker: after one visit the viewer reloads and reads with no network.
//
// - install: precaches the whole bundle (page, program, fonts, icons, manifest, bundled articles)
//   into a cache named after the bundle's content hash, then takes over at once;
// - activate: deletes the caches of older bundles (of this scope only);
// - fetch: content-hashed files come from the cache first (their names change with their bytes, so a
//   page never mixes an old program with new fonts or wasm); the page itself comes from the network
//   first, so a new bundle shows on the next load, unless the host does not have all of its files
//   yet (then the cached page, whole); everything else (articles, their pictures, the
//   article index) from the network first, kept in a second cache that survives bundle updates, so
//   every article read once opens again offline;
// - the fonts fetched per article (fonts/: CJK, emoji, other scripts, symbols; hundreds of files,
//   never precached) come from a third cache first, filled as they are fetched; it survives bundle
//   updates (the names are content hashes, so a font is fetched once, ever), and an update drops
//   the fonts its manifest no longer lists.
//
// shell/assemble_dist.py fills VERSION, PRECACHE and PAGE_NEEDS when it writes dist/sw.js; sw.js
// itself is served uncached (serve.py sends no-cache), so browsers see a new version at once.
'use strict';

const VERSION = /*@version*/'dev'/*@version*/;
const PRECACHE = /*@precache*/[]/*@precache*/;    // paths relative to this file
const PAGE_NEEDS = /*@page*/[]/*@page*/;          // hashed names the matching index.html refers to
// The on-demand fonts' manifests, and the one that lists every font file (paths relative to this file).
const FONTS = /*@fonts*/{ manifests: [], all: null }/*@fonts*/;

const SCOPE = self.registration.scope;
const PREFIX = 'article-viewer ' + SCOPE + ' ';
const BUNDLE_CACHE = PREFIX + 'bundle ' + VERSION;
const READ_CACHE = PREFIX + 'read';
const READ_LIMIT = 200;  // articles and pictures kept; the oldest go first
const FONT_CACHE = PREFIX + 'fonts';
const FONTS_DIR = new URL('fonts/', SCOPE).href;
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
const PAGE = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(BUNDLE_CACHE);
    try {
      await Promise.all(PRECACHE.map(async (path) => {
        const url = new URL(path, SCOPE).href;
        // Hashed files may come from the HTTP cache; the others must be fresh.
        const response = await fetch(url, { cache: HASHED.test(path) ? 'default' : 'no-cache' });
        if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
        if (url === PAGE) {
          // The host may already serve a newer bundle than this worker: never keep a page whose
          // files this cache does not hold.
          const text = await response.clone().text();
          const missing = PAGE_NEEDS.filter((name) => !text.includes(name));
          if (missing.length) throw new Error('index.html is from another bundle (no ' + missing[0] + ')');
        }
        await cache.put(url, response);
      }));
    } catch (e) {
      await caches.delete(BUNDLE_CACHE);
      throw e;  // the install fails; the browser tries again on a later visit
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== BUNDLE_CACHE && name !== READ_CACHE && name !== FONT_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
    await pruneFonts();
  })());
});

// Drops the kept fonts that this bundle's manifests do not list (an older build's). Offline, or
// with nothing kept, there is nothing to do: the next update tries again.
async function pruneFonts() {
  try {
    const cache = await caches.open(FONT_CACHE);
    const kept = await cache.keys();
    if (!kept.length || !FONTS.all) return;
    const all = new URL(FONTS.all, SCOPE).href;
    const response = (await cache.match(all)) || (await fetch(all));
    if (!response.ok) return;
    const listed = new Set(FONTS.manifests.map((p) => new URL(p, SCOPE).href));
    for (const family of (await response.json()).families) {
      for (const file of family.files) listed.add(new URL(file.file, all).href);
    }
    for (const request of kept) if (!listed.has(request.url)) await cache.delete(request);
  } catch (e) { /* offline or a broken manifest: keep everything */ }
}

self.addEventListener('message', (event) => {
  if (event.data === 'version' && event.ports[0]) event.ports[0].postMessage(VERSION);
});

async function fromCaches(request, options) {
  for (const name of [BUNDLE_CACHE, READ_CACHE]) {
    const cache = await caches.open(name);
    const hit = await cache.match(request, options);
    if (hit) return hit;
  }
  return undefined;
}

// The page: network first (a new bundle shows at once), the precached index.html offline, and also
// when the host's page is of a bundle whose files are not all there (a deployment under way: the
// new index.html is up, its loader not yet): the complete copy this worker holds, rather than a page
// that cannot start.
async function page(request) {
  const url = new URL(request.url);
  url.search = url.hash = '';
  const isPage = url.href === SCOPE || url.href === PAGE;
  const cached = () => fromCaches(isPage ? PAGE : request, { ignoreSearch: true });
  let response;
  try {
    response = await fetch(request);
  } catch (e) {
    const hit = await cached();
    if (hit) return hit;
    throw e;
  }
  if (isPage && response.ok) {
    const text = await response.clone().text();
    if (!PAGE_NEEDS.every((name) => text.includes(name)) && !(await allThere(text, response.url || request.url))) {
      const hit = await cached();
      if (hit) return hit;
    }
  }
  return response;
}

// Whether every content-hashed file a page names (its scripts, style, program files, icons) is in
// a cache or on the host. Asked only of a page of another bundle than this worker's: once per
// update, until the new worker takes over.
async function allThere(html, base) {
  const names = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((p) => HASHED.test(p));
  const found = await Promise.all(names.map(async (name) => {
    const url = new URL(name, base).href;
    if (await fromCaches(url)) return true;
    try {
      return (await fetch(url, { method: 'HEAD' })).ok;
    } catch (e) {
      return false;
    }
  }));
  return found.every(Boolean);
}

// Content-hashed files: the cache first; a miss (a newer bundle than this worker's, or a font
// fetched for an article) goes to the network and is kept: fonts in the fonts' cache, the rest with
// this bundle until the next one replaces it.
async function hashed(request, event) {
  const font = request.url.startsWith(FONTS_DIR);
  const hit = font ? await caches.open(FONT_CACHE).then((cache) => cache.match(request)) : await fromCaches(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(font ? FONT_CACHE : BUNDLE_CACHE).then((cache) => cache.put(request, copy)).catch(() => {}));
  }
  return response;
}

async function trim(cache) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - READ_LIMIT; i++) await cache.delete(keys[i]);
}

// Articles, the index, pictures: the network first, kept for offline reading.
async function networkFirst(request, event) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.type === 'basic' || response.type === 'cors')) {
      const copy = response.clone();
      event.waitUntil(caches.open(READ_CACHE).then(async (cache) => {
        await cache.put(request, copy);
        await trim(cache);
      }).catch(() => {}));
    }
    return response;
  } catch (e) {
    const hit = await fromCaches(request);
    if (hit) return hit;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  if (request.mode === 'navigate') {
    if (url.href.startsWith(SCOPE)) event.respondWith(page(request));
    return;
  }
  if (url.href.startsWith(SCOPE) && HASHED.test(url.pathname)) {
    event.respondWith(hashed(request, event));
    return;
  }
  event.respondWith(networkFirst(request, event));
});
