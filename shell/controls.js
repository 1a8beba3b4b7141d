// The viewer's controls as real buttons, for the keyboard and screen readers. The canvas draws the
// toolbar (text size, theme, Contents, Library) and the library's Open and Forget buttons, but
// Tab cannot reach inside a canvas and a screen reader cannot see it (it is aria-hidden). So
// #controls holds the same controls as DOM buttons that call window.articleViewer; they are out of
// sight until focus is inside them, then show as a bar over the canvas's toolbar (viewer.css),
// with the focused button outlined. Contents and Library open lists below the bar; Escape closes
// them and gives focus back to their button.
//
// Built with createElement and textContent only: titles of articles never go through innerHTML.
(function () {
  'use strict';
  const root = document.getElementById('controls');
  const live = document.getElementById('controls-status');

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, attrs, onClick) {
    const b = el('button', Object.assign({ type: 'button' }, attrs), text);
    b.addEventListener('click', onClick);
    return b;
  }

  // Said by screen readers (a polite live region); a new text each time, so repeats are said too.
  function announce(text) {
    if (!live) return;
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 50);
  }

  // Lent to the scripts that run after this one (highlights.js; the order is fixed: index.html,
  // loader.js), which build their panels the same way and speak through the same live region.
  window.articleViewerPage = Object.freeze({ el, button, announce });

  if (!root) return;
  const bar = root.querySelector('.controls-bar');
  const canvas = document.getElementById('canvas');
  const viewer = () => window.articleViewer;
  const state = () => (viewer() ? viewer().state() : {});

  // --- The bar -----------------------------------------------------------------------------------
  // First, what the canvas offers at the moment: the error screen's Retry and "Open the default
  // article", the resume notice's "Start over". Shown only while the canvas shows them.
  const retry = button('Retry', { hidden: '', title: 'Open the same article again' }, () => {
    viewer().retry();
    announce('Opening the article again');
  });
  const openDefault = button('Open the default article', { hidden: '' }, () => {
    viewer().openDefault();
    announce('Opening the default article');
  });
  const startOver = button('Start over', { hidden: '', title: 'Back to the start of the article' }, () => {
    viewer().startOver();
    startOver.hidden = true;
    canvas.focus();
    announce('Back at the start of the article');
  });
  bar.insertBefore(startOver, bar.firstChild);
  bar.insertBefore(openDefault, bar.firstChild);
  bar.insertBefore(retry, bar.firstChild);
  function moment(s = state()) {
    const failed = Boolean(s.error);
    retry.hidden = !failed;
    openDefault.hidden = !failed || s.defaultArticle !== false;
    startOver.hidden = failed || !s.canStartOver;
  }
  window.addEventListener('articleviewer:state', (e) => moment(e.detail || undefined));
  moment();  // this script runs after the first frame (loader.js): the state may have changed already

  const step = (delta) => () => {
    const before = state().fontSize || 20;
    viewer().setFontSize(before + delta);
    const now = state().fontSize;
    announce(now === before ? `Text size ${now} px, the ${delta < 0 ? 'smallest' : 'largest'}` : `Text size ${now} px`);
  };
  bar.appendChild(button('A–', { 'aria-label': 'Smaller text', title: 'Smaller text (Ctrl+-)' }, step(-2)));
  bar.appendChild(button('A+', { 'aria-label': 'Larger text', title: 'Larger text (Ctrl+=); Ctrl+0 resets' }, step(2)));

  const themes = el('div', { role: 'group', 'aria-label': 'Theme', class: 'controls-themes' });
  for (const name of ['Light', 'Sepia', 'Dark']) {
    themes.appendChild(button(name, { 'aria-pressed': 'false', 'data-theme': name }, () => {
      viewer().setTheme(name);
      refresh();
    }));
  }
  bar.appendChild(themes);

  const settingsButton = button('Aa', {
    'aria-label': 'Settings', title: 'Theme, text size, font, line width and spacing, justification',
    'aria-expanded': 'false', 'aria-controls': 'settings-panel',
  }, () => toggle(settingsPanel));
  bar.appendChild(settingsButton);
  const contentsButton = button('Contents', { 'aria-expanded': 'false', 'aria-controls': 'contents-panel' }, () => toggle(contents));
  const libraryButton = button('Library', { 'aria-expanded': 'false', 'aria-controls': 'library-panel' }, () => toggle(library));
  bar.appendChild(contentsButton);
  bar.appendChild(libraryButton);
  // The find bar is drawn in the canvas and types from the keyboard: focus goes to the canvas.
  bar.appendChild(button('Find…', { title: 'Find in the article (Ctrl+F)' }, () => {
    close();
    viewer().find('');
    canvas.focus();
  }));

  // --- Panels: Contents and Library ----------------------------------------------------------------
  function panel(id, label) {
    const node = el('section', { id, class: 'controls-panel', 'aria-label': label, hidden: '' });
    root.appendChild(node);
    return node;
  }
  const contents = { button: contentsButton, node: panel('contents-panel', 'Contents'), fill: fillContents, open: null, close: null };
  const library = {
    button: libraryButton, node: panel('library-panel', 'Library'), fill: fillLibrary,
    open: () => viewer().showLibrary(true),
    close: () => viewer().showLibrary(false),
  };
  const settingsPanel = { button: settingsButton, node: panel('settings-panel', 'Settings'), fill: () => fillSettings(), open: null, close: null };
  let opened = null;  // the panel shown, if any

  function toggle(p) {
    if (opened === p) close(true);
    else show(p);
  }

  function show(p) {
    if (opened) close(false);
    opened = p;
    if (p.open) p.open();
    p.fill();
    p.node.hidden = false;
    p.button.setAttribute('aria-expanded', 'true');
    const first = p.node.querySelector('button');
    if (first) first.focus();
  }

  // Closes the open panel; `refocus` gives focus back to its button. `canvasToo` false leaves
  // what the canvas shows alone (the library stays on the canvas).
  function close(refocus, canvasToo = true) {
    const p = opened;
    if (!p) return false;
    opened = null;
    p.node.hidden = true;
    p.button.setAttribute('aria-expanded', 'false');
    if (p.close && canvasToo) p.close();
    if (refocus) p.button.focus();
    return true;
  }

  // Focus leaving the controls closes the panel: nothing would show it any more. A click on the
  // canvas keeps the canvas's library, which the mouse may be using.
  root.addEventListener('focusout', (e) => {
    const to = e.relatedTarget;
    if (!to || root.contains(to)) return;  // the window lost focus, or focus moves inside
    close(false, to !== canvas);
  });

  // The level-2 headings, as the canvas's Contents lists them. Choosing one moves the canvas
  // there and puts focus on that heading in the accessible copy (#mirror), where a screen reader
  // goes on reading and Tab goes on to the section's links.
  function fillContents() {
    // Only the headings: the whole article (article()) of 43 MB took seconds to copy out.
    const sections = viewer().sections();
    const list = el('ul');
    // The section being read: the last one starting at or before the line at the top.
    const at = state().anchor ? state().anchor.block : -1;
    const current = sections.filter((b) => b.index <= at).pop();
    for (const b of sections) {
      const text = (b.text || []).map((r) => r.text || '').join('');
      const item = el('li');
      item.appendChild(button(text, { 'aria-current': b === current ? 'true' : null }, () => {
        close(false);
        viewer().scrollToBlock(b.index);
        const heading = document.querySelector(`#mirror [data-block="${Number(b.index)}"]`);
        if (heading) heading.focus({ preventScroll: true });
        else canvas.focus();
      }));
      list.appendChild(item);
    }
    const body = [el('h2', null, 'Contents')];
    body.push(sections.length ? list : el('p', null, 'This article has no sections'));
    body.push(button('Close', { class: 'controls-close' }, () => close(true)));
    contents.node.replaceChildren(...body);
  }

  // The canvas's settings panel as real buttons, each group a labelled set whose pressed button is
  // the setting in force (aria-pressed), and the line width's slider. Each press goes through
  // setSettings, as the API's callers do; the panel is built again after every change (from the
  // canvas too: the articleviewer:settings event), focus staying on the same control.
  const choices = {
    theme: [['light', 'Light'], ['sepia', 'Sepia'], ['dark', 'Dark'], ['auto', 'Auto (as the system)']],
    font: [['serif', 'Serif'], ['sans', 'Sans'], ['legible', 'Legible (OpenDyslexic)']],
    measure: [[55, 'Narrow'], [70, 'Medium'], [85, 'Wide']],
    lineSpacing: [[1.3, '1.3'], [1.5, '1.5'], [1.75, '1.75'], [2, '2']],
    justify: [[false, 'Ragged right'], [true, 'Justified']],
  };
  const headings = { theme: 'Theme', font: 'Font', measure: 'Line width', lineSpacing: 'Line spacing', justify: 'Alignment' };
  function change(patch, said) {
    try {
      viewer().setSettings(patch);
      announce(said);
    } catch (e) {
      announce(String(e.message || e));
    }
  }
  function fillSettings() {
    const s = viewer().settings() || {};
    const focused = document.activeElement && settingsPanel.node.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    const body = [el('h2', null, 'Settings')];
    const group = (field, extra) => {
      const node = el('div', { role: 'group', 'aria-label': headings[field], class: 'controls-choices' });
      body.push(el('h3', { 'aria-hidden': 'true' }, headings[field]), node);
      for (const [value, label] of choices[field]) {
        node.appendChild(button(label, { 'aria-pressed': String(s[field] === value), 'data-key': `${field}:${value}` },
          () => change({ [field]: value }, `${headings[field]}: ${label}`)));
      }
      if (extra) node.appendChild(extra);
    };
    group('theme');
    const size = el('div', { role: 'group', 'aria-label': 'Text size', class: 'controls-choices' });
    body.push(el('h3', { 'aria-hidden': 'true' }, 'Text size'), size);
    const sized = (delta) => () => {
      const px = Math.min(40, Math.max(12, (s.fontSize || 20) + delta));
      change({ fontSize: px }, `Text size ${px} px`);
    };
    size.appendChild(button('A–', { 'aria-label': 'Smaller text', 'data-key': 'fontSize:smaller' }, sized(-2)));
    size.appendChild(el('span', { class: 'controls-detail' }, `${s.fontSize} px`));
    size.appendChild(button('A+', { 'aria-label': 'Larger text', 'data-key': 'fontSize:larger' }, sized(2)));
    group('font');
    const slider = el('input', { type: 'range', min: 45, max: 90, step: 1, value: s.measure, 'data-key': 'measure:slider',
      'aria-label': 'Line width in characters', 'aria-valuetext': `${s.measure} characters` });
    slider.addEventListener('change', () => change({ measure: Number(slider.value) }, `Line width ${slider.value} characters`));
    group('measure', slider);
    group('lineSpacing');
    group('justify');
    // Reading aloud's speed, voice and sponsored blocks (shell/listen.js: it knows the voices).
    if (window.articleViewerSpeech && s.speechRate !== undefined) body.push(...window.articleViewerSpeech.settingsControls(s, change));
    body.push(button('Close', { class: 'controls-close', 'data-key': 'close' }, () => close(true)));
    settingsPanel.node.replaceChildren(...body);
    const again = focused && settingsPanel.node.querySelector(`[data-key="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }
  window.addEventListener('articleviewer:settings', () => {
    if (opened === settingsPanel) fillSettings();
    refresh();
  });
  // The "auto" theme follows the system: the page's colours too.
  if (window.matchMedia) {
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const later = () => setTimeout(refresh, 0);
    if (scheme.addEventListener) scheme.addEventListener('change', later);
  }

  function readLine(entry) {
    const marks = entry.highlights > 0 ? ` · ${entry.highlights} highlight${entry.highlights === 1 ? '' : 's'}` : '';
    if (entry.percent === undefined) return 'not started' + marks;
    return Math.round(entry.percent * 100) + '% read' + marks;
  }

  // The library as the canvas shows it: bundled articles, then others read here; Open where the
  // article can be opened again (by URL, or a file the browser keeps), Forget where a position is saved. `focusAt` is the entry
  // (by position) whose first button takes focus after a rebuild.
  function fillLibrary(focusAt) {
    const entries = viewer().library();
    const body = [el('h2', null, 'Library')];
    const rows = [];
    const group = (heading, items) => {
      if (!items.length) return;
      body.push(el('h3', null, heading));
      const list = el('ul');
      for (const entry of items) {
        const title = entry.title || entry.id;
        const item = el('li');
        item.appendChild(el('span', { class: 'controls-title' }, title));
        item.appendChild(el('span', { class: 'controls-detail' }, readLine(entry)));
        const source = String(entry.source || '');
        if (entry.note) item.appendChild(el('span', { class: 'controls-detail' }, entry.note));
        if (source && (entry.bundled || entry.canOpen)) {
          item.appendChild(button('Open', { 'aria-label': 'Open ' + title }, () => {
            close(true);
            if (source !== state().source) viewer().open(source);
            announce('Opening ' + title);
          }));
        }
        if (entry.percent !== undefined) {
          const index = rows.length;
          item.appendChild(button('Forget', { 'aria-label': 'Forget the position in ' + title }, () => {
            viewer().forget(entry.name || entry.id);
            announce('Forgot the position in ' + title);
            fillLibrary(index);
          }));
        }
        rows.push(item);
        list.appendChild(item);
      }
      body.push(list);
    };
    group('With this viewer', entries.filter((e) => e.bundled));
    group('Recently read', entries.filter((e) => !e.bundled));
    if (entries.some((e) => e.percent !== undefined)) {
      body.push(button('Forget all reading positions', null, () => {
        viewer().forgetAll();
        announce('Forgot every reading position');
        fillLibrary(Infinity);
      }));
    }
    const closeButton = button('Close', { class: 'controls-close' }, () => close(true));
    body.push(closeButton);
    library.node.replaceChildren(...body);
    if (focusAt !== undefined) {
      const row = rows[Math.min(focusAt, rows.length - 1)];
      ((row && row.querySelector('button')) || closeButton).focus();
    }
  }

  // --- Keeping up with the canvas --------------------------------------------------------------------
  // The canvas changes the same settings (shortcuts, its own buttons): read them again whenever
  // focus comes into the controls.
  // The page's colours (these controls, the canvas's focus ring) follow the viewer's theme.
  function refresh() {
    const s = state();
    moment(s);
    for (const b of themes.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.theme === s.theme));
    if (s.theme) document.documentElement.dataset.theme = String(s.theme).toLowerCase();
    if (opened === library && s.library === false) close(false);  // closed on the canvas meanwhile
  }
  root.addEventListener('focusin', refresh);
  if (canvas) canvas.addEventListener('focus', refresh);

  // Keys inside the controls belong to them (Tab moves, Enter and Space press, Escape closes), not
  // to the program, which listens on the whole window for its own keyboard navigation (loader.js
  // runs this test before the program sees the key); other keys (shortcuts, scrolling) still
  // reach it. A key-up of Space or Enter presses the button: the program would cancel it.
  const inside = (e) => e.target instanceof Node && root.contains(e.target);
  window.articleViewerKeyGuards.push((e) => {
    if (!inside(e)) return false;
    if (e.type === 'keyup') return e.key === 'Enter' || e.key === ' ';
    if (e.key === 'Escape') {
      if (!close(true)) return false;
      e.preventDefault();
      return true;
    }
    // The line width's slider takes the arrows, Home, End and the page keys, which would
    // otherwise scroll the article too.
    const slider = e.target instanceof HTMLInputElement && e.target.type === 'range';
    if ((slider || e.target instanceof HTMLSelectElement) && /^(Arrow|Home$|End$|Page)/.test(e.key)) return true;
    return e.key === 'Tab' || e.key === 'Enter' || e.key === ' ';
  });
})();
