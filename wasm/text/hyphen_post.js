// Part of the text module's JavaScript (--post-js, wasm/text/CMakeLists.txt): fetches hyphenation
// dictionaries into this module (README "Hyphenation"). It lives here, not in the program's
// platform/web_text.cpp, so that the first visit's download does not carry it: the page reaches it
// only once justification is on.
//
// Module.loadHyphenation(langs, path) -> Promise of {langs, error}: for each language (BCP 47), the
// first of its dictionary names (av_text_hyphen_names) that `path(name)` gives a URL for is fetched
// and loaded, once per name (a failed fetch is not tried again); `langs` are those that have a
// dictionary now, `error` what failed ("" when nothing did).
Module['loadHyphenation'] = function (langs, path) {
  const loads = Module.hyphenLoads || (Module.hyphenLoads = {});
  const utf8 = new TextEncoder();
  const decode = (at) => new TextDecoder().decode(HEAPU8.subarray(at, HEAPU8.indexOf(0, at)));
  const names = (lang) => {
    const tag = utf8.encode(lang);
    const p = _malloc(tag.length + 1);
    HEAPU8.set(tag, p);
    const at = _av_text_hyphen_names(p, tag.length);
    _free(p);
    return at ? decode(at).split('\n').filter((n) => n) : [];
  };
  const load = (name) => {
    if (!loads[name]) {
      const url = new URL(path(name), document.baseURI).href;
      loads[name] = fetch(url).then((r) => {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      }).then((b) => {
        const bytes = new Uint8Array(b);
        const n = utf8.encode(name);
        const q = _malloc(bytes.length + n.length + 1);
        if (!q) throw new Error('not enough memory');
        HEAPU8.set(bytes, q);
        HEAPU8.set(n, q + bytes.length);
        const ok = _av_text_hyphen_load(q + bytes.length, n.length, q, bytes.length);
        _free(q);
        if (!ok) {
          const e = _av_text_error();
          throw new Error(new TextDecoder().decode(HEAPU8.subarray(e, e + _av_text_error_length())));
        }
        // The answer (and the relayout it starts) in a task of its own: loading a large dictionary
        // (German: about 65 ms) and hyphenating the article would otherwise make one long task.
        return new Promise((resolve) => setTimeout(resolve, 0));
      }).catch((e) => {
        throw new Error(url + ': ' + (e && e.message ? e.message : e));
      });
    }
    return loads[name];
  };
  return Promise.all(langs.map((lang) => {
    const name = names(lang).find((n) => path(n));
    if (!name) return {};
    return load(name).then(() => ({ lang }), (e) => ({ error: e.message }));
  })).then((results) => ({
    langs: results.filter((r) => r.lang).map((r) => r.lang),
    error: results.filter((r) => r.error).map((r) => r.error).join('; '),
  }));
};
