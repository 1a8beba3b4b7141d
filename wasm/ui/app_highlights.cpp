// The App's side of highlights and notes (issue 19; README "Highlights"): the open article's
// HighlightKeeper (core/highlights.hpp) on the platform's highlights store, what the page's API
// calls, the selection made into highlights, the bar by the selection, the H shortcut, exports and
// imports, the keyboard's selection on the canvas (Shift+arrows, ui/keyboard_selection.hpp), and
// state().highlights. The Highlights panel is highlights_panel.cpp.
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include "app.hpp"
#include "core/page_address.hpp"
#include "core/utf8.hpp"
#include "highlight_colors.hpp"
#include "keyboard_selection.hpp"
#include "panel_style.hpp"

namespace av {

namespace {

constexpr HighlightColor colors[] = {HighlightColor::yellow, HighlightColor::green, HighlightColor::blue, HighlightColor::pink};

std::array<float, 4> item_box() {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x - a.x, b.y - a.y};
}

}  // namespace

std::string App::highlights_json() const {
    using nlohmann::json;
    json out = json::array();
    for (const Highlight& h : highlights_.items())
        out.push_back({{"id", h.id},
                       {"block", h.block},
                       {"start", h.start},
                       {"end", h.end},
                       {"color", std::string(highlight_color_name(h.color))},
                       {"note", h.note},
                       {"quote", h.quote},
                       {"lost", h.lost}});
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

const std::vector<std::pair<TextRange, Rgb>>& App::highlight_marks() const {
    if (marks_generation_ == highlights_.generation() && marks_theme_ == theme_ && highlights_.is_open()) return marks_;
    marks_generation_ = highlights_.generation();
    marks_theme_ = theme_;
    marks_.clear();
    if (!highlights_.is_open()) return marks_;
    // Lost ones are not drawn: their offsets name text the article no longer has.
    for (const Highlight& h : highlights_.items())
        if (!h.lost)
            marks_.push_back({TextRange{h.block, h.start, h.end}, highlight_rgb(theme_, static_cast<std::size_t>(h.color))});
    // items() gives found ones in reading order already; the view's search needs it by block.
    std::stable_sort(marks_.begin(), marks_.end(), [](const auto& a, const auto& b) { return a.first.block < b.first.block; });
    return marks_;
}

void App::highlights_touched() {
    settle_frames_ = std::max(settle_frames_, 2);
    // Storage full, a corrupt record skipped...: told once each, as the position's problems are.
    if (!highlights_.warning().empty() && highlights_.warning() != hl_ui_.warning_shown) {
        hl_ui_.warning_shown = highlights_.warning();
        std::fprintf(stderr, "article-viewer: warning: %s\n", hl_ui_.warning_shown.c_str());
        show_notice(hl_ui_.warning_shown, false);
    }
    if (highlights_.generation() == highlights_told_) return;
    highlights_told_ = highlights_.generation();
    host_.highlights_changed(highlights_json());
}

std::string App::add_highlight(int block, std::uint32_t start, std::uint32_t end, HighlightColor color, const std::string& note,
                               std::string& error) {
    error.clear();
    if (!article_ || !highlights_.is_open()) {
        error = "no article is open";
        return {};
    }
    const std::string id = highlights_.add(block, start, end, color, note, now_ms());
    if (id.empty()) error = highlights_.error();
    highlights_touched();
    return id;
}

bool App::remove_highlight(const std::string& id) {
    const bool done = highlights_.remove(id, now_ms());
    if (done && hl_ui_.editing == id) hl_ui_.editing.clear();
    highlights_touched();
    return done;
}

std::string App::set_highlight_note(const std::string& id, const std::string& note) {
    const std::string error = highlights_.set_note(id, note, now_ms()) ? std::string() : highlights_.error();
    highlights_touched();
    return error;
}

std::string App::set_highlight_color(const std::string& id, HighlightColor color) {
    const std::string error = highlights_.set_color(id, color, now_ms()) ? std::string() : highlights_.error();
    highlights_touched();
    return error;
}

void App::highlights_storage_changed() {
    if (highlights_.is_open() && highlights_.reload(now_ms())) {
        // The note being edited may have been deleted in the other tab.
        if (!hl_ui_.editing.empty() && !highlights_.find(hl_ui_.editing)) hl_ui_.editing.clear();
    }
    highlights_touched();
}

std::string App::highlight_selection(HighlightColor color, std::string* first_id) {
    if (!article_ || !highlights_.is_open()) return "No article is open";
    if (!view_.has_selection()) return "Select some text first";
    const auto [a, b] = view_.selection();
    // One highlight per block the selection covers: a highlight is anchored to a block's own text
    // (core/highlights.hpp), and a passage over two paragraphs is two passages to find again.
    // The header (title, subtitle) is not part of the article's blocks and is left out.
    std::size_t added = 0;
    std::string first_error;
    for (int block = std::max(a.block, 0); block <= b.block && block < static_cast<int>(article_->blocks.size()); ++block) {
        const std::uint32_t length = static_cast<std::uint32_t>(utf8::length(block_text(article_->blocks[static_cast<std::size_t>(block)])));
        const std::uint32_t start = block == a.block ? a.offset : 0;
        const std::uint32_t end = block == b.block ? std::min(b.offset, length) : length;
        if (start >= end) continue;
        std::string error;
        const std::string id = add_highlight(block, start, end, color, "", error);
        if (!id.empty() && first_id && added == 0) *first_id = id;
        if (!id.empty()) ++added;
        else if (first_error.empty()) first_error = error;
    }
    if (added == 0) return first_error.empty() ? "The selection holds no text of the article to highlight" : "Not highlighted: " + first_error;
    view_.clear_selection();
    hl_ui_.bar_shown = false;
    std::string said = added == 1 ? "Highlighted" : "Highlighted " + std::to_string(added) + " passages, one per block";
    if (!first_error.empty()) said += "; not all: " + first_error;
    return said;
}

bool App::go_to_highlight(const std::string& id) {
    const Highlight* h = highlights_.find(id);
    if (!h || h->lost || !article_) return false;
    // The highlight's line at the top of the view, as a link to a block puts the block there.
    anchor_ = Anchor{h->block, h->start};
    laid_out_ = 0;
    jumped_ = true;
    settle_frames_ = std::max(settle_frames_, 2);
    return true;
}

std::string App::export_highlights(bool markdown) const {
    if (!article_) return {};
    if (!markdown) return av::highlights_json(*article_, highlights_.items());
    // The link to a block is the page's address of this article (the desktop: its path).
    std::string url = source_;
    if (!page_url_.empty()) {
        std::string base = page_url_.substr(0, page_url_.find_first_of("?#"));
        url = base + page_address::of(source_, "", default_source_, page_url_);
    }
    return highlights_markdown(*article_, highlights_.items(), url);
}

std::string App::import_highlights(std::string_view text) {
    if (!article_ || !highlights_.is_open()) return hl_ui_.message = "Not imported: no article is open";
    const HighlightImport data = parse_highlights_json(text);
    if (data.items.empty() && !data.errors.empty()) return hl_ui_.message = "Not imported: " + data.errors.front();
    if (!data.article.empty() && data.article != article_->id)
        return hl_ui_.message = "Not imported: the file holds the highlights of \xE2\x80\x9C" + data.article + "\xE2\x80\x9D, not of this article (\xE2\x80\x9C" +
               article_->id + "\xE2\x80\x9D)";
    const HighlightKeeper::ImportOutcome got = highlights_.import(data, now_ms());
    highlights_touched();
    std::string said = "Imported: " + std::to_string(got.added) + " added, " + std::to_string(got.updated) + " updated, " +
                        std::to_string(got.unchanged) + " unchanged";
    if (got.lost > 0) said += ", " + std::to_string(got.lost) + " lost (their words are not in this version)";
    if (!data.errors.empty())
        said += "; " + std::to_string(data.errors.size()) + " left out (" + data.errors.front() + (data.errors.size() > 1 ? ", ..." : "") + ")";
    if (!highlights_.error().empty() && got.added + got.updated + got.unchanged == 0) said += "; " + highlights_.error();
    return hl_ui_.message = said;
}

namespace {

// The keys of the keyboard's selection (README "Highlights"). Ctrl+Shift steps by words; Alt+Shift
// too, as the Mac's Option does; Cmd counts as Ctrl.
std::optional<CaretMove> selection_move(ImGuiKey key, ImGuiKeyChord mods) {
    struct Binding {
        ImGuiKey key;
        ImGuiKeyChord mods;
        CaretMove move;
    };
    static constexpr ImGuiKeyChord shift = ImGuiMod_Shift, word = ImGuiMod_Shift | ImGuiMod_Ctrl, mac_word = ImGuiMod_Shift | ImGuiMod_Alt;
    static constexpr Binding bindings[] = {
        {ImGuiKey_RightArrow, shift, CaretMove::char_next},    {ImGuiKey_LeftArrow, shift, CaretMove::char_prev},
        {ImGuiKey_RightArrow, word, CaretMove::word_next},     {ImGuiKey_LeftArrow, word, CaretMove::word_prev},
        {ImGuiKey_RightArrow, mac_word, CaretMove::word_next}, {ImGuiKey_LeftArrow, mac_word, CaretMove::word_prev},
        {ImGuiKey_DownArrow, shift, CaretMove::line_down},     {ImGuiKey_UpArrow, shift, CaretMove::line_up},
        {ImGuiKey_Home, shift, CaretMove::line_start},         {ImGuiKey_End, shift, CaretMove::line_end},
    };
    if (mods & ImGuiMod_Super) mods = (mods & ~ImGuiMod_Super) | ImGuiMod_Ctrl;
    for (const Binding& b : bindings)
        if (b.key == key && b.mods == mods) return b.move;
    return std::nullopt;
}

bool is_h(const KeyPresses::Press& p) { return p.key == ImGuiKey_H && p.mods == 0; }

}  // namespace

bool App::highlight_shortcut() {
    // H, alone: not while a field takes the keyboard (find, a note), nor with a modifier.
    const ImGuiIO& io = ImGui::GetIO();
    if (keys_.presses(ImGuiKey_H, KeyPresses::Held::any, false) == 0 || io.WantTextInput || io.KeyCtrl || io.KeySuper ||
        io.KeyAlt || find_focus_ || !view_.has_selection())
        return false;
    // An H that came after a selection key in this frame's presses (a late frame took both) is
    // keyboard_select's, which runs later in the frame: the selection it highlights is not made yet.
    for (const KeyPresses::Press& p : keys_.in_order()) {
        if (is_h(p)) break;
        if (selection_move(p.key, p.mods)) return false;
    }
    const std::string said = highlight_selection(HighlightColor::yellow);
    if (said != "Highlighted") show_notice(said, false);
    return true;
}

void App::keyboard_select(const DocumentLayout& doc, float view_h) {
    // Only while the reading view has the keyboard: not while a field (find, a note) takes it.
    const ImGuiIO& io = ImGui::GetIO();
    if (!article_ || !ImGui::IsWindowFocused() || io.WantTextInput || find_focus_) return;
    // Every press in order, with the modifiers held at it (a late frame can take several), and an
    // H after them (highlight_shortcut left it here); else a selection key held down, repeating.
    std::vector<std::optional<CaretMove>> steps;  // none: H
    bool moves = false;
    for (const KeyPresses::Press& p : keys_.in_order()) {
        if (const std::optional<CaretMove> m = selection_move(p.key, p.mods)) {
            steps.push_back(m);
            moves = true;
        } else if (moves && is_h(p)) {
            steps.push_back(std::nullopt);
        }
    }
    if (steps.empty()) {
        const ImGuiKeyChord held = (io.KeyShift ? ImGuiMod_Shift : 0) | (io.KeyCtrl ? ImGuiMod_Ctrl : 0) |
                                   (io.KeyAlt ? ImGuiMod_Alt : 0) | (io.KeySuper ? ImGuiMod_Super : 0);
        for (const ImGuiKey key : {ImGuiKey_RightArrow, ImGuiKey_LeftArrow, ImGuiKey_DownArrow, ImGuiKey_UpArrow, ImGuiKey_Home, ImGuiKey_End}) {
            const std::optional<CaretMove> m = selection_move(key, held);
            if (m && ImGui::IsKeyPressed(key, true) && !ImGui::IsKeyPressed(key, false)) {
                steps.push_back(m);
                break;
            }
        }
    }
    if (steps.empty()) return;
    bool ours = false;
    for (const std::optional<CaretMove>& step : steps) {
        if (!step) {
            const std::string said = highlight_selection(HighlightColor::yellow);
            if (said != "Highlighted") show_notice(said, false);
            ours = false;
            continue;
        }
        // Go on with the keyboard's own selection while the view still has it; else extend the
        // mouse's or the finger's from its moving end; else start at the reading position.
        ours = hl_ui_.keyboard && view_.selection_anchor() == hl_ui_.keyboard_anchor && view_.selection_focus() == hl_ui_.caret.pos;
        if (!ours) {
            if (view_.has_selection()) {
                hl_ui_.keyboard_anchor = view_.selection_anchor();
                hl_ui_.caret = Caret{view_.selection_focus(), false, std::nullopt};
            } else if (const std::optional<TextPos> start = keyboard_selection_start(doc, view_.scroll_y(), view_h)) {
                hl_ui_.keyboard_anchor = *start;
                hl_ui_.caret = Caret{*start, false, std::nullopt};
            } else {
                return;  // no text
            }
            hl_ui_.keyboard = ours = true;
        }
        hl_ui_.caret = move_caret(*article_, doc, fonts_, hl_ui_.caret, *step);
        view_.select(hl_ui_.keyboard_anchor, hl_ui_.caret.pos);
    }
    settle_frames_ = std::max(settle_frames_, 2);
    if (!ours) return;
    // The moving end stays in view, a line from the edge it went past.
    if (const std::optional<Rect> r = caret_rect(doc, fonts_, hl_ui_.caret)) {
        const DocY top = view_.target();
        if (r->y < top) view_.scroll_to(r->y - r->h);
        else if (r->y + r->h > top + view_h) view_.scroll_to(r->y + 2 * r->h - view_h);
    }
}

void App::draw_highlight_bar(float width, float height) {
    hl_ui_.bar_items.clear();
    hl_ui_.bar_box = {};
    const DocumentLayout* doc = layout_.current();
    if (!doc || !article_ || !view_.has_selection() || view_.selecting() || settings_open_) return;
    const auto [a, b] = view_.selection();
    if (b.block < 0) return;  // only the header is selected: nothing to highlight there
    // Under the end of the selection (where the pointer let go), kept inside the reading view.
    std::vector<Rect> rects = range_rects(*doc, fonts_, b.block, b.block == a.block ? a.offset : 0, b.offset);
    if (rects.empty()) rects = range_rects(*doc, fonts_, b.block, 0, b.offset);
    const float view_bottom = view_top_ + view_height_;
    float x = width / 2, y = view_top_ + 8;
    if (!rects.empty()) {
        const Rect& r = rects.back();
        x = r.x + r.w;
        y = view_top_ + static_cast<float>(r.y + r.h - view_.scroll_y()) + 6;
    }
    const Theme& t = theme(theme_);
    const float swatch = 28.0f;
    const float bar_w = 4 * (swatch + 6) + ImGui::CalcTextSize("Note\xE2\x80\xA6").x + 20 + 20;
    const float bar_h = swatch + 16;
    if (y + bar_h > view_bottom - 4) y -= bar_h + 12 + (rects.empty() ? 0 : rects.back().h);
    x = std::clamp(x - bar_w / 2, 4.0f, std::max(4.0f, width - bar_w - 4));
    y = std::clamp(y, view_top_ + 4, std::max(view_top_ + 4, std::min(view_bottom, height) - bar_h - 4));
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetMainViewport()->Pos.x + x, ImGui::GetMainViewport()->Pos.y + y));
    const PanelStyle style(t, t.page, t.rule, ImVec2(8, 8), fonts_.font(Face::sans), 15.0f);
    ImGui::Begin("highlight-bar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing);
    std::optional<HighlightColor> chosen;
    bool with_note = false;
    for (std::size_t i = 0; i < highlight_color_count; ++i) {
        if (i > 0) ImGui::SameLine(0, 6);
        const Rgb c = highlight_rgb(theme_, i);
        ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(c));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(c));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(t.rule));
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button("##swatch", ImVec2(swatch, swatch))) chosen = colors[i];
        ImGui::PopID();
        ImGui::PopStyleColor(3);
        ImGui::SetItemTooltip("Highlight in %s (H: yellow)", highlight_color_label(i));
        hl_ui_.bar_items.push_back({"color:" + std::string(highlight_color_name(colors[i])), item_box()});
    }
    ImGui::SameLine(0, 10);
    if (ImGui::Button("Note\xE2\x80\xA6", ImVec2(0, swatch))) {
        chosen = HighlightColor::yellow;
        with_note = true;
    }
    ImGui::SetItemTooltip("Highlight and write a note");
    hl_ui_.bar_items.push_back({"note", item_box()});
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    hl_ui_.bar_box = {pos.x, pos.y, size.x, size.y};
    ImGui::End();
    hl_ui_.bar_shown = true;
    if (!chosen) return;
    std::string first;
    const std::string said = highlight_selection(*chosen, &first);
    if (said.rfind("Highlighted", 0) != 0) {
        show_notice(said, false);
    } else if (with_note && !first.empty()) {
        // The note goes to the first of the new highlights: the one of the selection's start.
        show_highlights(true);
        hl_ui_.editing = first;
        hl_ui_.edit_focus = true;
        hl_ui_.note.assign(1, '\0');
        hl_ui_.scroll_to = first;
        return;
    }
    ImGui::SetWindowFocus("reader");
}

