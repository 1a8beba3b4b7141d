// Starts the wasm viewer: shows download progress, explains what went wrong when WebGL2 is missing
// or a download fails, and exposes window.articleViewer (state(), open(url)) for the page.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const overlay = $('overlay'), bar = $('progress-bar'), statusLine = $('status'), detail = $('detail'), retry = $('retry');
  overlay.classList.add('started');  // viewer.css: the "files did not all arrive" notice never shows
  let program = null;  // the Emscripten module once it runs
  // The program's content-hashed file names and sizes, the extended fonts' hashed paths and the
  // hashed paths of the other fonts' manifests ({files: {name: {name, size}}, fontsExt: {NAME.ttf:
  // 'fonts-ext/NAME.<hash>.ttf'}, fontsMore: {'fonts-ja.json': 'fonts/fonts-ja.<hash>.json', ...}}),
  // filled in by the dist assembly (shell/assemble_dist.py); empty when this file is used unassembled.
  const bundle = /*@bundle*/{}/*@bundle*/;
  const asset = (name) => (bundle.files && bundle.files[name] ? bundle.files[name].name : name);
  const fontExtPath = (name) => (bundle.fontsExt && bundle.fontsExt[name]) || 'fonts-ext/' + name;
  // A base face a first visit leaves out (the serif italics: NAME.ttf -> 'fonts-faces/NAME.<hash>.ttf'),
  // fetched for an article that draws with it (js_fetch_font_faces in platform/web.cpp).
  const fontFacePath = (name) => (bundle.fontsFaces && bundle.fontsFaces[name]) || 'fonts-faces/' + name;
  // A font family's file ('families/sans/NotoSans-Regular.ttf') -> its hashed URL, fetched only once
  // a reader chooses the family (platform/web.cpp); null where there are none (the single-file page).
  const fontFamilyPath = (file) => (!inline && bundle.fontsFamilies && bundle.fontsFamilies[file]) || null;
  // A manifest of the fonts beyond the base faces (fonts.json, fonts-<Han variant>.json,
  // fonts-all.json: docs/text-pipeline.md "Fonts") -> its hashed URL; the files it lists are
  // relative to it. Null where there are none (unassembled, or the single-file page).
  const fontsMorePath = (name) => (!inline && bundle.fontsMore && bundle.fontsMore[name]) || null;
  // The text engine (a second wasm module) and the Thai dictionary, fetched only for articles that
  // need them (platform/web_text.cpp); the single-file page has neither.
  const textModulePath = (name) => (!inline && bundle.textModule && bundle.textModule[name]) || null;
  // Hyphenation dictionaries by name ('fr', 'en_US': hyph_NAME.dic), fetched for justified text.
  const hyphenPath = (name) => (!inline && bundle.hyphen && bundle.hyphen[name]) || null;
  const hyphenNames = () => (!inline && bundle.hyphen ? Object.keys(bundle.hyphen) : []);
  // The single-file page (article-viewer.html) carries the wasm, the fonts and the bundled
  // articles inline, base64; nothing is downloaded there (fetch() of file:// fails anyway).
  const inline = window.articleViewerInline || null;
  // Keys that belong to the page, not to the program: controls.js and mirror.js each add a test
  // here, fn(event) true to keep a keydown or keyup from the program. The program listens on the
  // whole window and takes Space and Enter; this listener is registered before it starts, so it
  // always runs first. A listener of their own would not: a deferred script may arrive after the
  // program has started (on a busy machine a Space on a toolbar button was lost so).
  const keyGuards = (window.articleViewerKeyGuards = []);
  for (const type of ['keydown', 'keyup']) {
    window.addEventListener(type, (e) => { if (keyGuards.some((guard) => guard(e))) e.stopImmediatePropagation(); }, true);
  }
  // Ctrl+P and Cmd+P on any part of the page are the page's, from the start (README, "Printing"):
  // the browser's own shortcut would paginate at once, before a picture, or mirror.js itself (its
  // copy is what prints), could arrive. The first guard: one that keeps a key from the program
  // (the Highlights panel's note takes every key) stops every later one. A key held down starts one
  // print; where there is nothing to print, the print dialog still opens, and the paper says why
  // (#print-note, the failed article's alert).
  let keyPrint = null;
  keyGuards.push((e) => {
    if (e.type !== 'keydown' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || String(e.key).toLowerCase() !== 'p') return false;
    e.preventDefault();
    if (!e.repeat && !keyPrint) {
      keyPrint = window.articleViewer.print().catch((why) => {
        console.warn('print: ' + message(why));
        window.print();
      }).finally(() => { keyPrint = null; });
    }
    return true;
  });
  // What a print shows while there is no copy of the article (viewer.css): that it is on its way,
  // else why there will be none.
  const printNote = $('print-note'), printWaits = printNote.textContent;
  let failure = '';  // why the viewer could not start (fail())
  let pendingFile = null;  // a file opened before the program runs

  // The loading panel shows only if the viewer is not running after this long (index.html keeps it
  // .quiet until then); errors show at once.
  const QUIET_MS = 500;
  const reveal = window.setTimeout(() => {
    overlay.classList.remove('quiet');
    showProgress();
  }, QUIET_MS);

  function fail(message, extra) {
    window.clearTimeout(reveal);
    overlay.classList.remove('quiet');
    overlay.hidden = false;
    overlay.classList.add('failed');
    statusLine.textContent = message;
    detail.textContent = extra || '';
    printNote.textContent = failure = message + (extra ? ' ' + extra : '');
    retry.hidden = false;
  }
  retry.addEventListener('click', () => window.location.reload());

  // Highlights: the colours' names, in the program's order (core/highlights.hpp), and strings
  // handed over in the program's heap (a note of 10 000 characters is too big for ccall's stack).
  const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'];
  const MAX_NOTE = 10000;
  function checkNote(note) {
    if (typeof note !== 'string') throw new TypeError('note must be a string');
    let chars = 0;
    for (const _ of note) if (++chars > MAX_NOTE) throw new RangeError(`note must be at most ${MAX_NOTE} characters`);
  }
  function withString(text, use) {
    const size = program.lengthBytesUTF8(text) + 1;
    const at = program._malloc(size);
    if (!at) throw new RangeError('not enough memory for a string of ' + size + ' bytes');
    program.stringToUTF8(text, at, size);
    try {
      return use(at);
    } finally {
      program._free(at);
    }
  }

  window.articleViewer = {
    // {ready, articleId, title, blocks, error, frames, ...}; before the program runs, not ready.
    state() {
      if (!program) return { ready: false, articleId: null, title: null, blocks: 0, error: null, frames: 0, loading: true };
      return JSON.parse(program.UTF8ToString(program._av_state_json()));
    },
    // The fingerprint of the article's layout as last drawn (core/layout_digest.hpp), '' before
    // any: the same as the desktop build's `article-viewer --layout` gives for the same width.
    // With `text`, the layout as text (`article-viewer --layout --dump`), to show a difference.
    layoutDigest(text = false) {
      return program ? program.UTF8ToString(program._av_layout_digest(text ? 1 : 0)) : '';
    },
    // Opens another article, by URL relative to this page or absolute.
    open(url) {
      if (program) program.ccall('av_open_url', null, ['string'], [String(url)]);
    },
    // 'light', 'sepia' or 'dark' (remembered, as setSettings({theme}) is; 'auto' goes through it).
    setTheme(name) {
      const index = ['light', 'sepia', 'dark'].indexOf(String(name).toLowerCase());
      if (program && index >= 0) program._av_set_theme(index);
      else if (program && String(name).toLowerCase() === 'auto') window.articleViewer.setSettings({ theme: 'auto' });
    },
    // Body text size in CSS pixels, 12 to 40 (Ctrl+= and Ctrl+- step by 2).
    setFontSize(px) {
      if (program) program._av_set_font_size(Number(px) || 20);
    },
    // The reader's settings, remembered across reloads and articles (README, "Settings"):
    // {theme: 'light'|'sepia'|'dark'|'auto', fontSize: 12-40, font: 'serif'|'sans'|'legible',
    // measure: 45-90 (characters per line), lineSpacing: 1.3|1.5|1.75|2, justify: boolean}.
    // Null before the program runs.
    settings() {
      return program ? JSON.parse(program.UTF8ToString(program._av_settings_json())) : null;
    },
    // Applies any subset of those fields, all or nothing: an invalid field throws a RangeError
    // naming each invalid field (and nothing changes). Returns the settings now in force. Every
    // change fires `articleviewer:settings` on window, with the settings as its detail.
    setSettings(patch) {
      if (!program) throw new Error('the viewer is not running yet');
      const text = patch !== null && typeof patch === 'object' && !Array.isArray(patch) ? JSON.stringify(patch) : '';
      const error = program.ccall('av_set_settings', 'string', ['string'], [text === undefined ? '' : text]);
      if (error) throw new RangeError(error);
      return window.articleViewer.settings();
    },
    // Scrolls to block `index` of the article (0-based, clamped; -1 is the title at the top).
    scrollToBlock(index) {
      if (program) program._av_scroll_to_block(Number(index) | 0);
    },
    // The article on screen as the loader accepted it ({id, lang, title, byline, blocks: [...]},
    // see wasm/core/article_json.hpp), or null. shell/mirror.js builds the accessible copy from it.
    article() {
      return program ? JSON.parse(program.UTF8ToString(program._av_article_json())) : null;
    },
    // The same in pages, as mirror.js reads it (a 43 MB article as one string held the page 2 s):
    // the header ({id, lang, dir, title, subtitle?, byline, blockCount}), and blocks [from, from +
    // count), cut short after the block that reaches `maxBytes` of JSON (so at least one). Null
    // while no article is ready.
    articleHeader() {
      return program ? JSON.parse(program.UTF8ToString(program._av_article_header_json())) : null;
    },
    articleBlocks(from, count, maxBytes = 0x7fffffff) {
      if (!program) return null;
      return JSON.parse(program.UTF8ToString(program._av_article_blocks_json(from | 0, count | 0, maxBytes | 0)));
    },
    // The level-2 headings, as blocks of article(): what controls.js's Contents lists.
    sections() {
      return program ? JSON.parse(program.UTF8ToString(program._av_article_headings_json(2))) || [] : [];
    },
    // The library: bundled articles and every saved position
    // ([{id, name, title, source, bundled, origin?, percent?, updated?}]), and the library's
    // actions. `name` is what forget() takes: the id, or "id@origin" for another site's article.
    library() {
      return program ? JSON.parse(program.UTF8ToString(program._av_library_json())) : [];
    },
    forget(name) {
      if (program) program.ccall('av_forget', null, ['string'], [String(name)]);
    },
    forgetAll() {
      if (program) program._av_forget_all();
    },
    showLibrary(show = true) {
      if (program) program._av_show_library(show ? 1 : 0);
    },
    // What the error screen's buttons and the resume notice's "start over" do.
    retry() {
      if (program) program._av_retry();
    },
    openDefault() {
      if (program) program._av_open_default();
    },
    startOver() {
      if (program) program._av_start_over();
    },
    // Opens the viewer's find bar over the canvas (Ctrl+F does the same), searching for `query`
    // ('' keeps the last one); typing then goes to it while the canvas has the focus.
    find(query = '') {
      if (program) program.ccall('av_find', null, ['string'], [String(query)]);
    },
    // The bytes (Uint8Array) of a font the program has, by its path in the program's fonts folder
    // ('NotoSerif-Regular.ttf', 'ext/NotoSerif-Regular.ttf', 'families/sans/...'), or null when it
    // has not got it: shell/mirror.js prints the article in the reader's font with them.
    fontBytes(path) {
      try {
        return program && program.readFontFile ? program.readFontFile('/fonts/' + path) : null;
      } catch (e) {
        return null;  // not there (yet): a family never chosen, extended subsets never needed
      }
    },
    // The program's version (a hash of its files) and the file names this page uses.
    version: bundle.version || (inline && inline.version) || null,
    files: Object.fromEntries(['article-viewer.js', 'article-viewer.wasm', 'article-viewer.data'].map((n) => [n, asset(n)])),
    // Opens the reader's own article from its bytes (Uint8Array); `name` is the file's name.
    openBytes(name, bytes) {
      if (!program) { pendingFile = [name, bytes]; return; }
      const data = program._malloc(Math.max(bytes.length, 1));
      if (!data) { console.warn(name + ': not enough memory for ' + bytes.length + ' bytes'); return; }
      program.HEAPU8.set(bytes, data);
      program.ccall('av_open_bytes', null, ['string', 'number', 'number'], [String(name), data, bytes.length]);
      program._free(data);
    },
    // Highlights and notes of the article on screen (README, "Highlights"): an array of
    // {id, block, start, end, color, note, quote, lost}; start and end count the characters (code
    // points) of the block's own text, as the reading position does.
    highlights() {
      return program ? JSON.parse(program.UTF8ToString(program._av_highlights_json())) : [];
    },
    // Adds one; returns its id. A TypeError for a malformed argument, a RangeError for a value out
    // of range (naming it); nothing is added then. Every change fires `articleviewer:highlights`.
    addHighlight(spec) {
      if (!program) throw new Error('the viewer is not running yet');
      if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
        throw new TypeError('addHighlight takes an object {block, start, end, color?, note?}');
      }
      for (const field of ['block', 'start', 'end']) {
        if (typeof spec[field] !== 'number' || !Number.isInteger(spec[field])) throw new TypeError(`${field} must be a whole number`);
        if (spec[field] < 0) throw new RangeError(`${field} must not be negative`);
      }
      const color = spec.color === undefined ? 'yellow' : spec.color;
      const index = HIGHLIGHT_COLORS.indexOf(color);
      if (index < 0) throw new RangeError('color must be "yellow", "green", "blue" or "pink"');
      const note = spec.note === undefined ? '' : spec.note;
      checkNote(note);
      const answer = JSON.parse(withString(note, (p) => program.UTF8ToString(
        program._av_add_highlight(Math.min(spec.block, 0x7fffffff), spec.start, spec.end, index, p))));
      if (answer.error) throw new RangeError(answer.error);
      return answer.id;
    },
    // Removes it; false when there is no such highlight.
    removeHighlight(id) {
      return program ? withString(String(id), (p) => program._av_remove_highlight(p)) === 1 : false;
    },
    // Sets its note (plain text, up to 10 000 characters; '' removes it).
    setNote(id, text) {
      if (!program) throw new Error('the viewer is not running yet');
      checkNote(text);
      const error = withString(String(id), (i) => withString(text, (t) => program.UTF8ToString(program._av_set_highlight_note(i, t))));
      if (error) throw new RangeError(error);
    },
    setHighlightColor(id, color) {
      if (!program) throw new Error('the viewer is not running yet');
      const index = HIGHLIGHT_COLORS.indexOf(color);
      if (index < 0) throw new RangeError('color must be "yellow", "green", "blue" or "pink"');
      const error = withString(String(id), (i) => program.UTF8ToString(program._av_set_highlight_color(i, index)));
      if (error) throw new RangeError(error);
    },
    // The canvas's selection made into highlights (one per block it covers); returns what to say.
    highlightSelection(color = 'yellow') {
      const index = HIGHLIGHT_COLORS.indexOf(color);
      if (index < 0) throw new RangeError('color must be "yellow", "green", "blue" or "pink"');
      return program ? program.UTF8ToString(program._av_highlight_selection(index)) : '';
    },
    // 'markdown' or 'json': the export's text (the panels' Export buttons download it).
    exportHighlights(format = 'markdown') {
      if (format !== 'markdown' && format !== 'json') throw new RangeError('format must be "markdown" or "json"');
      return program ? program.UTF8ToString(program._av_export_highlights(format === 'markdown' ? 1 : 0)) : '';
    },
    // Imports an export's JSON text; returns what happened, one line.
    importHighlights(text) {
      if (!program) throw new Error('the viewer is not running yet');
      const bytes = new TextEncoder().encode(String(text));
      const data = program._malloc(Math.max(bytes.length, 1));
      if (!data) return 'Not imported: not enough memory';
      program.HEAPU8.set(bytes, data);
      try {
        return program.UTF8ToString(program._av_import_highlights(data, bytes.length));
      } finally {
        program._free(data);
      }
    },
    goToHighlight(id) {
      return program ? withString(String(id), (p) => program._av_go_to_highlight(p)) === 1 : false;
    },
    showHighlights(show = true) {
      if (program) program._av_show_highlights(show ? 1 : 0);
    },
    // Prints the article as Ctrl+P does (README, "Printing"): mirror.js (the copy) is asked for
    // at once if it has not come yet (LATE_WAIT_MS at most), the article waited for, the copy's
    // pictures loaded (10 s at most), then the browser's print dialog opens. Resolves to
    // {pictures, printed} (the article's pictures, those that print as pictures) once
    // window.print() has returned; rejects, saying why, where there is nothing to print.
    print() {
      if (failure) return Promise.reject(new Error(failure));
      let timer = 0;
      const limit = new Promise((resolve) => { timer = setTimeout(resolve, LATE_WAIT_MS); });
      return Promise.race([runLate(), limit]).then(() => {
        clearTimeout(timer);
        if (!window.articleViewerPrint) throw new Error(NO_COPY);
        return window.articleViewerPrint();
      });
    },
    // Shows the browser's file chooser (the toolbar's "Open file…" does the same).
    chooseFile() {
      const input = document.getElementById('open-file');
      if (input) input.click();
    },
  };

  // The scripts the first frame does not need (index.html's type="text/x-after-first-frame":
  // listen.js, highlights.js) run once it is drawn, or at a first call that needs them, in their
  // order; the single-file page has them inline already (no such tag left).
  let late = null, lateSettled = false;
  const LATE_WAIT_MS = 10000;
  const NO_COPY = 'mirror.js did not load, so there is no copy to print (check the connection)';
  function runLate() {
    late = late || Promise.all(Array.from(document.querySelectorAll('script[type="text/x-after-first-frame"]'), (tag) =>
      new Promise((resolve) => {
        const script = document.createElement('script');
        script.src = tag.src;
        script.async = false;
        script.onload = script.onerror = resolve;
        document.head.appendChild(script);
      }))).then(() => {
      lateSettled = true;
      if (!window.articleViewerPrint) printNote.textContent = NO_COPY;
    });
    return late;
  }
  // Reading aloud: shell/listen.js speaks, and hands itself to the program as it arrives
  // (platform/web_listen.cpp); the page's API is here from the start, where the browser can speak.
  if (window.speechSynthesis && typeof window.SpeechSynthesisUtterance === 'function') {
    const speech = (call) => () => {
      if (window.articleViewerSpeech) {
        if (program) call(program);
      } else {
        runLate().then(() => { if (program) call(program); });
      }
    };
    Object.assign(window.articleViewer, {
      listen: speech((p) => p._av_listen()),  // from the reader's position, or resumes after a pause
      pauseListening: speech((p) => p._av_pause_listening()),
      resumeListening: speech((p) => p._av_listen()),
      stopListening: speech((p) => p._av_stop_listening()),
      // The browser's voices ({name, voiceURI, lang, default, localService}).
      voices: () => (window.speechSynthesis.getVoices() || []).map((v) => ({ name: v.name, voiceURI: v.voiceURI, lang: v.lang,
        default: Boolean(v.default), localService: Boolean(v.localService) })),
    });
  }

  // Byte progress of both downloads (the wasm program and the preloaded fonts).
  const progress = { wasm: [0, 0], data: [0, 0] };
  function showProgress() {
    if (overlay.classList.contains('failed')) return;  // the other download must not hide the error
    // Out of sight, the bar is not updated either: each update would have the page laid out and
    // composited again while the program starts. It is brought up to date when the panel shows.
    if (overlay.classList.contains('quiet')) return;
    const loaded = progress.wasm[0] + progress.data[0];
    const total = progress.wasm[1] + progress.data[1];
    if (total > 0) {
      bar.style.width = Math.min(100, (100 * loaded) / total).toFixed(1) + '%';
      detail.textContent = (loaded / 1048576).toFixed(1) + ' / ' + (total / 1048576).toFixed(1) + ' MB';
    }
  }

  const message = (e) => String(e && e.message ? e.message : e);

  // Aborts the program's downloads when the browser turns out to have no WebGL2.
  const downloads = new AbortController();

  // Requests one of the program's files (by its hashed name); resolves to the response once its
  // headers are in. A failure names the file.
  function request(name, key) {
    const url = asset(name);
    // The size the build recorded (Content-Length is the compressed size when the host gzips), so
    // the bar's total is right from the start.
    const known = bundle.files && bundle.files[name] && bundle.files[name].size;
    if (known) progress[key] = [0, known];
    return fetch(url, { signal: downloads.signal }).then((response) => {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : ''));
      progress[key] = [0, known || Number(response.headers.get('Content-Length')) || 0];
      return response;
    }).catch((e) => { throw named(e, url); });
  }

  const named = (e, url) => new Error(message(e).includes(url) ? message(e) : url + ': ' + message(e) + ' (check the connection)');

  // Reads a response of request() to the end, counting its bytes for the bar; resolves to an
  // ArrayBuffer.
  function readAll(response, key, url) {
    if (!response.body || !progress[key][1]) return response.arrayBuffer().catch((e) => { throw named(e, url); });
    const reader = response.body.getReader();
    const chunks = [];
    const pump = () => reader.read().then(({ done: finished, value }) => {
      if (finished) return new Blob(chunks).arrayBuffer();
      chunks.push(value);
      progress[key][0] += value.length;
      showProgress();
      return pump();
    });
    return pump().catch((e) => { throw named(e, url); });
  }

  const download = (name, key) => request(name, key).then((response) => readAll(response, key, asset(name)));

  // The wasm program, compiled as its bytes arrive: V8 then decodes and validates it on its own
  // threads during the download, instead of on the main thread once the whole file is there (which
  // the first paint waited for). A copy of the response is read for the bar, and is the fallback for
  // a host that serves .wasm without the application/wasm type that streaming compilation demands.
  function compileProgram() {
    return request('article-viewer.wasm', 'wasm').then((response) => {
      const bytes = readAll(response.clone(), 'wasm', asset('article-viewer.wasm'));
      bytes.catch(() => {});  // a failed download is reported by whichever path uses it
      const fromBytes = () => bytes.then((b) => WebAssembly.compile(b));
      if (!WebAssembly.compileStreaming) return fromBytes();
      return WebAssembly.compileStreaming(response).catch((e) => {
        if (e instanceof WebAssembly.CompileError) throw e;
        return fromBytes();  // the MIME type, or the download failed: the bytes say which
      });
    });
  }

  function decode(base64) {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  // The single-file page's articles and their index, by absolute URL (the program asks by URL).
  function inlineArticles() {
    const map = {};
    for (const [path, base64] of Object.entries((inline && inline.articles) || {})) {
      map[new URL(path, document.baseURI).href] = decode(base64);
    }
    return map;
  }

  // The article the program will ask for first (?article=, else the default) starts downloading now,
  // beside the program, instead of once the program runs: js_fetch_article (platform/web.cpp) takes
  // this response for that URL, once. The single-file page has its articles inline.
  const prefetched = {};
  function prefetchArticle() {
    if (inline) return;
    const path = new URLSearchParams(window.location.search).get('article') || bundle.article;
    if (!path) return;
    try {
      const url = new URL(path, document.baseURI).href;
      // Read to the end here, so the bytes are there when the program starts (the same shape as
      // js_fetch_article's own download: {response, buffer}).
      prefetched[url] = fetch(url).then((response) =>
        response.ok ? response.arrayBuffer().then((buffer) => ({ response, buffer })) : { response, buffer: null });
      prefetched[url].catch(() => {});  // a failure is reported when the program takes it
    } catch (e) { /* not a URL: the program reports it */ }
  }

  // The reader's font family (README, "Settings"), when not the default: its files download now,
  // beside the program, instead of once the program has read the settings; js_fetch_font_family
  // (platform/web.cpp) takes these responses. The program shows the article once they are in.
  const prefetchedFamily = {};
  function prefetchFamily() {
    let font = null;
    try {
      font = JSON.parse(window.localStorage.getItem('article-viewer/settings') || 'null').font;
    } catch (e) { return; }  // no storage, or not JSON: the program says so and keeps the defaults
    const files = Object.keys(bundle.fontsFamilies || {}).filter((file) => file.startsWith('families/' + font + '/'));
    if (inline || font === 'serif' || typeof font !== 'string' || !files.length) return;
    for (const file of files) {
      prefetchedFamily[file] = fetch(fontFamilyPath(file));
      prefetchedFamily[file].catch(() => {});  // a failure is reported when the program takes it
    }
  }

  // The canvas's backing store at the size the program gives it (its CSS size times the device
  // pixel ratio, sync_canvas_size in platform/web.cpp), before the context exists: resizing it
  // afterwards reallocates the drawing buffer (once for the width, once for the height), and each
  // time the page waits for the GPU process, which is busy compositing while a page loads.
  function sizeCanvas(canvas) {
    const box = canvas.getBoundingClientRect();
    const ratio = Math.max(window.devicePixelRatio || 1, 0.5);
    canvas.width = Math.max(1, Math.round(box.width * ratio));
    canvas.height = Math.max(1, Math.round(box.height * ratio));
  }

  function start() {
    // Everything downloads first, and the WebGL2 check comes after: making a context takes tens of
    // milliseconds where WebGL is software, during which the downloads go on (index.html preloads
    // the program's files already). Without WebGL2 they are aborted.
    prefetchArticle();
    prefetchFamily();
    // The program's JavaScript, its wasm and its fonts (article-viewer.data, shell/pack_fonts.py) download in
    // parallel; the wasm compiles while it downloads. The single-file page has them inline.
    let compiled, fonts;
    if (inline) {
      bar.style.width = '100%';
      statusLine.textContent = 'Starting the viewer…';
      compiled = WebAssembly.compile(decode(inline.files['article-viewer.wasm']));
      fonts = Promise.resolve(decode(inline.files['article-viewer.data']).buffer);
      inline.files = null;  // the page's two megabytes of base64 are not needed twice
    } else {
      compiled = compileProgram();
      fonts = download('article-viewer.data', 'data');
    }
    // The check makes the program's own context, on its canvas, with the attributes the program
    // asks for (platform/web.cpp main()): the program then gets this context back instead of the
    // browser making a second one, which costs as much as the first where WebGL is software.
    const canvas = $('canvas');
    sizeCanvas(canvas);
    const context = canvas.getContext('webgl2', {
      alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
    if (!context) {
      downloads.abort();
      compiled.catch(() => {});
      fonts.catch(() => {});
      fail('This viewer needs WebGL2, which this browser does not offer (or has turned off).',
        'Try an up-to-date Firefox, Chrome, Edge or Safari, or enable hardware acceleration.');
      return;
    }
    const code = window.createArticleViewer ? Promise.resolve() : new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = asset('article-viewer.js');
      script.onload = resolve;
      script.onerror = () => reject(new Error(asset('article-viewer.js') + ' did not load (check the connection)'));
      document.body.appendChild(script);
    });
    Promise.all([compiled, fonts, code]).then(([module, fontBytes]) => run(module, fontBytes), (e) => {
      if (e instanceof WebAssembly.CompileError) fail('The viewer could not start.', message(e));
      else fail('The viewer could not be downloaded.', message(e));
    });
  }

  function run(module, fontBytes) {
    window.createArticleViewer({
      canvas: document.getElementById('canvas'),
      // Emscripten's hook: the wasm is compiled already.
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(module, imports).then((instance) => done(instance, module))
          .catch((e) => fail('The viewer could not start.', message(e)));
        return {};
      },
      locateFile: (path) => asset(path),
      fontPack: fontBytes,  // the first paint's faces (shell/pack_fonts.py), unpacked by main() (web.cpp)
      inlineArticles: inlineArticles(),  // read by js_fetch_article in platform/web.cpp
      prefetchedArticles: prefetched,  // likewise
      inlineFontsExt: (inline && inline.fontsExt) || null,  // read by js_fetch_extended_fonts (web.cpp)
      fontExtPath,  // NAME.ttf -> its hashed URL, for js_fetch_extended_fonts
      inlineFontFaces: (inline && inline.fontFaces) || null,  // read by js_fetch_font_faces (web.cpp)
      fontFacePath,  // NAME.ttf -> its hashed URL, for js_fetch_font_faces
      fontFamilyPath,  // families/NAME/FILE -> its hashed URL, for js_fetch_font_family
      prefetchedFamily,  // likewise: FILE -> the response already on its way (prefetchFamily)
      fontsMorePath,  // fonts.json, fonts-ja.json, ... -> its hashed URL (or null), for the program
      textModulePath,  // article-viewer-text.js/.wasm, thai-words.dict -> hashed URL (or null)
      hyphenPath,  // a hyphenation dictionary's name -> its hashed URL (or null), for js_load_hyphenation
      hyphenNames,  // the names of the bundle's hyphenation dictionaries
      onRuntimeInitialized() { window.clearTimeout(reveal); overlay.hidden = true; },
      onStateChange() {
        const state = window.articleViewer.state();
        window.dispatchEvent(new CustomEvent('articleviewer:state', { detail: state }));
        if (state.ready || state.error) runLate();
        // Until mirror.js is there (its copy, or its alert, is what prints then), the note follows.
        if (!lateSettled && !failure) printNote.textContent = state.error ? 'This article could not be opened: ' + state.error : printWaits;
      },
      onFatal(kind, detail) {
        if (kind === 'webgl2') fail('This viewer needs WebGL2, and the browser refused to create it.');
        if (kind === 'program') fail('The viewer cannot draw with this browser\'s WebGL2.', detail);
      },
      onAbort(what) { fail('The viewer stopped unexpectedly.', String(what)); },
      printErr(text) { console.warn(text); },
    }).then((instance) => {
      program = instance;
      const waiting = pendingFile;
      pendingFile = null;
      if (waiting) window.articleViewer.openBytes(...waiting);
    }).catch((e) => fail('The viewer could not start.', message(e)));
  }

  start();
})();
