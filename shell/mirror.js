// The accessible copy of the article. The canvas is a picture of the text (aria-hidden); #mirror
// holds the same article as real HTML, in reading order, for screen readers and keyboard users:
// h1, byline, h2-h4, p, lists, blockquote, links, figures with their alt text (and, for the paper
// only, their pictures), sponsored blocks and callouts as labelled asides. It is visually hidden
// (viewer.css .visually-hidden), not display:none, so it stays in the accessibility tree.
//
// Kept in sync with the program: rebuilt from articleViewer.articleHeader() and articleBlocks()
// (what the loader accepted, in pages: wasm/core/article_json.hpp) each time an article becomes
// ready ('articleviewer:state').
// Languages and directions (format 1.1): the mirror's root has the article's lang and dir, every
// block element its own lang and dir (the block's, else the article's; dir="auto" where the
// direction is auto, so the browser finds it as the canvas does), and a run in another language
// is a <span lang>: a screen reader then reads each passage with the right voice.
// Built with createElement, textContent and setAttribute only: no article string is ever parsed
// as HTML. Cost and pauses (hardening issue, item 1; issue 20, item 7): the copy is built in
// steps of at most STEP_MS, one task each, straight into the page (aria-busy until done), so
// neither 200 000 links nor 130 000 blocks hold the page; every block, and every part of
// PART_BLOCKS blocks, is content-visibility: auto (viewer.css), so the browser neither lays out
// nor shapes a block nobody looks at (a paragraph of 100 000 combining accents held Chromium 28 to
// 45 s), while screen readers still read it all. Nothing here reads layout back (no sizes, no
// scrolling into view): that would make the browser lay out what the build put in, at once. Focus inside the mirror (Tab to a link, or a screen reader moving
// focus) scrolls the canvas to the same block: every block element carries data-block = its index
// (-1: the header). It is also what a print shows (viewer.css, @media print; "Printing" below).
(function () {
  'use strict';
  const root = document.getElementById('mirror');
  if (!root) return;

  const viewer = () => window.articleViewer;
  const LINK = /^(https?:|mailto:|#)/i;  // the loader lets nothing else through; checked again here

  // An element with attributes (null values are left out) and children (strings become text).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  // Nodes made since the builder last looked at the clock: the generators below yield (let the
  // builder check its time) every TICK nodes.
  const TICK = 256;
  let made = 0;
  function* tick() {
    if (++made >= TICK) {
      made = 0;
      yield;
    }
  }

  // Text with its line breaks ("\n" inside a run is a line break inside the block).
  function* appendText(parent, text) {
    const parts = String(text).split('\n');
    for (let i = 0; i < parts.length; ++i) {
      if (i > 0) parent.appendChild(document.createElement('br'));
      if (parts[i]) parent.appendChild(document.createTextNode(parts[i]));
      yield* tick();
    }
  }

  // A picture's address as the canvas fetches it (the loader lets only http(s) and paths relative to
  // the article through, resolved): checked again here; null for anything else.
  function pictureUrl(src) {
    try {
      const url = new URL(String(src), document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(href) {
    // mailto: goes to the mail program (a new tab would stay empty); #id to a block, as a history
    // entry whose popstate moves the canvas (wasm/platform/web_address.cpp).
    if (/^(mailto:|#)/i.test(href)) return el('a', { href });
    return el('a', { href, target: '_blank', rel: 'noopener noreferrer' });
  }

  // Runs ([{text, bold?, italic?, href?, lang?}]) into `parent`: <a> around <strong> around <em>
  // around <span lang>. Neighbouring runs with the same link share one <a> (one Tab stop, one name).
  function* appendRuns(parent, runs) {
    let lastLink = null, lastHref = null;
    for (const run of runs || []) {
      let into = parent;
      const href = run.href && LINK.test(run.href) ? run.href : null;
      if (href) {
        if (!(lastLink && lastHref === href && parent.lastChild === lastLink)) {
          lastLink = parent.appendChild(link(href));
          lastHref = href;
        }
        into = lastLink;
      }
      if (run.bold) into = into.appendChild(document.createElement('strong'));
      if (run.italic) into = into.appendChild(document.createElement('em'));
      if (run.lang) into = into.appendChild(el('span', { lang: run.lang }));
      yield* appendText(into, run.text || '');
    }
    return parent;
  }

  const runs = (tag, value, attrs) => appendRuns(el(tag, attrs), value);

  // The top element of a block: where focus lands and what names the block to scroll to.
  function block(tag, index, attrs, ...children) {
    // tabindex -1: not a Tab stop, but a screen reader whose cursor follows focus can land here.
    return el(tag, Object.assign({ 'data-block': index, tabindex: '-1' }, attrs), ...children);
  }

  function header(article) {
    const by = article.byline || {};
    const parts = [];
    if (by.authors && by.authors.length) parts.push(document.createTextNode(by.authors.join(', ')));
    if (by.publishedText) parts.push(el('time', { datetime: by.published || null }, by.publishedText));
    if (by.source && !by.sourceRepeatsAuthor) parts.push(document.createTextNode(by.source));
    const byline = el('p', { class: 'byline', tabindex: '-1' });
    parts.forEach((part, i) => {
      if (i > 0) byline.appendChild(document.createTextNode(' · '));
      byline.appendChild(part);
    });
    return el('header', { 'data-block': -1 },
      el('h1', { tabindex: '-1' }, article.title || ''),
      article.subtitle ? el('p', { class: 'subtitle', tabindex: '-1' }, article.subtitle) : null,
      parts.length ? byline : null);
  }

  function* blockElement(b) {
    const i = b.index;
    switch (b.type) {
      case 'heading': {
        const level = Math.min(4, Math.max(2, Number(b.level) || 2));
        // Block ids are not copied to element ids: an article could name a block like a control
        // of this page ("status", "canvas").
        return yield* appendRuns(block('h' + level, i), b.text);
      }
      case 'paragraph': return yield* appendRuns(block('p', i), b.text);
      case 'quote': return block('blockquote', i, null, yield* runs('p', b.text), b.cite ? el('footer', null, '— ' + b.cite) : null);
      case 'list': {
        const list = block(b.ordered ? 'ol' : 'ul', i);
        for (const item of b.items || []) list.appendChild(yield* runs('li', item));
        return list;
      }
      case 'image': {
        // The alt text is the picture's accessible name (an empty alt means decorative); the
        // caption and credit are the figure's caption. The <img> is for the paper only (hidden
        // on screen, out of the accessibility tree): it gets its address when a print is prepared
        // ("Printing" below), never on a visit that does not print, as the canvas fetches a
        // picture only once it is near the screen. Its declared size gives it the canvas's box
        // (the declared width, at most the column's) before it arrives.
        const name = b.alt ? el('span', { role: 'img', 'aria-label': b.alt }) : null;
        const picture = el('img', { alt: '', 'aria-hidden': 'true', width: b.width, height: b.height,
          crossorigin: 'anonymous', referrerpolicy: 'no-referrer' });
        const src = pictureUrl(b.src);
        if (src) printPictures.set(picture, src);
        let caption = null;
        if ((b.caption && b.caption.length) || b.credit) {
          caption = yield* runs('figcaption', b.caption);
          if (b.credit) caption.appendChild(el('small', null, (b.caption && b.caption.length ? ' — ' : '') + b.credit));
        }
        // A picture with neither alt text nor caption is decoration: nothing for a screen reader.
        return block('figure', i, name || caption ? null : { 'aria-hidden': 'true' }, picture, name, caption);
      }
      case 'sponsored': {
        // Labelled as the canvas labels it, so paid content never reads as the article's own.
        const aside = block('aside', i, { 'aria-label': b.label, class: 'sponsored' });
        // (Without a sponsor, the printed copy shows the label from aria-label: viewer.css.)
        if (b.sponsor) aside.appendChild(el('p', { class: 'label' }, b.label + ' · ' + b.sponsor));
        aside.appendChild(yield* runs('p', b.title, { class: 'title' }));
        if (b.text && b.text.length) aside.appendChild(yield* runs('p', b.text));
        return aside;
      }
      case 'related': {
        const list = el('ul');
        for (const item of b.items || []) {
          const li = el('li');
          if (item.href && LINK.test(item.href)) li.appendChild(link(item.href)).textContent = item.title || '';
          else li.textContent = item.title || '';
          list.appendChild(li);
          yield* tick();
        }
        return block('nav', i, { 'aria-label': b.label }, list);
      }
      case 'callout': {
        const titleId = 'mirror-title-' + i;
        const aside = block('aside', i, { class: 'callout' });
        if (b.label) aside.setAttribute('aria-label', b.label);
        else if (b.title && b.title.length) aside.setAttribute('aria-labelledby', titleId);
        if (b.title && b.title.length) aside.appendChild(yield* runs('p', b.title, { id: titleId, class: 'title' }));
        if (b.text && b.text.length) aside.appendChild(yield* runs('p', b.text));
        for (const p of b.paragraphs || []) aside.appendChild(yield* runs('p', p));
        return aside;
      }
      case 'tags': {
        const list = block('ul', i, { class: 'tags' });
        for (const tag of b.items || []) {
          list.appendChild(el('li', null, tag));
          yield* tick();
        }
        return list;
      }
      case 'divider': return el('hr', { 'data-block': i });
      default: return null;  // a type this page does not know yet: the canvas still shows it
    }
  }

  // The address of each picture of the copy (<img> -> the URL the program resolved and fetches
  // itself), given to the <img> only when a print is prepared (loadPictures below).
  const printPictures = new WeakMap();

  const DIRS = ['ltr', 'rtl', 'auto'];
  // A page of blocks asked of the program at a time: well under a step's work to copy out and
  // parse (the whole of a 43 MB article at once was a task of 2.3 s). A step ends with its page
  // at the latest (build() yields PAGE_END): what one task puts into the page is bounded by a page
  // as well as by time, however fast the machine.
  const PAGE_BLOCKS = 512, PAGE_BYTES = 64 * 1024, PAGE_END = {};
  // Blocks go into parts of PART_BLOCKS (<div class="part">, which a screen reader passes through),
  // each content-visibility: auto like the blocks (viewer.css): at every frame the browser finds
  // out which of those are on screen and lays out the element holding them, so with 130 000
  // blocks side by side each frame of the build took longer than the one before (a 100 000-
  // paragraph copy took 219 s). Parts keep both to a few hundred elements.
  const PART_BLOCKS = 128;

  // Takes the copy on show out a part at a time, hidden from screen readers meanwhile: 130 000
  // blocks taken out at once held the page 80 ms on a busy machine. The root's dir goes first, as
  // in build(): under dir="auto" each part taken out cost a look past all the others (6 s).
  function* clear() {
    const old = root.firstElementChild;
    if (!old) return;
    old.setAttribute('aria-hidden', 'true');
    root.removeAttribute('dir');
    while (old.lastElementChild) {
      old.lastElementChild.remove();
      yield;
    }
    root.replaceChildren();
  }

  // The mirror shows the alert of an article that failed (failed() below).
  // (A look at one element: a query would walk the whole of a long copy.)
  const showsAlert = () => {
    const first = root.firstElementChild && root.firstElementChild.firstElementChild;
    return Boolean(first && first.getAttribute('role') === 'alert');
  };

  // What the canvas shows when the article could not be opened, in the words it uses; role=alert
  // so it is announced.
  function* failed(message) {
    yield* clear();
    root.setAttribute('lang', 'en');
    root.setAttribute('dir', 'ltr');
    root.replaceChildren(el('article', null,
      el('div', { role: 'alert' }, el('h1', null, 'This article could not be opened'), el('p', null, message))));
    return true;
  }

  // Builds the copy straight into the page, block after block, yielding now and then, from the
  // article's header ({lang, dir, title, byline, blockCount, ...}) and its blocks read in pages.
  // Each step adds only what it made, so the browser styles a step's worth of elements at a time
  // (a copy of 130 000 blocks put in at once held the page for seconds). Returns false when the
  // article is gone (another one opened since): its state event starts a new build.
  function* build(head) {
    root.setAttribute('aria-busy', 'true');
    yield* clear();
    const lang = head.lang || 'en';
    const dir = DIRS.includes(head.dir) ? head.dir : 'auto';
    root.setAttribute('lang', lang);
    // The root's dir comes last: under dir="auto" every block put in had the browser look for the
    // root's direction again, past every block before it (they each have a dir of their own):
    // 10 000 paragraphs took 8 s so. (clear() took it away if there was a copy before.)
    root.removeAttribute('dir');
    const top = header(head);
    top.setAttribute('lang', lang);
    top.setAttribute('dir', dir);
    const body = el('article', null, top);
    root.replaceChildren(body);
    let part = null, inPart = 0;
    for (let from = 0; from < head.blockCount;) {
      const page = viewer().articleBlocks(from, PAGE_BLOCKS, PAGE_BYTES);
      if (!page || !page.length) return false;
      from += page.length;
      for (const b of page) {
        const node = yield* blockElement(b);
        yield* tick();
        if (!node) continue;
        node.setAttribute('lang', b.lang || lang);
        node.setAttribute('dir', DIRS.includes(b.dir) ? b.dir : dir);
        if (!part || inPart === PART_BLOCKS) {
          part = body.appendChild(el('div', { class: 'part' }));
          inPart = 0;
        }
        part.appendChild(node);
        inPart++;
      }
      yield PAGE_END;
    }
    root.setAttribute('dir', dir);
    return true;
  }

  // --- Following the program's state -----------------------------------------------------------
  // The state event arrives inside the program's animation frame: the work starts after it, so
  // the article's first frame reaches the screen without waiting for a large mirror. It goes in
  // steps of STEP_MS, one task each: well under a frame, so the canvas keeps drawing.
  const STEP_MS = 12;
  let built = false;  // the mirror shows the ready article; cleared by every non-ready state
  let job = null;     // the work under way: {kind: 'build' or 'failed', steps, timer}

  // Starts `kind`'s work, whose generator `make()` gives (null: nothing to do) at the next task.
  function start(kind, make) {
    stop();
    const current = (job = { kind, make, steps: null, timer: 0 });
    current.timer = setTimeout(() => {
      if (job !== current) return;
      current.steps = make();
      if (current.steps) step(current);
      else job = null;
    }, 0);
  }

  // The work is done: `value` is the generator's (build: false when the article went away).
  function finished(current, value) {
    job = null;
    built = current.kind === 'build' && value;
    if (value) root.setAttribute('aria-busy', 'false');
  }

  function stop() {
    if (job) clearTimeout(job.timer);
    job = null;
  }

  function step(current) {
    if (job !== current) return;  // stopped: a step already queued does nothing
    const end = performance.now() + STEP_MS;
    for (;;) {
      const next = current.steps.next();
      if (next.done) {
        finished(current, next.value);
        return;
      }
      if (next.value === PAGE_END || performance.now() >= end) break;
    }
    current.timer = setTimeout(step, 0, current);
  }

  function sync(state) {
    if (!state) return;
    if (state.ready) {
      // The header is null when the article is no longer ready: the next ready state starts again.
      if (!built && !(job && job.kind === 'build')) start('build', () => {
        const head = viewer() && viewer().articleHeader();
        made = 0;
        return head ? build(head) : null;
      });
      return;
    }
    built = false;
    root.setAttribute('aria-busy', 'true');
    if (state.error) start('failed', () => failed(state.error));
    else if (job) stop();
    else if (showsAlert()) root.replaceChildren();
  }

  window.addEventListener('articleviewer:state', (e) => sync(e.detail));
  if (viewer()) sync(viewer().state());

  // --- Printing ------------------------------------------------------------------------------------
  // The printed article is this copy (viewer.css, @media print), and the browser paginates right
  // after 'beforeprint' without waiting for a timer: the steps still to come are taken now, in
  // this one task. A long article holds the page while it is copied, which a print asks for anyway
  // (the browser lays all of it out next). The copy comes from the program; its pictures load apart
  // (loadPictures below).
  function finish() {
    if (!built && !job && viewer()) sync(viewer().state());  // an article ready, its state event not seen yet
    const current = job;
    if (!current) return;
    clearTimeout(current.timer);
    if (!current.steps) current.steps = current.make();
    if (!current.steps) {
      job = null;
      return;
    }
    let next;
    do next = current.steps.next(); while (!next.done);
    finished(current, next.value);
  }

  // The print is in the reader's font: the fonts the program already has in memory (the base
  // faces, the extended subsets once an article needed them, a family the reader chose once it was
  // fetched), handed to the browser as FontFaces made from their bytes when a print starts.
  // Nothing is downloaded, which the browser would not wait for before it paginates, and nothing
  // is added on a visit that never prints. Chromium reads a FontFace given as bytes at once; where
  // a browser reads it later (the specification lets it), the first print falls back to the next
  // family of viewer.css's list, a later one has it. viewer.css picks the family by a class on
  // <html>: none or font-serif, font-sans, font-legible (README, "Printing"), which the reader's
  // settings set.
  //
  // The faces of each print family: weight, style, and the word that ends their files' names.
  const STYLES = [[400, 'normal', 'Regular'], [700, 'normal', 'Bold'], [400, 'italic', 'Italic'], [700, 'italic', 'BoldItalic']];
  // [print family, its files (% is the face's word), the first the program has winning], as
  // wasm/core/font_family.cpp names them, relative to the program's fonts folder. The base Noto
  // Sans (the interface's regular and bold) stands in for the sans family until it is fetched.
  // The extended subsets (Greek, Cyrillic, Latin Extended...: README, "Fonts") are a family of
  // their own, next in viewer.css's lists: the browser falls back to them character by character.
  const FAMILIES = [
    ['Serif', ['NotoSerif-%.ttf']],
    ['Sans', ['families/sans/NotoSans-%.ttf', 'NotoSans-%.ttf']],
    ['Legible', ['families/legible/OpenDyslexic-%.otf']],
    ['Serif Ext', ['ext/NotoSerif-%.ttf']],
    ['Sans Ext', ['ext/NotoSans-%.ttf']],
  ];
  const FACES = [];
  for (const [family, files] of FAMILIES) {
    for (const [weight, style, word] of STYLES) FACES.push(['AV Print ' + family, weight, style, files.map((f) => f.replace('%', word))]);
  }

  // What each face of FACES was made from: {at: index of the candidate, face: FontFace}.
  const printFaces = FACES.map(() => null);

  function registerFonts() {
    if (!viewer() || !viewer().fontBytes || typeof FontFace === 'undefined') return;
    FACES.forEach(([family, weight, style, files], i) => {
      // Only a file before the one in use can do better (a family fetched since the last print).
      const upTo = printFaces[i] ? printFaces[i].at : files.length;
      for (let at = 0; at < upTo; ++at) {
        const bytes = viewer().fontBytes(files[at]);
        if (!bytes) continue;
        let face;
        try {
          face = new FontFace(family, bytes, { weight: String(weight), style });
        } catch (e) {
          face = null;
        }
        if (face) face.loaded.catch(() => {});  // a bad file is said below, not as an uncaught error
        if (!face || face.status === 'error') {
          console.warn('print: the font ' + files[at] + ' could not be read; the print uses another');
          continue;
        }
        if (printFaces[i]) document.fonts.delete(printFaces[i].face);
        document.fonts.add(face);
        printFaces[i] = { at, face };
        break;
      }
    });
  }

  // The pictures print as <img>s of the copy (viewer.css: a figure.picture-ready shows its picture,
  // any other its alt text). They load only for a print: the address goes to each <img> here, with
  // the request the canvas makes (CORS, no credentials beyond the page's own origin, no referrer),
  // so the browser's cache, or the service worker's offline copy, answers for a picture the canvas
  // has already shown. A picture is ready once decoded, so the print can draw it at once. Returns
  // a promise per picture of the copy, true when it can be printed; a second call gives the same.
  const pictureLoads = new WeakMap();
  function loadPictures() {
    return Array.from(root.querySelectorAll('figure > img'), (img) => {
      let load = pictureLoads.get(img);
      if (load) return load;
      const figure = img.parentNode;
      load = new Promise((resolve) => {
        const done = (ok) => {
          figure.classList.add(ok ? 'picture-ready' : 'picture-failed');
          resolve(ok);
        };
        const src = printPictures.get(img);
        if (!src) {
          done(false);
          return;
        }
        img.addEventListener('load', () => img.decode().then(() => done(true), () => done(false)), { once: true });
        img.addEventListener('error', () => done(false), { once: true });
        img.src = src;
      });
      pictureLoads.set(img, load);
      return load;
    });
  }

  // A print the page prepares (Ctrl+P, Cmd+P, articleViewer.print()): the whole copy, then every
  // picture of it loaded or failed, PICTURE_WAIT_MS at most for all of them (a picture still on
  // its way then prints as its alt text), and only then the browser's print dialog. Resolves to
  // {pictures, printed} (the copy's pictures, those on the paper) once window.print() returns.
  const PICTURE_WAIT_MS = 10000;
  let preparing = null;
  function preparePrint() {
    if (preparing) return preparing;
    finish();
    const loads = loadPictures();
    const html = document.documentElement;
    html.classList.add('preparing-print');
    let timer = 0;
    const limit = new Promise((resolve) => { timer = setTimeout(resolve, PICTURE_WAIT_MS); });
    preparing = Promise.race([Promise.all(loads), limit]).then(() => {
      clearTimeout(timer);
      const printed = root.querySelectorAll('figure.picture-ready').length;
      html.classList.remove('preparing-print');
      try {
        window.print();
      } finally {
        preparing = null;
      }
      return { pictures: loads.length, printed };
    });
    return preparing;
  }

  // What articleViewer.print() and Ctrl+P (both in loader.js, there from the start) call: the
  // article once the program has it (a print asked for as the page opens waits for it,
  // ARTICLE_WAIT_MS at most), else an error saying why there is nothing to print. One at a time:
  // a second call while the first waits gets the same promise, so there is one print dialog.
  const ARTICLE_WAIT_MS = 10000;
  let asked = null;
  function printArticle() {
    const settled = (state) => Boolean(state && (state.ready || state.error));
    asked = asked || new Promise((resolve) => {
      if (settled(viewer().state())) {
        resolve(viewer().state());
        return;
      }
      const done = () => {
        clearTimeout(timer);
        window.removeEventListener('articleviewer:state', seen);
        resolve(viewer().state());
      };
      const seen = (e) => { if (settled(e.detail)) done(); };
      const timer = setTimeout(done, ARTICLE_WAIT_MS);
      window.addEventListener('articleviewer:state', seen);
    }).then((state) => {
      if (state.error) throw new Error('the article could not be opened, so there is nothing to print: ' + state.error);
      if (!state.ready) throw new Error('the article is still loading, so there is nothing to print yet (print again once it shows)');
      return preparePrint();
    }).finally(() => { asked = null; });
    return asked;
  }
  window.articleViewerPrint = printArticle;

  // The browser's own Print (its menu) does not wait: the pictures start loading here, and those
  // ready before it paginates (already loaded for an earlier print, or quick) print as pictures.
  window.addEventListener('beforeprint', () => {
    finish();
    registerFonts();
    loadPictures();
  });

  // --- Focus in the mirror moves the canvas ------------------------------------------------------
  let lastFocus = null;
  let returning = false;  // the window is getting focus back: focus returns to the same element
  window.addEventListener('focus', () => { returning = true; setTimeout(() => { returning = false; }, 0); });
  root.addEventListener('focusin', (e) => {
    const target = e.target;
    if (returning && target === lastFocus) return;  // the reader may have scrolled away since
    lastFocus = target;
    const holder = target.closest('[data-block]');
    if (holder && viewer()) viewer().scrollToBlock(Number(holder.getAttribute('data-block')));
  });

  // Tab and Enter inside the mirror belong to the page (move between links, follow one), not to
  // the program, which listens on the whole window for its own keyboard navigation (loader.js
  // runs this test before the program sees the key). Key-ups still pass, so the program never
  // sees a key stuck down; the scrolling keys pass too.
  window.articleViewerKeyGuards.push((e) => e.type === 'keydown' && (e.key === 'Tab' || e.key === 'Enter') &&
    e.target instanceof Node && root.contains(e.target));
})();
