// The library and the reader's files: App's side of the Library panel and the page's library(),
// forgetting, the files the platform keeps (web) or reopens from disk (desktop), Open file.
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "app.hpp"
#include "core/local_path.hpp"

namespace av {

std::string App::library_json() {
    using nlohmann::json;
    json out = json::array();
    const auto entries = progress_.library();
    for (const LibraryView::Bundled& b : library_.bundled()) {
        json e = {{"id", b.id}, {"name", b.id}, {"title", b.title}, {"source", b.source}, {"bundled", true}};
        for (const auto& p : entries)
            if (p.is(b.id)) e["percent"] = p.progress.percent, e["updated"] = p.progress.updated;
        e["highlights"] = HighlightKeeper::count_in(host_.highlights_store(), b.id);
        out.push_back(e);
    }
    for (const auto& p : entries) {
        const bool bundled = std::any_of(library_.bundled().begin(), library_.bundled().end(),
                                         [&](const LibraryView::Bundled& b) { return p.is(b.id); });
        if (bundled) continue;
        json e = {{"id", p.id}, {"name", p.name()}, {"title", p.progress.title}, {"source", p.progress.source},
                  {"bundled", false}, {"percent", p.progress.percent}, {"updated", p.progress.updated}};
        if (!p.origin.empty()) e["origin"] = p.origin;
        e["highlights"] = HighlightKeeper::count_in(host_.highlights_store(), p.id, p.origin);
        // Whether the Library's Open can open it again, and if not, what its row says.
        const Reopen again = reopen_of(p.progress.source);
        e["canOpen"] = !again.source.empty();
        if (!again.note.empty()) e["note"] = again.note;
        out.push_back(e);
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

void App::forget(const std::string& name) {
    for (const ProgressKeeper::Entry& e : progress_.library())
        if (e.name() == name && e.progress.source.rfind("file:", 0) == 0) host_.forget_file(e.progress.source);
    progress_.forget_named(name);
    read_library();
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::forget_all() {
    progress_.forget_all();
    host_.forget_all_files();
    read_library();
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::set_kept_files(std::vector<std::string> names) {
    kept_files_ = std::move(names);
    keeps_files_ = true;
    if (library_open_) read_library();
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::file_not_kept(const std::string& name, const std::string& reason) {
    show_notice(name + " is not kept for later: " + reason, false);
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::show_library(bool show) {
    library_open_ = show;
    if (show) read_library();
    else ImGui::SetWindowFocus("reader");  // the keyboard scrolls the text again
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::read_library() {
    library_entries_ = progress_.library();
    library_reopen_.clear();
    // A file that moved is found out now, when the rows are drawn, not when Open is pressed.
    for (const ProgressKeeper::Entry& e : library_entries_) library_reopen_.push_back(reopen_of(e.progress.source));
    // Each row's count of highlights (HighlightKeeper::count_in), read once as the library opens.
    std::vector<std::pair<std::string, std::size_t>> counts;
    for (const LibraryView::Bundled& b : library_.bundled()) counts.emplace_back(b.id, HighlightKeeper::count_in(host_.highlights_store(), b.id));
    for (const ProgressKeeper::Entry& e : library_entries_)
        if (!e.origin.empty() || std::none_of(counts.begin(), counts.end(), [&](const auto& c) { return c.first == e.id; }))
            counts.emplace_back(e.name(), HighlightKeeper::count_in(host_.highlights_store(), e.id, e.origin));
    library_.set_highlight_counts(std::move(counts));
}

void App::choose_file() {
    if (LocalFiles* files = host_.local_files(); files && open_panel_) {
        open_panel_->show(*files, open_panel_folder());
        settle_frames_ = std::max(settle_frames_, 2);
    } else if (host_.can_choose_file()) {
        host_.choose_file();
    }
}

std::string App::open_panel_folder() const {
    const LocalFiles& files = *host_.local_files();
    if (!last_file_.empty() && last_file_[0] == '/') return local_path::folder_of(last_file_);
    if (std::string cwd = files.working_folder(); !cwd.empty()) return cwd;
    if (std::string home = files.home(); !home.empty()) return home;
    return "/";
}
Reopen App::reopen_of(const std::string& source) const {
    return reopen(source, host_.local_files(), keeps_files_ ? &kept_files_ : nullptr);
}

}  // namespace av
