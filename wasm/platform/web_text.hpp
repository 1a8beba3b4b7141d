// The web's side of text in every script (docs/text-pipeline.md, "On the web"): the fonts beyond
// the base faces, fetched from dist/fonts/ as an article needs them, and the text engine, a second
// wasm module fetched only for articles with rich paragraphs. web.cpp's Host forwards to these;
// the answers go to the App given to set_app.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {
class App;
}

namespace av::web {

void set_text_app(App* app);
// Host::fetch_font_catalog: the smallest of the bundle's manifests that maps `han_variants`.
void fetch_font_catalog(unsigned han_variants);
// Host::fetch_font_files, relative to the manifest fetched last.
void fetch_font_files(const std::vector<std::pair<FontId, std::string>>& files);
// Host::load_text_engine.
void load_text_engine(bool dictionary);
// Host::load_hyphenation: the dictionaries, in the text module (README "Hyphenation").
void load_hyphenation(const std::vector<std::string>& languages);

}  // namespace av::web
