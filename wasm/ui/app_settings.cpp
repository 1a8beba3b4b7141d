// The reader's settings (issue 18; core/reader_settings.hpp, README "Settings"): read from the
// platform's settings store before the fonts and the first layout, changed by whatever asks (the
// panel, the page's API, the toolbar, a shortcut, Ctrl+wheel) through one set_settings that
// applies, saves and tells them; the font family's files asked for; justification and the
// hyphenation dictionaries it needs; and what state() says of them. The panel is settings_panel.cpp.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.hpp"

namespace av {

void App::set_font_size(float px) {
    ReaderSettings next = settings_;
    next.font_size = static_cast<int>(std::clamp(std::round(px), min_font_size, max_font_size));
    set_settings(next);
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::set_theme(ThemeName name) {
    ReaderSettings next = settings_;
    next.theme = static_cast<ThemeSetting>(name);  // light, sepia, dark: the same order
    set_settings(next);
}

void App::set_system_dark(bool dark) {
    system_dark_ = dark;
    apply_settings();
}

std::string App::set_settings(std::string_view patch) {
    ReaderSettings next = settings_;
    const std::string error = apply_settings_patch(next, patch);
    if (error.empty()) set_settings(next);
    return error;
}

void App::set_settings(const ReaderSettings& next) {
    if (next == settings_) return;
    settings_ = next;
    apply_settings();
    save_settings();
    host_.settings_changed(settings_json());
}

void App::apply_settings() {
    theme_ = settings_.theme == ThemeSetting::automatic ? (system_dark_ ? ThemeName::dark : ThemeName::light)
                                                        : static_cast<ThemeName>(settings_.theme);
    font_size_ = static_cast<float>(settings_.font_size);
    if (justify_ != settings_.justify) set_justify(settings_.justify);
    if (fonts_.wanted_family() != settings_.font) {
        fonts_.set_family(settings_.font);
        if (fonts_.loaded()) request_family();  // else init() loads the fonts with it
    }
    // Measure and line spacing are read by draw_article's LayoutParams: a change lays the article
    // out again, and the anchor puts the reader's line back at the top, as after a resize.
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::request_family() {
    const FontFamily family = settings_.font;
    if (family == FontFamily::serif || fonts_.has_family_files(family)) {
        reload_fonts();  // the layout follows (LayoutParams::font_set), the anchor keeps the line
        return;
    }
    if (family_asked_ == family) return;  // on its way
    family_asked_ = family;
    host_.fetch_font_family(family);
}

void App::font_family_arrived(FontFamily family, const std::string& error) {
    if (family_asked_ == family) family_asked_.reset();
    family_at_start_ = false;
    if (!error.empty()) {
        const std::string warning = "font family " + std::string(font_family_name(family)) + ": " + error + "; the serif faces are used";
        std::fprintf(stderr, "article-viewer: warning: %s\n", warning.c_str());
        settings_warnings_.push_back(warning);
        settle_frames_ = std::max(settle_frames_, 2);
        return;
    }
    // Chosen again since (serif, then this one, while it was on its way): loaded if still wanted.
    if (settings_.font == family) reload_fonts();
}

void App::load_settings() {
    std::string stored;
    std::vector<std::string> warnings;
    const KeyValueStore::Status status = host_.settings_store().get("settings", stored);
    if (status == KeyValueStore::Status::ok) settings_ = read_settings(stored, warnings);
    else if (status == KeyValueStore::Status::failed) warnings.push_back("settings: the stored value cannot be read; the defaults are used");
    // Where there is no storage at all (unavailable) the defaults are simply used: the progress
    // keeper already tells the reader that nothing is kept.
    for (const std::string& w : warnings) std::fprintf(stderr, "article-viewer: warning: %s\n", w.c_str());
    settings_warnings_ = std::move(warnings);
    apply_settings();
}

void App::save_settings() {
    const KeyValueStore::Status status = host_.settings_store().set("settings", av::settings_json(settings_));
    if (status == KeyValueStore::Status::ok || status == KeyValueStore::Status::unavailable) return;
    const std::string warning = status == KeyValueStore::Status::quota ? "settings: not saved, the storage is full"
                                                                       : "settings: not saved, the storage refused them";
    if (std::find(settings_warnings_.begin(), settings_warnings_.end(), warning) != settings_warnings_.end()) return;
    std::fprintf(stderr, "article-viewer: warning: %s\n", warning.c_str());
    settings_warnings_.push_back(warning);
}

void App::zoom_by_wheel(float notches) {
    // A notch is 10 %, Ctrl+= at the default size; a run of small pinch steps keeps its fractions.
    if (std::abs(zoom_size_ - font_size_) >= 1.0f) zoom_size_ = font_size_;
    zoom_size_ = std::clamp(zoom_size_ * std::pow(1.1f, notches), min_font_size, max_font_size);
    set_font_size(zoom_size_);
}

void App::set_justify(bool on) {
    if (on == justify_) return;
    justify_ = on;
    settle_frames_ = std::max(settle_frames_, 2);
    request_hyphenation();
}

void App::request_hyphenation() {
    if (!justify_ || !article_) return;
    std::vector<std::string> wanted;
    for (const std::string& lang : article_->needs.languages)
        if (std::find(hyphen_asked_.begin(), hyphen_asked_.end(), lang) == hyphen_asked_.end()) wanted.push_back(lang);
    if (wanted.empty()) return;
    hyphen_asked_.insert(hyphen_asked_.end(), wanted.begin(), wanted.end());
    host_.load_hyphenation(wanted);
}

void App::hyphenation_arrived(const Hyphenator* hyphenator, const std::vector<std::string>& languages,
                              const std::string& error) {
    // Even the same hyphenator: new dictionaries answer words that had no answer before.
    hyphenator_.reset(hyphenator ? hyphenator : hyphenator_.inner());
    for (const std::string& lang : languages)
        if (std::find(hyphen_languages_.begin(), hyphen_languages_.end(), lang) == hyphen_languages_.end())
            hyphen_languages_.push_back(lang);
    ++hyphen_generation_;  // LayoutParams::text_services
    settle_frames_ = std::max(settle_frames_, 2);
    if (error.empty()) return;
    std::fprintf(stderr, "article-viewer: hyphenation: %s\n", error.c_str());
    if (!hyphen_failure_told_) {
        hyphen_failure_told_ = true;
        const bool fr = article_ && (article_->lang == "fr" || article_->lang.compare(0, 3, "fr-") == 0);
        show_notice(fr ? "Césure indisponible : le texte est justifié sans césure (" + error + ")"
                       : "Hyphenation unavailable: the text is justified without hyphens (" + error + ")",
                    false);
    }
}

// state()'s settings, their warnings, the family drawn and the panel's buttons (tests find them).
void App::add_settings_state(nlohmann::json& s) const {
    using nlohmann::json;
    s["settings"] = {{"theme", theme_setting_name(settings_.theme)},
                     {"fontSize", settings_.font_size},
                     {"font", font_family_name(settings_.font)},
                     {"measure", settings_.measure},
                     {"lineSpacing", std::round(static_cast<double>(settings_.line_spacing) * 100.0) / 100.0},
                     {"justify", settings_.justify},
                     {"speechRate", std::round(static_cast<double>(settings_.speech_rate) * 100.0) / 100.0},
                     {"voice", settings_.voice},
                     {"readSponsored", settings_.read_sponsored}};
    s["settingsWarnings"] = settings_warnings_;
    s["fontFamily"] = font_family_name(fonts_.family());  // the family drawn (its files may be on their way)
    {
        json items = json::object();
        for (const auto& [key, r] : settings_items_) items[key] = {r[0], r[1], r[2], r[3]};
        s["settingsPanel"] = {{"open", settings_open_ && !library_open_ && ready_}, {"box", settings_box_}, {"items", items}};
    }
}

}  // namespace av
