// Registers the service worker (sw.js) once the viewer has started, so that after one visit the
// viewer reloads and reads with no network. Service workers need http(s) (localhost counts) and
// do not exist on file://, where the single-file page (article-viewer.html) is used instead.
(function () {
  'use strict';
  const viewer = window.articleViewer || (window.articleViewer = {});
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(window.location.protocol) || window.articleViewerInline) {
    viewer.offline = Promise.resolve(false);
    return;
  }
  // Resolves to true once every file of this bundle is cached (false if that failed).
  viewer.offline = new Promise((resolve) => {
    const register = () => {
      navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.ready).then(() => resolve(true), (e) => {
        console.warn('offline reading unavailable: ' + (e && e.message ? e.message : e));
        resolve(false);
      });
    };
    // Not before the viewer's first frame: installing the worker fetches every file of the bundle
    // and compiles sw.js, which would compete with the viewer's start for the CPU (BENCHMARKS.md,
    // "First paint"). Once the page has loaded and the viewer has drawn its article or its error,
    // or 3 s after the load if it has not.
    const loaded = document.readyState === 'complete' ? Promise.resolve()
      : new Promise((done) => window.addEventListener('load', done, { once: true }));
    const started = new Promise((done) => {
      const seen = (e) => {
        if (!e.detail || !(e.detail.ready || e.detail.error)) return;
        window.removeEventListener('articleviewer:state', seen);
        done();
      };
      window.addEventListener('articleviewer:state', seen);
    });
    loaded.then(() => Promise.race([started, new Promise((done) => window.setTimeout(done, 3000))])).then(register);
  });
})();
