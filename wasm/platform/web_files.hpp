// The reader's own files, kept in the browser (IndexedDB) so that a reload and the Library open
// them again, online or offline (reader-visible defects issue, item 5). Web only; the desktop
// reopens files from their paths.
#pragma once

#include <cstddef>
#include <string>

namespace av {
class App;
}

namespace av::web {

// What the browser may keep of the reader's files, together: more is refused, with the notice
// saying so (the Library's Forget makes room).
inline constexpr double kept_files_cap_bytes = 256e6;

// From now on the App hears which files are kept (App::set_kept_files), now and after each change;
// `wake` asks for a frame after each answer.
void install_kept_files(App& app, void (*wake)());
// Keeps a copy of the file the reader opened as `name` (the bytes are copied before this returns);
// the App hears it is kept, or App::file_not_kept with why not (storage full, too much kept).
void keep_file(const std::string& name, const char* data, std::size_t size);
// Reads the kept copy of `source` ("file:NAME"): answers av_article_arrived, or av_article_failed
// saying that the browser keeps no copy of it.
void read_kept_file(const std::string& source);
void forget_file(const std::string& name);
void forget_all_files();

}  // namespace av::web
