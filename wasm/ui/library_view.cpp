#include "library_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/json_reader.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"
#include "panel_style.hpp"

namespace av {

namespace {

std::string last_read(std::int64_t updated_ms, std::int64_t now_ms) {
    if (updated_ms <= 0) return "";
    const std::int64_t minutes = (now_ms - updated_ms) / 60000;
    if (minutes < 1) return "read just now";
    if (minutes < 60) return "read " + std::to_string(minutes) + " min ago";
    if (minutes < 48 * 60) return "read " + std::to_string(minutes / 60) + " h ago";
    // The UTC date by arithmetic (days since 1970 to year, month, day; H. Hinnant's civil_from_days)
    // rather than gmtime_r + strftime: on the web those two are Emscripten's JavaScript (time zones,
    // every strftime field), 2.4 KB gzipped of the first visit for this one line (BENCHMARKS.md).
    std::int64_t days = updated_ms / 86400000 + 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char date[40];
    std::snprintf(date, sizeof date, "read %04lld-%02d-%02d", static_cast<long long>(year), month, day);
    return date;
}

}  // namespace

void LibraryView::set_index(std::string_view json, const std::string& base) {
    bundled_.clear();
    LoadLimits limits;
    limits.max_file_bytes = 4u << 20;
    if (json.size() > limits.max_file_bytes || utf8::find_invalid(json) != std::string_view::npos) return;
    const JsonReadResult parsed = read_json(json, limits);
    if (parsed.kind != LoadErrorKind::none || !parsed.value.is_object()) return;
    auto articles = parsed.value.find("articles");
    if (articles == parsed.value.end() || !articles->is_array()) return;
    for (const auto& a : *articles) {
        if (!a.is_object()) continue;
        auto get = [&](const char* name) {
            auto it = a.find(name);
            return it != a.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        Bundled b{get("id"), get("title"), get("path"), get("lang")};
        if (b.id.empty() || b.source.empty() || !url::scheme(b.source).empty()) continue;  // only files beside the index
        b.source = url::resolve(base, b.source);
        bundled_.push_back(std::move(b));
    }
}

LibraryView::Action LibraryView::draw(const std::vector<ProgressKeeper::Entry>& positions, const std::vector<Reopen>& reopen,
                                      const FontSet& fonts, const Theme& theme, std::int64_t now_ms) {
    Action action;
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x - 32.0f, 720.0f);
    const float x0 = (size.x - width) / 2;
    ImGui::SetCursorPos(ImVec2(x0, 24));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x0 + width);
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(theme.text));
    ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(theme.chip_bg));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(theme.rule));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(theme.rule));
    ImGui::PushStyleColor(ImGuiCol_Separator, to_vec4(theme.rule));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 8));

    ImGui::PushFont(fonts.font(Face::sans_bold), 28.0f);
    ImGui::TextUnformatted("Library");
    ImGui::PopFont();
    ImGui::SameLine(x0 + width - 90);
    ImGui::PushFont(fonts.font(Face::sans), 16.0f);
    if (ImGui::Button("Close")) action.kind = Action::close;

    auto row = [&](const std::string& key, const std::string& title, const std::string& source, const ProgressKeeper::Entry* p,
                   const std::string& note) {
        ImGui::PushID(key.c_str());
        ImGui::Separator();
        ImGui::PushFont(fonts.font(Face::serif_bold), 19.0f);
        ImGui::TextUnformatted(title.empty() ? key.c_str() : title.c_str());
        ImGui::PopFont();
        std::string line;
        if (p) {
            line = std::to_string(static_cast<int>(std::lround(p->progress.percent * 100))) + "% read";
            const std::string when = last_read(p->progress.updated, now_ms);
            if (!when.empty()) line += " · " + when;
        } else {
            line = "not started";
        }
        for (const auto& [name, count] : highlight_counts_)
            if (name == key && count > 0) line += " \xC2\xB7 " + std::to_string(count) + (count == 1 ? " highlight" : " highlights");
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(theme.muted));
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopStyleColor();
        if (p) {
            // A thin bar of how much has been read.
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(at, ImVec2(at.x + 200, at.y + 4), ImGui::GetColorU32(to_vec4(theme.rule)), 2);
            dl->AddRectFilled(at, ImVec2(at.x + 200 * static_cast<float>(p->progress.percent), at.y + 4),
                              ImGui::GetColorU32(to_vec4(theme.link)), 2);
            ImGui::Dummy(ImVec2(200, 6));
        }
        if (!note.empty()) ImGui::TextColored(to_vec4(theme.heading), "%s", note.c_str());
        if (!source.empty()) {
            if (ImGui::Button("Open")) action = Action{Action::open, source};
            if (p) ImGui::SameLine();
        }
        if (p && ImGui::Button("Forget")) action = Action{Action::forget, key};
        ImGui::PopID();
    };

    ImGui::Dummy(ImVec2(0, 8));
    ImGui::PushFont(fonts.font(Face::sans_bold), 17.0f);
    ImGui::TextUnformatted("With this viewer");
    ImGui::PopFont();
    for (const Bundled& b : bundled_) {
        auto it = std::find_if(positions.begin(), positions.end(), [&](const ProgressKeeper::Entry& e) { return e.is(b.id); });
        row(b.id, b.title, b.source, it == positions.end() ? nullptr : &*it, "");
    }
    bool any_recent = false;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const ProgressKeeper::Entry& e = positions[i];
        if (std::any_of(bundled_.begin(), bundled_.end(), [&](const Bundled& b) { return e.is(b.id); })) continue;
        if (!any_recent) {
            ImGui::Dummy(ImVec2(0, 12));
            ImGui::PushFont(fonts.font(Face::sans_bold), 17.0f);
            ImGui::TextUnformatted("Recently read");
            ImGui::PopFont();
            any_recent = true;
        }
        const Reopen& again = i < reopen.size() ? reopen[i] : Reopen{};
        row(e.name(), e.progress.title, again.source, &e, again.note);
    }
    if (!positions.empty()) {
        ImGui::Dummy(ImVec2(0, 12));
        ImGui::Separator();
        if (ImGui::Button("Forget all reading positions")) action.kind = Action::forget_all;
    }
    ImGui::Dummy(ImVec2(0, 24));
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    return action;
}

}  // namespace av
