// The stylesheet of the plain pages (core/article_html.hpp): readable typography (a column of
// about 70 characters in the system's serif, headings and labels in its sans), light and dark
// after prefers-color-scheme, logical properties so right-to-left blocks mirror. Every rule is
// inside `.plain`, the class of those pages' <body>, so the same rules can dress a plain article
// inside another page (the single-file page's <noscript>) without touching the rest of it.
// Colours meet WCAG AA (4.5:1) on every background they are drawn on.
#pragma once

namespace av {

const char* plain_stylesheet();

}  // namespace av
