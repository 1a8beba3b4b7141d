// File paths as the reader types them and as the desktop keeps them (POSIX, '/'-separated), as
// text: no disk access here, so the rules are the same wherever they run and are tested alone.
#pragma once

#include <string>
#include <string_view>

namespace av::local_path {

// "~" and "~/rest" become `home` and `home/rest`, as a shell does; "~user" and any other text is
// left alone (there is no user database to ask). An empty `home` expands nothing.
std::string expand_home(std::string_view path, std::string_view home);

// `path` against `folder` when relative, then "." and ".." resolved by the text alone ("/a/b/../c"
// is "/a/c"; ".." at the root stays at the root) and repeated or trailing slashes dropped.
std::string absolute(std::string_view folder, std::string_view path);

// The folder a path is in ("/a/b.json" is in "/a", "/a" in "/", "/" in "/").
std::string folder_of(std::string_view path);

// A folder and a name in it, with one slash between.
std::string join(std::string_view folder, std::string_view name);

// Whether an article's source is a file on this device (a path), rather than a URL or the web's
// "file:NAME", which names a file the browser handed over once and that cannot be read again.
bool is_local(std::string_view source);

}  // namespace av::local_path