nlohmann::json App::highlights_state() const {
    using nlohmann::json;
    std::size_t lost = 0;
    for (const Highlight& h : highlights_.items()) lost += h.lost;
    json bar = json::object(), panel = json::object();
    for (const auto& [key, r] : hl_ui_.bar_items) bar[key] = {r[0], r[1], r[2], r[3]};
    for (const auto& [key, r] : hl_ui_.panel_items) panel[key] = {r[0], r[1], r[2], r[3]};
    // Where each highlight is drawn on screen now (x, y, w, h per line), for those in view: the
    // tests compare them with the pixels and across widths and text sizes.
    json rects = json::object();
    if (const DocumentLayout* doc = layout_.current(); doc && ready_ && highlights_.is_open()) {
        // Only the blocks in view are looked at: a long article's others have no lines in memory.
        const auto [first, last] = doc->visible(view_.scroll_y(), view_.scroll_y() + view_height_);
        const int first_block = first < last ? doc->blocks[first].block : 0, last_block = first < last ? doc->blocks[last - 1].block : -1;
        for (const Highlight& h : highlights_.items()) {
            if (h.lost || h.block < first_block || h.block > last_block) continue;
            json list = json::array();
            for (const Rect& r : range_rects(*doc, fonts_, h.block, h.start, h.end)) {
                const double y = view_top_ + (r.y - view_.scroll_y());
                if (y + r.h <= view_top_ || y >= view_top_ + view_height_) continue;
                list.push_back({r.x, y, r.w, r.h});
            }
            if (!list.empty()) rects[h.id] = list;
        }
    }
    return {{"count", highlights_.items().size()},
            {"rects", rects},
            {"lost", lost},
            {"generation", highlights_.generation()},
            {"saved", highlights_.saved()},
            {"warning", highlights_.warning().empty() ? json(nullptr) : json(highlights_.warning())},
            {"warnings", highlights_.warnings()},
            {"error", highlights_.error().empty() ? json(nullptr) : json(highlights_.error())},
            {"bar", {{"shown", !hl_ui_.bar_items.empty()}, {"box", hl_ui_.bar_box}, {"items", bar}}},
            {"panel",
             {{"open", hl_ui_.panel_open && !library_open_ && ready_},
              {"box", hl_ui_.panel_box},
              {"items", panel},
              {"editing", hl_ui_.editing},
              {"message", hl_ui_.message}}}};
}

}  // namespace av
