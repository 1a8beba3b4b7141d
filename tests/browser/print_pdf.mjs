// Shared by the print tests (print*.test.mjs): the page printed to PDF by Chromium (page.pdf(),
// which fires beforeprint as a print does) and read back with poppler's tools (Debian
// poppler-utils), and what the paper should say of an article.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

// What the print shows of an Inline (a string or runs): the text, with a web link's address after
// the link's runs (mirror.js puts neighbouring runs of one link into one <a>).
export function printed(inline) {
  if (typeof inline === 'string') return inline;
  let out = '';
  (inline || []).forEach((run, i) => {
    const r = typeof run === 'string' ? { text: run } : run;
    out += r.text;
    const next = inline[i + 1];
    if (r.href && /^https?:/.test(r.href) && !(next && typeof next !== 'string' && next.href === r.href)) out += ` (${r.href})`;
  });
  return out;
}

// Text compared without what pagination changes: line breaks and spaces (no-break ones too), the
// hyphens at which a word was cut (and with them every hyphen: both sides lose them alike), case.
export const norm = (s) => s.normalize('NFC').replace(/[\s\u00ad-]+/g, '').toLocaleLowerCase('fr');

// The page as printed now, into dir/print.pdf: {text, pages: [text of each page], pageCount,
// fonts, images, file}.
export async function pdfOf(page, dir) {
  const file = path.join(dir, 'print.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  const run = (tool, ...args) => execFileSync(tool, [...args], { maxBuffer: 1 << 28 }).toString();
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', file))[1]);
  const text = run('pdftotext', '-enc', 'UTF-8', file, '-');
  return {
    file, text, pageCount: pages,
    pages: text.split('\f').slice(0, pages),
    fonts: run('pdffonts', file).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')),
    images: run('pdfimages', '-list', file).split('\n').slice(2).filter(Boolean).length,
  };
}

// Asserts that `expected` strings are all in `text`, in this order; returns where each was found.
export function inOrder(text, expected) {
  const hay = norm(text);
  let from = 0;
  return expected.map((want) => {
    const at = hay.indexOf(norm(want), from);
    assert.ok(at >= 0, `not in the printed text after position ${from}: ${JSON.stringify(want.slice(0, 80))}`);
    from = at + norm(want).length;
    return at;
  });
}
