// The reader's settings on the web (README "Settings"): the page's API for them (av_set_settings,
// av_settings_json, av_set_theme, ...: shell/loader.js's articleViewer.setSettings() and the rest),
// the page's articleviewer:settings event, the system's colour scheme that the "auto" theme
// follows, and a font family's files, fetched once a reader chooses it. web.cpp's Host forwards
// settings_changed and fetch_font_family here. The justified text's hyphenation dictionaries come
// with the text module (web_text.cpp).
#pragma once

#include <string>

#include "core/font_family.hpp"

namespace av {
class App;
}

namespace av::web {

// Hands the page's settings functions the App (before the page can call them: from main), `wake`
// asks for a frame after each call; the "auto" theme follows the system's colour scheme from now on.
void install_settings(App& app, void (*wake)());
// Host::settings_changed: the page's articleviewer:settings event, with the settings as JSON.
void settings_changed(const std::string& settings);
// Host::fetch_font_family: its files into /fonts/, then av_font_family_arrived.
void fetch_font_family(FontFamily family);

}  // namespace av::web
