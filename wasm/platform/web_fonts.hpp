// The fonts' files on the web (ui/font_files.hpp: this build links no file system): kept in memory,
// filled by the page (the first paint's faces at start, then the extended subsets and the italics
// an article needs, a family the reader chooses: web_settings.cpp).
#pragma once

#include <string>
#include <vector>

namespace av {
class App;
}

namespace av::web {

// Unpacks the first paint's faces (Module.fontPack, shell/pack_fonts.py) into the fonts folder in
// memory, installs Module.putFontFile / readFontFile / fetchFontFiles for the page, and gives the
// files to `app`. Before app.init(); `wake` asks for a frame after each arrival.
void install_fonts(App& app, void (*wake)());
// The extended subsets of every base face (Host::fetch_extended_fonts); answers with
// App::extended_fonts_arrived.
void fetch_extended_fonts();
// The base faces `files` (Host::fetch_font_faces); answers with App::font_faces_arrived.
void fetch_font_faces(const std::vector<std::string>& files);

}  // namespace av::web
