// Highlights and notes on the page (README, "Highlights"): what the canvas offers, for the
// keyboard and screen readers.
// - "Highlight selection" and "Highlights" in the controls bar (controls.js's bar: out of sight
//   until focus is inside). The first highlights the text selected in the accessible copy
//   (#mirror, where a screen reader or caret browsing selects), else the canvas's selection; H
//   does the same while focus is in the copy.
// - The Highlights panel: every highlight in reading order with its quote, colour and note; Go to,
//   Edit note (a textarea), Delete, its colour (four buttons, "Colour: yellow"...); lost ones said so; Export Markdown / JSON (a download) and
//   Import JSON (the hidden #import-highlights input, which the canvas's panel uses too).
// - The copy's <mark> elements: each highlight's words marked in #mirror, its note as the mark's
//   description (aria-describedby), redone on every `articleviewer:highlights` and once the copy
//   is (re)built.
// Built with createElement and textContent only: quotes and notes never go through innerHTML.
(function () {
  'use strict';
  const viewer = () => window.articleViewer;
  const controls = document.getElementById('controls');
  const bar = controls && controls.querySelector('.controls-bar');
  const mirror = document.getElementById('mirror');
  const input = document.getElementById('import-highlights');
  const canvas = document.getElementById('canvas');
  const COLORS = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

  // controls.js, which runs just before this script, lends its builders and its announcer.
  if (!window.articleViewerPage) return;
  const { el, button, announce } = window.articleViewerPage;
  const list = () => (viewer() && viewer().highlights ? viewer().highlights() : []);

  // --- The copy's own text: code points, as the program counts a block's text -----------------------
  // What a block element holds beyond its own text (a sponsored block's label, a quote's cite, a
  // picture's credit: mirror.js) is not counted; a <br> is the "\n" of the text.
  const EXTRA = 'p.label, footer, small';
  function* units(block) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === 1 && n.matches(EXTRA) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) yield n;
      else if (n.tagName === 'BR') yield n;
    }
  }
  const codePoints = (text) => { let n = 0; for (const _ of text) n++; return n; };
  // The UTF-16 index of code point `cp` of `text`.
  function utf16At(text, cp) {
    let i = 0;
    for (let n = 0; n < cp && i < text.length; n++) i += text.codePointAt(i) > 0xffff ? 2 : 1;
    return i;
  }

  // --- <mark> elements in the copy -------------------------------------------------------------------
  const notes = el('div', { id: 'highlight-notes', hidden: '' });
  document.body.appendChild(notes);

  function unmark() {
    if (!mirror) return;
    for (const mark of mirror.querySelectorAll('mark[data-highlight]')) {
      const parent = mark.parentNode;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parent.normalize();
    }
    notes.replaceChildren();
  }

  function markOne(block, h) {
    let at = 0;  // code points of the block's text before the unit
    const pieces = [];
    for (const unit of units(block)) {
      const length = unit.nodeType === 3 ? codePoints(unit.data) : 1;
      const from = Math.max(h.start, at), to = Math.min(h.end, at + length);
      if (unit.nodeType === 3 && from < to) pieces.push([unit, from - at, to - at]);
      at += length;
      if (at >= h.end) break;
    }
    let described = null;
    if (h.note) {
      described = 'highlight-note-' + h.id.replace(/[^A-Za-z0-9_-]/g, '_');
      notes.appendChild(el('span', { id: described }, 'Note: ' + h.note));
    }
    for (const [node, from, to] of pieces) {
      let target = node;
      const start = utf16At(node.data, from), end = utf16At(node.data, to);
      if (end < target.data.length) target.splitText(end);
      if (start > 0) target = target.splitText(start);
      const mark = el('mark', { 'data-highlight': h.id, 'data-color': h.color, 'aria-describedby': described });
      target.parentNode.insertBefore(mark, target);
      mark.appendChild(target);
    }
  }

  let marking = 0;
  function remark() {
    if (!mirror || mirror.getAttribute('aria-busy') === 'true') return;  // once built (observer below)
    marking++;
    unmark();
    for (const h of list()) {
      if (h.lost) continue;
      const block = mirror.querySelector(`[data-block="${Number(h.block)}"]`);
      if (block) markOne(block, h);
    }
    marking--;
  }
  window.addEventListener('articleviewer:highlights', () => { remark(); refill(); });
  // mirror.js sets aria-busy="false" when the copy is complete: mark it then.
  if (mirror) {
    new MutationObserver(() => { if (mirror.getAttribute('aria-busy') === 'false') remark(); })
      .observe(mirror, { attributes: true, attributeFilter: ['aria-busy'] });
  }

  // --- The selection in the copy as highlights -----------------------------------------------------
  // A boundary (node, offset) in a block element -> code points of the block's text before it.
  function offsetIn(block, node, offset) {
    const point = document.createRange();
    point.setStart(node, offset);
    let at = 0;
    for (const unit of units(block)) {
      if (unit === node) return at + codePoints(unit.data.slice(0, offset));
      if (point.comparePoint(unit, 0) > 0) break;  // the unit starts after the boundary
      at += unit.nodeType === 3 ? codePoints(unit.data) : 1;
    }
    return at;
  }
  const blockOf = (node) => {
    const e = node && (node.nodeType === 1 ? node : node.parentElement);
    const b = e && e.closest('[data-block]');
    return b && mirror.contains(b) && Number(b.getAttribute('data-block')) >= 0 ? b : null;
  };

  // The copy's selection as [{block, start, end}], one per block; null when it is not in the copy.
  function mirrorSelection() {
    const sel = window.getSelection();
    if (!mirror || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!mirror.contains(range.commonAncestorContainer)) return null;
    const out = [];
    for (const block of mirror.querySelectorAll('[data-block]')) {
      const index = Number(block.getAttribute('data-block'));
      if (index < 0 || !range.intersectsNode(block)) continue;
      let total = 0;
      for (const unit of units(block)) total += unit.nodeType === 3 ? codePoints(unit.data) : 1;
      const start = blockOf(range.startContainer) === block ? offsetIn(block, range.startContainer, range.startOffset) : 0;
      const end = blockOf(range.endContainer) === block ? offsetIn(block, range.endContainer, range.endOffset) : total;
      if (end > start) out.push({ block: index, start, end });
    }
    return out;
  }

  // "Highlight selection": the copy's selection, else the canvas's. Returns what was said.
  function highlightSelection() {
    const ranges = mirrorSelection();
    let said;
    if (ranges && ranges.length) {
      let added = 0, error = '';
      for (const r of ranges) {
        try {
          viewer().addHighlight(r);
          added++;
        } catch (e) {
          error = error || String(e.message || e);
        }
      }
      said = added === 0 ? 'Not highlighted: ' + error : added === 1 ? 'Highlighted' : `Highlighted ${added} passages, one per block`;
      if (added) window.getSelection().removeAllRanges();
    } else {
      said = viewer().highlightSelection('yellow');
    }
    announce(said);
    return said;
  }

  // H while focus is in the copy highlights the copy's selection (the canvas has its own H).
  if (window.articleViewerKeyGuards && mirror) {
    window.articleViewerKeyGuards.push((e) => {
      if (e.key !== 'h' && e.key !== 'H') return false;
      if (e.ctrlKey || e.metaKey || e.altKey || !(e.target instanceof Node) || !mirror.contains(e.target) && e.target !== document.body) return false;
      const ranges = mirrorSelection();
      if (!ranges || !ranges.length) return false;
      if (e.type === 'keydown') highlightSelection();
      e.preventDefault();
      return true;
    });
  }

  // Shift with an arrow, Home or End in the copy extends the copy's selection (the browser's own);
  // the program's, which would extend the canvas's selection too (ui/keyboard_selection.hpp), is
  // for the canvas.
  if (window.articleViewerKeyGuards && mirror) {
    window.articleViewerKeyGuards.push((e) => e.shiftKey && /^(Arrow|Home$|End$)/.test(e.key) &&
      e.target instanceof Node && mirror.contains(e.target));
  }

  // --- The controls bar's buttons and the panel ------------------------------------------------------
  if (!controls || !bar) return;
  const highlightButton = button('Highlight selection', { title: 'Highlight the selected text (H)' }, () => highlightSelection());
  const panelButton = button('Highlights', { 'aria-expanded': 'false', 'aria-controls': 'highlights-panel' }, () => toggle());
  // Before Find… and after Library, in the order of the canvas's toolbar.
  const find = [...bar.querySelectorAll('button')].find((b) => /^Find/.test(b.textContent));
  bar.insertBefore(highlightButton, find || null);
  bar.insertBefore(panelButton, find || null);
  const panel = el('section', { id: 'highlights-panel', class: 'controls-panel', 'aria-label': 'Highlights', hidden: '' });
  controls.appendChild(panel);
  let editing = null;  // the id whose note is being edited

  function toggle() {
    if (!panel.hidden) close(true);
    else open();
  }
  function open() {
    editing = null;
    panel.hidden = false;
    panelButton.setAttribute('aria-expanded', 'true');
    fill();
    const first = panel.querySelector('button, textarea');
    if (first) first.focus();
  }
  function close(refocus) {
    if (panel.hidden) return false;
    panel.hidden = true;
    editing = null;
    panelButton.setAttribute('aria-expanded', 'false');
    if (refocus) panelButton.focus();
    return true;
  }
  function refill() {
    if (!panel.hidden && !(editing && panel.contains(document.activeElement) && document.activeElement.tagName === 'TEXTAREA')) fill();
  }

  function download(name, type, text) {
    const link = el('a', { download: name, hidden: '' });
    link.href = URL.createObjectURL(new Blob([text], { type: type + ';charset=utf-8' }));
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  // The highlight's colour as four pressed-or-not buttons, the one in force pressed.
  function colours(h) {
    const group = el('div', { role: 'group', 'aria-label': 'Colour', class: 'controls-choices' });
    for (const [name, label] of Object.entries(COLORS)) {
      const key = `color:${h.id}:${name}`;
      group.appendChild(button(label, { 'aria-label': 'Colour: ' + name, 'aria-pressed': String(h.color === name), 'data-key': key, 'data-color': name }, () => {
        try {
          viewer().setHighlightColor(h.id, name);
          announce('Colour: ' + name);
        } catch (e) {
          announce('Colour not changed: ' + String(e.message || e));
        }
        fill(key);
      }));
    }
    return group;
  }

  function fill(focusKey) {
    const items = list();
    const focused = focusKey || (document.activeElement && panel.contains(document.activeElement) ? document.activeElement.dataset.key : null);
    const body = [el('h2', null, `Highlights (${items.length})`)];
    if (!items.length) body.push(el('p', null, 'None yet: select some words, then use Highlight selection.'));
    const rows = el('ul');
    for (const h of items) {
      const row = el('li', { 'data-highlight': h.id });
      row.appendChild(el('span', { class: 'controls-title' }, '“' + h.quote + '”'));
      row.appendChild(el('span', { class: 'controls-detail' }, h.lost ? 'Lost: these words are no longer in the article' : COLORS[h.color] || h.color));
      if (editing === h.id) {
        const field = el('textarea', { 'aria-label': 'Note', maxlength: 10000, rows: 4, 'data-key': 'field:' + h.id });
        field.value = h.note;
        row.appendChild(field);
        row.appendChild(button('Save', { 'data-key': 'save:' + h.id }, () => {
          try {
            viewer().setNote(h.id, field.value);
            editing = null;
            announce('Note saved');
            fill('note:' + h.id);
          } catch (e) {
            announce('Note not saved: ' + String(e.message || e));
          }
        }));
        row.appendChild(button('Cancel', { 'data-key': 'cancel:' + h.id }, () => { editing = null; fill('note:' + h.id); }));
      } else {
        if (h.note) row.appendChild(el('span', { class: 'controls-detail' }, 'Note: ' + h.note));
        if (!h.lost) {
          row.appendChild(button('Go to', { 'aria-label': 'Go to “' + h.quote.slice(0, 60) + '”', 'data-key': 'goto:' + h.id }, () => {
            close(false);
            viewer().goToHighlight(h.id);
            const mark = mirror && mirror.querySelector(`mark[data-highlight="${CSS.escape(h.id)}"]`);
            const holder = mark && mark.closest('[data-block]');
            if (holder) holder.focus({ preventScroll: true });
            else canvas.focus();
          }));
        }
        row.appendChild(button(h.note ? 'Edit note' : 'Add note', { 'data-key': 'note:' + h.id }, () => { editing = h.id; fill('field:' + h.id); }));
        row.appendChild(button('Delete', { 'aria-label': 'Delete the highlight “' + h.quote.slice(0, 60) + '”', 'data-key': 'delete:' + h.id }, () => {
          viewer().removeHighlight(h.id);
          announce('Highlight deleted');
          fill('close');
        }));
        if (!h.lost) row.appendChild(colours(h));
      }
      rows.appendChild(row);
    }
    if (items.length) body.push(rows);
    const id = (viewer().state().articleId || 'article');
    body.push(button('Export Markdown', { 'data-key': 'export:markdown' }, () => {
      download(id + '-highlights.md', 'text/markdown', viewer().exportHighlights('markdown'));
      announce('Downloaded as ' + id + '-highlights.md');
    }));
    body.push(button('Export JSON', { 'data-key': 'export:json' }, () => {
      download(id + '-highlights.json', 'application/json', viewer().exportHighlights('json'));
      announce('Downloaded as ' + id + '-highlights.json');
    }));
    body.push(button('Import JSON…', { 'data-key': 'import' }, () => { if (input) input.click(); }));
    body.push(button('Close', { class: 'controls-close', 'data-key': 'close' }, () => close(true)));
    panel.replaceChildren(...body);
    const again = focused && panel.querySelector(`[data-key="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }

  // The chosen file's text goes to the program (both panels' Import JSON use this input).
  if (input) {
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.value = '';
      if (!file) return;
      file.text().then((text) => {
        const said = viewer().importHighlights(text);
        announce(said);
      }, (e) => announce('Not imported: ' + file.name + ': ' + String(e && e.message ? e.message : e)));
    });
  }

  // Focus leaving the controls closes the panel, as controls.js does its own.
  controls.addEventListener('focusout', (e) => {
    const to = e.relatedTarget;
    if (!to || controls.contains(to)) return;
    close(false);
  });
  // Keys inside the panel belong to it: a note is typed in the textarea, never to the reader's
  // shortcuts (loader.js runs this test before the program sees the key).
  window.articleViewerKeyGuards.push((e) => {
    if (!(e.target instanceof Node) || !panel.contains(e.target)) return false;
    if (e.key === 'Escape' && e.type === 'keydown') {
      if (editing) {
        editing = null;
        fill();
      } else {
        close(true);
      }
      e.preventDefault();
      return true;
    }
    return e.target.tagName === 'TEXTAREA' || e.key === 'Tab' || e.key === 'Enter' || e.key === ' ';
  });
  // This script runs after the first frame (loader.js): the copy may be complete already.
  remark();
})();
