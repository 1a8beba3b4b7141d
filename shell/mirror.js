// The accessible copy of the article. The canvas is a picture of the text (aria-hidden); #mirror
// holds the same article as real HTML, in reading order, for screen readers and keyboard users:
// h1, byline, h2-h4, p, lists, blockquote, links, figures with their alt text, sponsored blocks
// and callouts as labelled asides. It is visually hidden (viewer.css .visually-hidden), not
// display:none, so it stays in the accessibility tree.
//
// Kept in sync with the program: rebuilt from articleViewer.article() (what the loader accepted,
// see wasm/core/article_json.hpp) each time an article becomes ready ('articleviewer:state').
// Languages and directions (format 1.1): the mirror's root has the article's lang and dir, every
// block element its own lang and dir (the block's, else the article's; dir="auto" where the
// direction is auto, so the browser finds it as the canvas does), and a run in another language
// is a <span lang>: a screen reader then reads each passage with the right voice.
// Built with createElement, textContent and setAttribute only: no article string is ever parsed
// as HTML. Cost and pauses (hardening issue, item 1): the copy is built in steps of at most
// STEP_MS, one task each, so even 200 000 links never hold the page; every block is
// content-visibility: auto (viewer.css), so the browser neither lays out nor shapes a block nobody
// looks at (a paragraph of 100 000 combining accents held Chromium 28 to 45 s), while screen
// readers still read it all. Focus inside the mirror (Tab to a link, or a screen reader moving
// focus) scrolls the canvas to the same block: every block element carries data-block = its index
// (-1: the header).
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
        // The picture is not loaded: its alt text is its accessible name (an empty alt means
        // decorative). The caption and credit are the figure's caption.
        const picture = b.alt ? el('span', { role: 'img', 'aria-label': b.alt }) : null;
        let caption = null;
        if ((b.caption && b.caption.length) || b.credit) {
          caption = yield* runs('figcaption', b.caption);
          if (b.credit) caption.appendChild(el('small', null, (b.caption && b.caption.length ? ' — ' : '') + b.credit));
        }
        return picture || caption ? block('figure', i, null, picture, caption) : null;
      }
      case 'sponsored': {
        // Labelled as the canvas labels it, so paid content never reads as the article's own.
        const aside = block('aside', i, { 'aria-label': b.label, class: 'sponsored' });
        if (b.sponsor) aside.appendChild(el('p', null, b.label + ' · ' + b.sponsor));
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

  function show(...children) {
    const body = el('article', null);
    for (const child of children) if (child) body.appendChild(child);
    root.replaceChildren(body);
  }

  const DIRS = ['ltr', 'rtl', 'auto'];

  // Builds the copy into a detached element, yielding now and then; shows it when done.
  function* build(article) {
    const lang = article.lang || 'en';
    const dir = DIRS.includes(article.dir) ? article.dir : 'auto';
    root.setAttribute('lang', lang);
    root.setAttribute('dir', dir);
    const top = header(article);
    top.setAttribute('lang', lang);
    top.setAttribute('dir', dir);
    const body = el('article', null, top);
    for (const b of article.blocks || []) {
      const node = yield* blockElement(b);
      yield* tick();
      if (!node) continue;
      node.setAttribute('lang', b.lang || lang);
      node.setAttribute('dir', DIRS.includes(b.dir) ? b.dir : dir);
      body.appendChild(node);
    }
    root.replaceChildren(body);
  }

  // --- Following the program's state -----------------------------------------------------------
  let built = false;  // the mirror shows the ready article; cleared by every non-ready state
  let pending = 0;    // the timer of the build's next step (0: no build under way)
  const STEP_MS = 12;  // one step's work: well under a frame, so the canvas keeps drawing

  // The state event arrives inside the program's animation frame: build after it, so the
  // article's first frame reaches the screen without waiting for a large mirror.
  function buildSoon() {
    const state = viewer() && viewer().state();
    const article = state && state.ready ? viewer().article() : null;
    if (!article) {
      pending = 0;
      return;
    }
    made = 0;
    const steps = build(article);
    const step = () => {
      const end = performance.now() + STEP_MS;
      do {
        if (steps.next().done) {
          pending = 0;
          built = true;
          root.setAttribute('aria-busy', 'false');
          return;
        }
      } while (performance.now() < end);
      pending = setTimeout(step, 0);
    };
    step();
  }

  function sync(state) {
    if (!state) return;
    if (state.ready) {
      if (!built && !pending) pending = setTimeout(buildSoon, 0);
      return;
    }
    built = false;
    clearTimeout(pending);
    pending = 0;
    if (state.error) {
      // What the canvas shows, in the words it uses; role=alert so it is announced.
      root.setAttribute('lang', 'en');
      root.setAttribute('dir', 'ltr');
      root.setAttribute('aria-busy', 'false');
      show(el('div', { role: 'alert' }, el('h1', null, 'This article could not be opened'), el('p', null, state.error)));
    } else {
      root.setAttribute('aria-busy', 'true');
      if (root.firstChild && root.querySelector('[role=alert]')) root.replaceChildren();
    }
  }

  window.addEventListener('articleviewer:state', (e) => sync(e.detail));
  if (viewer()) sync(viewer().state());

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
