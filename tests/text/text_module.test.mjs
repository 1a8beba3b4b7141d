// The web's text module (article-viewer-text.js/.wasm, wasm/text/text_api.h) under node: loaded
// through its C API with plain typed arrays, it must give what the native engine gives for the same
// input (the native text_tests binary prints its results with --dump). Also prints the module's
// size, raw and `gzip -9` (GNU gzip; measured, not asserted: wasm/text/README.md has the target).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';

const modulePath = process.env.AV_TEXT_MODULE;           // .../article-viewer-text.js
const nativeTests = process.env.AV_NATIVE_TEXT_TESTS;    // the native preset's text_tests
const notoDir = process.env.AV_NOTO_DIR;
const wasmPath = modulePath.replace(/\.js$/, '.wasm');

const codePoints = (s) => Array.from(s, (c) => c.codePointAt(0));
const hex = (s) => codePoints(s).map((c) => c.toString(16)).join(',');

function native(...args) {
  assert.ok(existsSync(nativeTests),
    `${nativeTests} is missing: build the native preset first (cmake --build --preset native)`);
  return JSON.parse(execFileSync(nativeTests, ['--dump', ...args], { encoding: 'utf8' }));
}

async function load() {
  const createTextModule = createRequire(import.meta.url)(modulePath);
  return createTextModule({ wasmBinary: readFileSync(wasmPath) });
}

// Copies `bytes` (a Uint8Array, or a string as UTF-8) into the module's memory for one call.
function withBytes(M, bytes, call) {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const p = M._malloc(Math.max(b.length, 1));
  M.HEAPU8.set(b, p);
  try { return call(p, b.length); } finally { M._free(p); }
}

function withText(M, text, call) {
  const cps = codePoints(text);
  const p = M._malloc(Math.max(cps.length, 1) * 4);
  M.HEAPU32.set(cps, p >> 2);
  try { return call(p, cps.length); } finally { M._free(p); }
}

function analyze(M, text, direction, lang) {
  return withText(M, text, (t, n) => withBytes(M, lang, (l, ln) => {
    const out = M._av_text_analyze(t, n, direction, l, ln);
    const result = [];
    for (let i = 0; i < n; ++i) {
      const at = out + 8 * i;
      result.push([M.HEAPU8[at], M.HEAPU8[at + 1], M.HEAPU8[at + 2], M.HEAPU32[(at + 4) >> 2]]);
    }
    return result;
  }));
}

const tag = (s) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

function shape(M, font, text, begin, end, rtl, script, lang) {
  return withText(M, text, (t, n) => withBytes(M, lang, (l, ln) => {
    const count = M._av_text_shape(font, t, n, begin, end, rtl ? 1 : 0, tag(script), l, ln);
    const g = M._av_text_glyphs() >> 2;
    const result = [];
    for (let i = 0; i < count; ++i) result.push(Array.from(M.HEAP32.subarray(g + 6 * i, g + 6 * i + 6)));
    return result;
  }));
}

function addFont(M, id, file, faceIndex = 0) {
  const ok = withBytes(M, readFileSync(file), (p, n) => M._av_text_add_font(id, p, n, faceIndex));
  const error = new TextDecoder().decode(M.HEAPU8.subarray(M._av_text_error(), M._av_text_error() + M._av_text_error_length()));
  return { ok: ok === 1, error };
}

test('the module is small: sizes', () => {
  const sizes = [wasmPath, modulePath].map((f) => {
    const b = readFileSync(f);
    return { file: f.split('/').pop(), raw: b.length, gzip: execFileSync('gzip', ['-9c', f]).length };
  });
  for (const s of sizes) console.log(`${s.file}: ${s.raw} bytes, ${s.gzip} gzip -9`);
  console.log(`text module: ${sizes.reduce((a, s) => a + s.gzip, 0)} bytes gzip -9 in all`);
});

