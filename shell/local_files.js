// The reader's own article files: the "Open file…" button of the toolbar (and Ctrl+O), and the
// page's own "Open an article file…" button for keyboard and screen-reader users, click the hidden
// file input; a .json file dropped anywhere on the page opens too. Works the same on the served
// page and on the single-file page (file://): the bytes go straight to the program, no fetch.
(function () {
  'use strict';
  const input = document.getElementById('open-file');

  function open(file) {
    if (!file) return;
    file.arrayBuffer()
      .then((buffer) => window.articleViewer.openBytes(file.name, new Uint8Array(buffer)))
      .catch((e) => console.warn(file.name + ': ' + (e && e.message ? e.message : e)));
  }

  if (input) {
    input.addEventListener('change', () => {
      open(input.files && input.files[0]);
      input.value = '';  // choosing the same file again is a change too
    });
  }
  const button = document.getElementById('open-file-button');
  if (button) button.addEventListener('click', () => window.articleViewer.chooseFile());

  // Drag and drop: only drags that carry files; the page shows where they may go.
  const carriesFiles = (e) => Boolean(e.dataTransfer) && Array.from(e.dataTransfer.types || []).includes('Files');
  const dropping = (on) => document.documentElement.classList.toggle('dropping', on);
  window.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    dropping(true);
  });
  window.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();  // allows the drop
    e.dataTransfer.dropEffect = 'copy';
    dropping(true);
  });
  window.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) dropping(false);  // left the window, not just one element for another
  });
  window.addEventListener('drop', (e) => {
    dropping(false);
    if (!carriesFiles(e)) return;
    e.preventDefault();  // the browser must not navigate to the file
    open(e.dataTransfer.files[0]);
  });
})();
