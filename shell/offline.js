// Registers the service worker (sw.js) once the page has loaded, so that after one visit the
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
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register);
  });
})();