test('analyses a Japanese sentence as the native engine does', async () => {
  const M = await load();
  const sentence = '日本語の文章です。「こんにちは」と言った。きゃっ、コーヒー！';
  const ours = analyze(M, sentence, 0, 'ja');
  assert.equal(ours.length, codePoints(sentence).length);
  assert.deepEqual(ours, native('analyze', 'ja', '0', hex(sentence)));
  // Something was found: breaks between ideographs, none before 。
  assert.ok(ours.some((c) => c[1] === 1));
  assert.equal(ours[codePoints(sentence).indexOf(0x3002)][1], 0);
});

test('analyses mixed right-to-left text and emoji as the native engine does', async () => {
  const M = await load();
  const text = 'مرحبا (world) ١٢٣ 👩‍👩‍👧 🇫🇷\nשלום';
  for (const direction of [0, 1, 2, 3]) {
    assert.deepEqual(analyze(M, text, direction, 'ar'), native('analyze', 'ar', String(direction), hex(text)));
  }
});

test('shapes an Arabic word as the native engine does', async () => {
  const M = await load();
  const font = `${notoDir}/NotoNaskhArabic-Regular.ttf`;
  assert.deepEqual(addFont(M, 3, font), { ok: true, error: '' });
  const text = 'السلام عليكم';
  const n = codePoints(text).length;
  const ours = shape(M, 3, text, 0, n, true, 'Arab', 'ar');
  assert.ok(ours.length > 0 && ours.every((g) => g[0] !== 0));
  assert.deepEqual(ours, native('shape', font, '0', '0', String(n), '1', 'Arab', 'ar', hex(text)));
  // A run inside the word, the rest being context.
  assert.deepEqual(shape(M, 3, text, 2, 5, true, 'Arab', 'ar'),
    native('shape', font, '0', '2', '5', '1', 'Arab', 'ar', hex(text)));
});

test('fonts: errors, metrics, cmap, colour glyphs', async () => {
  const M = await load();
  const bad = withBytes(M, 'not a font', (p, n) => M._av_text_add_font(1, p, n, 0));
  assert.equal(bad, 0);
  assert.equal(new TextDecoder().decode(M.HEAPU8.subarray(M._av_text_error(), M._av_text_error() + M._av_text_error_length())),
    'not an OpenType or TrueType font (no sfnt header)');
  assert.equal(addFont(M, 70000, `${notoDir}/NotoSans-Regular.ttf`).error, 'font id out of range (0..65534)');
  assert.equal(addFont(M, 1, `${notoDir}/NotoSans-Regular.ttf`).ok, true);
  assert.deepEqual(Array.from(M.HEAP32.subarray(M._av_text_metrics(1) >> 2, (M._av_text_metrics(1) >> 2) + 5)).slice(0, 3), [1000, 1069, -293]);
  assert.equal(M._av_text_has_char(1, 0x41), 1);
  assert.equal(M._av_text_has_char(1, 0x627), 0);
  M._av_text_remove_font(1);
  assert.equal(M.HEAP32[M._av_text_metrics(1) >> 2], 0);

  assert.equal(addFont(M, 9, `${notoDir}/NotoColorEmoji.ttf`).ok, true);
  const glyphs = shape(M, 9, '😀', 0, 1, false, 'Zyyy', 'und');
  assert.equal(glyphs.length, 1);
  assert.equal(M._av_text_color_glyph(9, glyphs[0][0]), 1);
  const geometry = Array.from(M.HEAPF32.subarray(M._av_text_color_glyph_geometry() >> 2, (M._av_text_color_glyph_geometry() >> 2) + 5));
  assert.deepEqual(geometry, [136, 128, 0, 101, 109]);
  const rgba = M.HEAPU8.subarray(M._av_text_color_glyph_rgba(), M._av_text_color_glyph_rgba() + 136 * 128 * 4);
  let opaque = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] === 255) ++opaque;
  assert.ok(opaque > 136 * 128 / 3);
  assert.equal(M._av_text_color_glyph(9, 0xFFFFFF), 0);
});
