#include "plain_stylesheet.hpp"

namespace av {

// A file of its own in dist/plain/ (no inline style: the site's Content-Security-Policy), so it is
// written compactly; the colours are the viewer's (#0052a3 links, the dark theme's #18181b). The
// column is 70ch of the body's font: the children of .plain keep that font's size (a smaller
// navigation line would make a narrower column of its own).
const char* plain_stylesheet() {
    return R"CSS(/* The plain pages: the articles without JavaScript (wasm/core/plain_stylesheet.cpp). */
.plain { color-scheme: light dark; margin: 0; padding: 1rem 1.25rem 4rem; overflow: auto; background: #fff;
  color: #1f1f1f; font: 1.125rem/1.6 ui-serif, Charter, "Noto Serif", Georgia, Cambria, "Times New Roman", serif;
  overflow-wrap: break-word; }
.plain > * { max-width: 70ch; margin-left: auto; margin-right: auto; }
.plain a { color: #0052a3; }
.plain h1, .plain h2, .plain h3, .plain h4, .plain .related, .plain aside, .plain figcaption, .plain .byline,
.plain .tags { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", Roboto, sans-serif; }
.plain h1 { font-size: 2.1em; line-height: 1.2; margin: .4em 0 .3em; }
.plain h2 { font-size: 1.45em; line-height: 1.3; margin: 1.6em 0 .5em; }
.plain h3 { font-size: 1.2em; line-height: 1.3; margin: 1.4em 0 .4em; }
.plain h4 { font-size: 1.05em; line-height: 1.3; margin: 1.2em 0 .4em; }
.plain .subtitle { font-size: 1.2em; font-style: italic; margin: 0 0 .6em; }
.plain .byline, .plain figcaption, .plain .label { color: #5f5f5f; }
.plain .byline, .plain figcaption { font-size: .85em; }
.plain .plain-nav { padding-bottom: .6em; border-bottom: 1px solid #d2d2d2; margin-bottom: 1.5em; }
.plain blockquote { margin: 1.2em 0; padding-inline-start: 1em; border-inline-start: .2em solid #0052a3;
  font-style: italic; }
.plain figure { margin: 1.5em 0; }
.plain figure.quote blockquote { margin: 0; }
.plain img { display: block; max-width: 100%; height: auto; margin: 0 auto .4em; }
.plain aside { margin: 1.5em 0; padding: .8em 1em; border: 1px solid #d2d2d2; border-radius: 6px; background: #f5f5f7; }
.plain aside.sponsored { background: #fbf5e6; }
.plain aside p { margin: .4em 0; }
.plain .label { font-size: .75em; font-weight: bold; letter-spacing: .03em; margin: 0 0 .4em; }
.plain .title { font-weight: bold; }
.plain .tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4em; }
.plain .tags li { padding: .1em .7em; border: 1px solid #d2d2d2; border-radius: 1em; font-size: .85em; }
.plain hr { border: 0; border-top: 1px solid #d2d2d2; margin: 2em 0; }
.plain .plain-list li { margin: .6em 0; }
.plain .plain-list .subtitle { font-size: 1em; margin: 0; }
@media (prefers-color-scheme: dark) {
  .plain { background: #18181b; color: #e4e4e7; }
  .plain a { color: #8ab4f8; }
  .plain blockquote { border-color: #8ab4f8; }
  .plain .byline, .plain figcaption, .plain .label { color: #a1a1aa; }
  .plain aside { background: #232327; border-color: #3f3f46; }
  .plain aside.sponsored { background: #29251b; }
  .plain hr, .plain .tags li, .plain .plain-nav { border-color: #3f3f46; }
}
)CSS";
}

}  // namespace av
