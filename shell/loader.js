// Starts the wasm viewer: shows download progress, explains what went wrong when WebGL2 is missing
// or a download fails, and exposes window.articleViewer (state(), open(url)) for the page.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const overlay = $('overlay'), bar = $('progress-bar'), statusLine = $('status'), detail = $('detail'), retry = $('retry');
  let program = null;  // the Emscripten module once it runs

  function fail(message, extra) {
    overlay.hidden = false;
    overlay.classList.add('failed');
    statusLine.textContent = message;
    detail.textContent = extra || '';
    retry.hidden = false;
  }
  retry.addEventListener('click', () => window.location.reload());

  window.articleViewer = {
    // {ready, articleId, title, blocks, error, frames, ...}; before the program runs, not ready.
    state() {
      if (!program) return { ready: false, articleId: null, title: null, blocks: 0, error: null, frames: 0, loading: true };
      return JSON.parse(program.UTF8ToString(program._av_state_json()));
    },
    // Opens another article, by URL relative to this page or absolute.
    open(url) {
      if (program) program.ccall('av_open_url', null, ['string'], [String(url)]);
    },
    // 'light', 'sepia' or 'dark'.
    setTheme(name) {
      const index = ['light', 'sepia', 'dark'].indexOf(String(name).toLowerCase());
      if (program && index >= 0) program._av_set_theme(index);
    },
    // Body text size in CSS pixels, 12 to 40 (Ctrl+= and Ctrl+- step by 2).
    setFontSize(px) {
      if (program) program._av_set_font_size(Number(px) || 20);
    },
    // Scrolls to block `index` of the article (0-based, clamped).
    scrollToBlock(index) {
      if (program) program._av_scroll_to_block(Number(index) | 0);
    },
  };

  // Byte progress of both downloads (the wasm program and the preloaded fonts).
  const progress = { wasm: [0, 0], data: [0, 0] };
  function showProgress() {
    const loaded = progress.wasm[0] + progress.data[0];
    const total = progress.wasm[1] + progress.data[1];
    if (total > 0) {
      bar.style.width = Math.min(100, (100 * loaded) / total).toFixed(1) + '%';
      detail.textContent = (loaded / 1048576).toFixed(1) + ' / ' + (total / 1048576).toFixed(1) + ' MB';
    }
  }

  // Fetches the wasm with progress, then instantiates it (Emscripten's instantiateWasm hook).
  function instantiateWasm(imports, done) {
    fetch('article-viewer.wasm').then((response) => {
      if (!response.ok) throw new Error('article-viewer.wasm: HTTP ' + response.status);
      const total = Number(response.headers.get('Content-Length')) || 0;
      progress.wasm = [0, total];
      if (!response.body || !total) return response.arrayBuffer();
      const reader = response.body.getReader();
      const chunks = [];
      const pump = () => reader.read().then(({ done: finished, value }) => {
        if (finished) return new Blob(chunks).arrayBuffer();
        chunks.push(value);
        progress.wasm[0] += value.length;
        showProgress();
        return pump();
      });
      return pump();
    }).then((bytes) => WebAssembly.instantiate(bytes, imports))
      .then((result) => done(result.instance, result.module))
      .catch((e) => fail('The viewer could not be downloaded.', String(e && e.message ? e.message : e)));
    return {};
  }

  function start() {
    const probe = document.createElement('canvas');
    if (!probe.getContext('webgl2')) {
      fail('This viewer needs WebGL2, which this browser does not offer (or has turned off).',
        'Try an up-to-date Firefox, Chrome, Edge or Safari, or enable hardware acceleration.');
      return;
    }
    const script = document.createElement('script');
    script.src = 'article-viewer.js';
    script.onerror = () => fail('The viewer could not be downloaded.', 'article-viewer.js did not load; check the connection.');
    script.onload = () => {
      window.createArticleViewer({
        canvas: document.getElementById('canvas'),
        instantiateWasm,
        locateFile: (path) => path,
        // The file packager reports "Downloading data... (loaded/total)" for the fonts.
        setStatus(text) {
          const m = /\((\d+)\/(\d+)\)/.exec(text || '');
          if (m) { progress.data = [Number(m[1]), Number(m[2])]; showProgress(); }
        },
        onRuntimeInitialized() { overlay.hidden = true; },
        onStateChange() {
          window.dispatchEvent(new CustomEvent('articleviewer:state', { detail: window.articleViewer.state() }));
        },
        onFatal(kind) {
          if (kind === 'webgl2') fail('This viewer needs WebGL2, and the browser refused to create it.');
        },
        onAbort(what) { fail('The viewer stopped unexpectedly.', String(what)); },
        printErr(text) { console.warn(text); },
      }).then((instance) => { program = instance; })
        .catch((e) => fail('The viewer could not start.', String(e && e.message ? e.message : e)));
    };
    document.body.appendChild(script);
  }

  start();
})();
