// Reading aloud (README "Read aloud") with the browser's speech synthesis (Web Speech API). The
// program decides what is said (a sentence at a time, from the reader's position: core/
// speech_text.hpp) and marks it; this script only speaks: it asks the program for the next
// utterance (av_listen_next), picks a voice for its language, and tells the program where the
// engine is (start, word boundaries, end). A language without a voice is never spoken in another
// language's voice: for the article's language the program says so (a notice) and nothing is read;
// a passage in another language without a voice is skipped.
//
// It also adds the Listen / Pause / Stop buttons to the page's controls (controls.js) and the
// voice choice to their settings, since only the page knows the browser's voices.
(function () {
  'use strict';
  const synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') return;  // the viewer shows no Listen

  let program = null;
  let current = null;  // the SpeechSynthesisUtterance being spoken; null when stopped
  let voices = [];
  const readVoices = () => {
    voices = synth.getVoices() || [];
    window.dispatchEvent(new CustomEvent('articleviewer:voices'));
  };
  // Chrome fills the list later, after a voiceschanged event; Firefox and Safari have it at once.
  if (synth.addEventListener) synth.addEventListener('voiceschanged', readVoices);
  readVoices();

  const primary = (lang) => String(lang || '').toLowerCase().replace(/_/g, '-').split('-')[0];
  const same = (a, b) => String(a || '').toLowerCase().replace(/_/g, '-') === String(b || '').toLowerCase().replace(/_/g, '-');
  // The voice for `lang`: the reader's choice when it speaks that language, else the browser's
  // default among those that do, else one for exactly that tag, else any for the same language
  // (fr-FR for fr, fr-CA for fr-FR). Null when no voice speaks it.
  function voiceFor(lang, chosen) {
    const speakers = voices.filter((v) => primary(v.lang) === primary(lang));
    if (!speakers.length) return null;
    const pick = chosen && speakers.find((v) => v.voiceURI === chosen || v.name === chosen);
    return pick || speakers.find((v) => v.default) || speakers.find((v) => same(v.lang, lang)) || speakers[0];
  }

  // The language's name for the notice ("French"), where the browser knows it.
  function languageName(lang) {
    try {
      return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) || '';
    } catch (e) {
      return '';
    }
  }

  // Voices arrive late in Chrome: a first Listen waits for them a little before it says none.
  function voicesReady() {
    if (voices.length) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => { synth.removeEventListener && synth.removeEventListener('voiceschanged', done); resolve(); };
      if (synth.addEventListener) synth.addEventListener('voiceschanged', done);
      setTimeout(done, 1500);
    });
  }

  function next() {
    for (;;) {
      const u = JSON.parse(program.UTF8ToString(program._av_listen_next()));
      if (!u) {  // the article's end: the program has stopped listening
        current = null;
        refreshButtons();
        return;
      }
      const voice = voiceFor(u.lang, u.voice);
      if (!voice) {
        if (primary(u.lang) === primary(u.articleLang)) {
          current = null;
          synth.cancel();
          program.ccall('av_listen_no_voice', null, ['string', 'string'], [u.lang, languageName(u.lang)]);
          return;
        }
        console.info(`article-viewer: no voice for ${u.lang}: a passage in it is skipped`);
        continue;
      }
      speak(u, voice);
      return;
    }
  }

  function speak(u, voice) {
    const utterance = new SpeechSynthesisUtterance(u.text);
    utterance.lang = u.lang;
    utterance.voice = voice;
    utterance.rate = u.rate;  // read at each sentence: a change of speed applies from the next one
    const mine = () => current === utterance;  // a stopped utterance's late events are not taken
    utterance.onstart = () => { if (mine()) program._av_listen_started(u.id); };
    utterance.onboundary = (e) => {
      if (!mine() || (e.name && e.name !== 'word')) return;
      program._av_listen_boundary(u.id, e.charIndex | 0, e.charLength | 0);
    };
    utterance.onend = () => { if (mine()) next(); };
    utterance.onerror = (e) => {
      if (!mine()) return;
      if (e.error === 'interrupted' || e.error === 'canceled') return;
      current = null;
      program.ccall('av_listen_failed', null, ['string'], [`the speech engine failed (${e.error || 'unknown error'})`]);
    };
    current = utterance;
    synth.speak(utterance);
  }

  // What the program tells (Host::speech): it has already changed its state.
  function command(what) {
    if (!program) return;
    if (what === 'start') {
      current = null;
      synth.cancel();
      const starting = {};
      current = starting;  // a stop during the wait for the voices wins
      voicesReady().then(() => { if (current === starting) next(); });
    } else if (what === 'pause') {
      synth.pause();
    } else if (what === 'resume') {
      synth.resume();
    } else if (what === 'stop') {
      current = null;
      synth.cancel();
    }
    refreshButtons();
  }

  // Read by platform/web_listen.cpp as the program starts.
  window.articleViewerSpeech = {
    available: () => true,
    attach(module) { program = module; refreshButtons(); },
    command,
    // The browser's voices ({name, voiceURI, lang, default, localService}).
    voices: () => voices.map((v) => ({ name: v.name, voiceURI: v.voiceURI, lang: v.lang, default: Boolean(v.default), localService: Boolean(v.localService) })),
    // The settings panel's reading-aloud group (controls.js): speed, voice, sponsored blocks.
    // `s`: the settings; `change(patch, said)` applies a patch as the panel's other buttons do.
    settingsControls,
  };

  // The page's API (listen, pauseListening, resumeListening, stopListening, voices) is loader.js's:
  // this script runs after the first frame.
  const api = window.articleViewer;

  // --- The page's buttons (controls.js's bar) ----------------------------------------------------
  const bar = document.querySelector('#controls .controls-bar');
  const live = document.getElementById('controls-status');
  const say = (text) => {
    if (!live) return;
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 50);
  };
  const state = () => (api && program ? api.state() : {});
  let listenButton = null;
  let stopButton = null;
  if (bar) {
    listenButton = document.createElement('button');
    listenButton.type = 'button';
    listenButton.id = 'listen-button';
    listenButton.textContent = 'Listen';
    listenButton.title = 'Read the article aloud from here';
    listenButton.hidden = true;
    listenButton.addEventListener('click', () => {
      const s = state();
      if (s.listening && !s.listenPaused) { api.pauseListening(); say('Reading aloud paused'); }
      else { api.listen(); say(s.listenPaused ? 'Reading aloud resumed' : 'Reading aloud'); }
      refreshButtons();
    });
    stopButton = document.createElement('button');
    stopButton.type = 'button';
    stopButton.id = 'listen-stop-button';
    stopButton.textContent = 'Stop';
    stopButton.title = 'Stop reading aloud';
    stopButton.hidden = true;
    stopButton.addEventListener('click', () => {
      api.stopListening();
      say('Reading aloud stopped');
      refreshButtons();
      listenButton.focus();
    });
    // Before Find…, the bar's last control, or at the end.
    const find = Array.from(bar.querySelectorAll('button')).find((b) => b.textContent === 'Find…');
    bar.insertBefore(listenButton, find || null);
    bar.insertBefore(stopButton, find || null);
  }
  function refreshButtons() {
    if (!listenButton) return;
    const s = state();
    listenButton.hidden = !s.canListen;
    listenButton.textContent = !s.listening ? 'Listen' : s.listenPaused ? 'Resume' : 'Pause';
    stopButton.hidden = !s.listening;
  }
  // One handler for whatever may change them: the program's state told (ready, error), the reader
  // settled (progress), the page's controls taking the keyboard.
  for (const name of ['articleviewer:state', 'articleviewer:progress']) window.addEventListener(name, refreshButtons);
  const controls = document.getElementById('controls');
  if (controls) controls.addEventListener('focusin', refreshButtons);

  function settingsControls(s, change) {
    const el = (tag, attrs, text) => {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const button = (text, attrs, onClick) => {
      const b = el('button', Object.assign({ type: 'button' }, attrs), text);
      b.addEventListener('click', onClick);
      return b;
    };
    const out = [el('h3', { 'aria-hidden': 'true' }, 'Reading aloud')];
    const speed = el('div', { role: 'group', 'aria-label': 'Reading aloud speed', class: 'controls-choices' });
    const rate = Number(s.speechRate) || 1;
    const step = (delta) => () => {
      const to = Math.min(2, Math.max(0.75, Math.round((rate + delta) * 100) / 100));
      change({ speechRate: to }, `Reading speed ${to}x`);
    };
    speed.appendChild(button('Slower', { 'data-key': 'speechRate:slower' }, step(-0.25)));
    speed.appendChild(el('span', { class: 'controls-detail' }, `${rate}x`));
    speed.appendChild(button('Faster', { 'data-key': 'speechRate:faster' }, step(0.25)));
    out.push(speed);
    // The voices for the article's language first: a voice of another language is never used for
    // it (voiceFor), so choosing one only applies to passages in its own language.
    const lang = (state().lang) || '';
    const select = el('select', { 'aria-label': 'Voice', 'data-key': 'voice:select', id: 'listen-voice' });
    const option = (value, label, selected) => {
      const o = el('option', { value }, label);
      o.selected = selected;
      select.appendChild(o);
    };
    option('', 'Default voice for the language', !s.voice);
    const ordered = voices.slice().sort((a, b) => (primary(b.lang) === primary(lang)) - (primary(a.lang) === primary(lang)));
    for (const v of ordered) option(v.voiceURI || v.name, `${v.name} (${v.lang})`, s.voice === v.voiceURI || s.voice === v.name);
    if (s.voice && !voices.some((v) => s.voice === v.voiceURI || s.voice === v.name)) option(s.voice, `${s.voice} (not in this browser)`, true);
    select.addEventListener('change', () => change({ voice: select.value }, select.value ? `Voice: ${select.selectedOptions[0].textContent}` : 'Default voice'));
    out.push(select);
    const sponsored = el('div', { role: 'group', 'aria-label': 'Sponsored blocks when reading aloud', class: 'controls-choices' });
    for (const [value, label] of [[false, 'Skip sponsored'], [true, 'Read sponsored']]) {
      sponsored.appendChild(button(label, { 'aria-pressed': String(s.readSponsored === value), 'data-key': `readSponsored:${value}` },
        () => change({ readSponsored: value }, label)));
    }
    out.push(sponsored);
    return out;
  }

  // The program may have started before this script ran (platform/web_listen.cpp).
  if (window.articleViewerSpeechWaiting) window.articleViewerSpeechWaiting(window.articleViewerSpeech);
})();
