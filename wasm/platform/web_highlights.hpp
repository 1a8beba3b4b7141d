// Highlights and notes on the web (README "Highlights"): the page's API for them
// (av_highlights_json, av_add_highlight, ...: shell/loader.js's articleViewer.highlights() and the
// rest), the page's articleviewer:highlights event, exports saved as downloads, the import's file
// input (shell/highlights.js reads the file), and the changes other tabs make (localStorage's
// storage event). web.cpp's Host forwards highlights_changed, save_export and choose_import here.
#pragma once

#include <string>

namespace av {
class App;
}

namespace av::web {

// Hands the page's highlights functions the App (before the page can call them: from main), `wake`
// asks for a frame after each call; another tab's change is read again from now on.
void install_highlights(App& app, void (*wake)());
// Host::highlights_changed: the page's articleviewer:highlights event, with the highlights as JSON.
void highlights_changed(const std::string& highlights);
// Host::save_export: a download named `name`; returns what to tell the reader.
std::string save_export(const std::string& name, const std::string& mime, const std::string& bytes);
// Host::choose_import: the page's file input for an export.
void choose_import();

}  // namespace av::web
