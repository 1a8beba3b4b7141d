// Just enough URL handling for article links and image sources: scheme checks and RFC 3986
// resolution of a relative reference against the article's own URL or file path.
#pragma once

#include <string>
#include <string_view>

namespace av::url {

// Lower-cased scheme of an absolute URL ("https"), or "" when `text` has none (relative reference).
std::string scheme(std::string_view text);

// True for http:, https: and mailto: URLs: the only link targets the viewer follows.
bool is_allowed_link(std::string_view text);

// True for absolute http: and https: URLs.
bool is_http(std::string_view text);

// The origin of an absolute http: or https: URL, as browsers compare them: "https://host" or
// "http://host:8080" (scheme and host lower-cased, user and password left out, the scheme's
// default port dropped); "" for anything else (a relative reference, a file path, data:, file:).
std::string origin(std::string_view text);

// Resolves `ref` against `base` (RFC 3986 section 5.2, without the exotic corners): an absolute
// `ref` is returned as is; `base` may be a URL or a plain file path ("articles/a.json").
std::string resolve(std::string_view base, std::string_view ref);

// `target` as a reference from a document at `page`, both absolute http(s) URLs: relative when
// they share an origin ("../articles/p.png" from ".../plain/a.html" to ".../articles/p.png"), else
// `target` itself. For pages written beside their pictures (the plain pages of dist/plain/), so
// they work under any path of any host, as the rest of the bundle does.
std::string relative_reference(std::string_view page, std::string_view target);

// The last segment of a URL or path, without query and fragment ("a.json" of
// "https://h/x/a.json?v=2", of "/home/me/a.json", of "file:a.json"); the whole text when it has none.
std::string file_name(std::string_view text);

// Resolves a picture's `src` found in the article at `base`. A URL base (the web) resolves as
// resolve() does: the site's root is as far as ".." climbs. A plain file path (the desktop) keeps
// the picture inside the article's folder, which stands for that root: ".." stops at the folder and
// "/x" (or "//x") is the folder's "x". So a file never reaches "/usr/share/..." or any file outside
// its folder, as a page never reaches outside its site.
std::string resolve_in_folder(std::string_view base, std::string_view ref);

}  // namespace av::url
