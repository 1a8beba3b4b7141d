// Printing in the reader's font. The printed article is the accessible copy (#mirror, mirror.js),
// which viewer.css's print rules show instead of the canvas. Its type comes from the fonts the
// program already has in memory (the base faces, the extended subsets once an article needed
// them, and a family the reader chose once it was fetched), handed to the browser as FontFaces
// made from their bytes when a print starts: nothing is downloaded, which the browser would not
// wait for before it paginates, and nothing is added on a visit that never prints. Chromium reads
// a FontFace given as bytes at once; where a browser reads it later (the specification lets it),
// the first print falls back to the next family of the list (viewer.css), a later one has it.
// The family in use follows a class on <html>: none or font-serif, font-sans, font-legible
// (README, "Printing"), set by the reader's settings.
(function () {
  'use strict';
  const viewer = () => window.articleViewer;

  // [print family, weight, style, candidate files (the first the program has wins)], the paths
  // as wasm/core/font_family.cpp names them, relative to the program's fonts folder. The base
  // Noto Sans (the interface's regular and bold) stands in for the sans family until it is fetched.
  const FACES = [
    ['AV Print Serif', 400, 'normal', ['NotoSerif-Regular.ttf']],
    ['AV Print Serif', 700, 'normal', ['NotoSerif-Bold.ttf']],
    ['AV Print Serif', 400, 'italic', ['NotoSerif-Italic.ttf']],
    ['AV Print Serif', 700, 'italic', ['NotoSerif-BoldItalic.ttf']],
    ['AV Print Sans', 400, 'normal', ['families/sans/NotoSans-Regular.ttf', 'NotoSans-Regular.ttf']],
    ['AV Print Sans', 700, 'normal', ['families/sans/NotoSans-Bold.ttf', 'NotoSans-Bold.ttf']],
    ['AV Print Sans', 400, 'italic', ['families/sans/NotoSans-Italic.ttf']],
    ['AV Print Sans', 700, 'italic', ['families/sans/NotoSans-BoldItalic.ttf']],
    ['AV Print Legible', 400, 'normal', ['families/legible/OpenDyslexic-Regular.otf']],
    ['AV Print Legible', 700, 'normal', ['families/legible/OpenDyslexic-Bold.otf']],
    ['AV Print Legible', 400, 'italic', ['families/legible/OpenDyslexic-Italic.otf']],
    ['AV Print Legible', 700, 'italic', ['families/legible/OpenDyslexic-BoldItalic.otf']],
    // The extended subsets (Greek, Cyrillic, Latin Extended...: README, "Fonts") are a family of
    // their own, next in the list: the browser then falls back to them character by character.
    ['AV Print Serif Ext', 400, 'normal', ['ext/NotoSerif-Regular.ttf']],
    ['AV Print Serif Ext', 700, 'normal', ['ext/NotoSerif-Bold.ttf']],
    ['AV Print Serif Ext', 400, 'italic', ['ext/NotoSerif-Italic.ttf']],
    ['AV Print Serif Ext', 700, 'italic', ['ext/NotoSerif-BoldItalic.ttf']],
    ['AV Print Sans Ext', 400, 'normal', ['ext/NotoSans-Regular.ttf']],
    ['AV Print Sans Ext', 700, 'normal', ['ext/NotoSans-Bold.ttf']],
  ];

  // What each face of FACES was made from: {at: index of the candidate, face: FontFace}.
  const made = FACES.map(() => null);

  function register() {
    if (!viewer() || !viewer().fontBytes || typeof FontFace === 'undefined') return;
    FACES.forEach(([family, weight, style, files], i) => {
      // Only a file before the one in use can do better (a family fetched since the last print).
      const upTo = made[i] ? made[i].at : files.length;
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
        if (made[i]) document.fonts.delete(made[i].face);
        document.fonts.add(face);
        made[i] = { at, face };
        break;
      }
    });
  }

  window.addEventListener('beforeprint', register);
})();
