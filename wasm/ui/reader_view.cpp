#include "reader_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

#include "core/utf8.hpp"
#include "glyph_fonts.hpp"

namespace av {

namespace {

ImU32 to_imgui(Rgb c, float alpha = 1.0f) { return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * 255.0f)); }

// Snaps to the device pixel grid so glyphs are not resampled between pixels (blurry text).
float snap(float v, float scale) { return std::round(v * scale) / scale; }
double snap(double v, float scale) { return std::round(v * scale) / scale; }

// A document position on screen, for ImGui: `dy` (the window's top minus the scroll, a document
// position) plus `y` is computed in doubles, exactly, and only the small result is a float.
float on_screen(DocY dy, DocY y) { return static_cast<float>(dy + y); }

// One glyph of a glyph font (ui/glyph_fonts.hpp), its pen at (x, y) on the baseline. Like
// ImFont::RenderChar, but snapped to device pixels rather than truncated to logical ones: the
// letters of joined scripts (Arabic) would otherwise gain gaps of up to a pixel between them.
void draw_glyph(ImDrawList* dl, ImFont* font, float em, float x, float y, ImU32 color, std::uint32_t glyph, float scale) {
    ImFontBaked* baked = font->GetFontBaked(em);
    const ImFontGlyph* g = baked->FindGlyph(static_cast<ImWchar>(glyph_fonts::glyph_code(glyph)));
    if (!g || !g->Visible) return;
    if (g->Colored) color |= ~IM_COL32_A_MASK;
    const float k = em / baked->Size;
    x = snap(x, scale);
    y = snap(y, scale);
    dl->PrimReserve(6, 4);
    dl->PrimRectUV(ImVec2(x + g->X0 * k, y + g->Y0 * k), ImVec2(x + g->X1 * k, y + g->Y1 * k), ImVec2(g->U0, g->V0),
                   ImVec2(g->U1, g->V1), color);
}

constexpr float scrollbar_width = 12.0f;
constexpr float max_fling = 8000.0f;  // px/s: beyond this a flick is a glitch, not a reader
constexpr float min_fling = 50.0f;

}  // namespace

void ReaderView::touch(TouchPhase phase, double time, float y) {
    switch (phase) {
        case TouchPhase::start: finger_.start(time, y); break;
        case TouchPhase::move: finger_.move(time, y); break;
        case TouchPhase::end: finger_.end(time, y); break;
        case TouchPhase::cancel: finger_.clear(); break;
    }
}

void ReaderView::jump_to(DocY y) {
    scroll_ = target_ = y;
    velocity_ = 0;
}

void ReaderView::handle_input(const DocumentLayout& doc, float view_h) {
    const ImGuiIO& io = ImGui::GetIO();
    const float line = doc.params.font_size * 1.5f;
    const bool hovered = ImGui::IsWindowHovered();
    // One wheel unit is one notch (the platform normalises pixel, line and page deltas). With
    // Ctrl it is the text size's (App::zoom_by_wheel), not a scroll.
    if (io.MouseWheel != 0 && hovered && !io.KeyCtrl) {
        target_ -= io.MouseWheel * line * 3.0f;
        velocity_ = 0;
    }
    if (ImGui::IsWindowFocused() && !io.WantTextInput && !io.KeyCtrl && !io.KeySuper && !io.KeyAlt) {
        auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, true); };
        const float page = std::max(view_h - line * 2.0f, line);
        const DocY before = target_;
        // With Shift, the arrows, Home and End extend the selection (ui/keyboard_selection.hpp).
        const bool shift = io.KeyShift;
        if (pressed(ImGuiKey_DownArrow) && !shift) target_ += line * 2.0f;
        if (pressed(ImGuiKey_UpArrow) && !shift) target_ -= line * 2.0f;
        if (pressed(ImGuiKey_PageDown) || (pressed(ImGuiKey_Space) && !io.KeyShift)) target_ += page;
        if (pressed(ImGuiKey_PageUp) || (pressed(ImGuiKey_Space) && io.KeyShift)) target_ -= page;
        if (pressed(ImGuiKey_Home) && !shift) target_ = 0;
        if (pressed(ImGuiKey_End) && !shift) target_ = doc.height;
        if (target_ != before) velocity_ = 0;
    }
    if (touch_ == Touch::none && velocity_ != 0) {
        // Fling: exponential decay, about 0.3 s half-life, like native kinetic scrolling.
        const float dt = std::min(io.DeltaTime, 0.05f);
        scroll_ += velocity_ * dt;
        target_ = scroll_;
        velocity_ *= std::pow(0.1f, dt);
        if (std::fabs(velocity_) < 20.0f) velocity_ = 0;
    }
}

void ReaderView::handle_scrollbar(const DocumentLayout& doc, float view_h) {
    if (doc.height <= view_h) return;
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 origin = ImGui::GetWindowPos();
    const float track_x = origin.x + ImGui::GetWindowWidth() - scrollbar_width;
    const float thumb_h = std::max(static_cast<float>(view_h * view_h / doc.height), 32.0f);
    const DocY range = doc.height - view_h;
    const float thumb_y = origin.y + (view_h - thumb_h) * static_cast<float>(scroll_ / range);
    const bool over_track = io.MousePos.x >= track_x && io.MousePos.x < track_x + scrollbar_width &&
                            io.MousePos.y >= origin.y && io.MousePos.y < origin.y + view_h;
    if (over_track && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        dragging_thumb_ = true;
        touch_ = Touch::none;
        velocity_ = 0;
        const bool on_thumb = io.MousePos.y >= thumb_y && io.MousePos.y < thumb_y + thumb_h;
        thumb_grab_ = on_thumb ? io.MousePos.y - thumb_y : thumb_h / 2;  // a click on the track centres the thumb there
    }
    if (dragging_thumb_) {
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            dragging_thumb_ = false;
        } else {
            const float t = (io.MousePos.y - thumb_grab_ - origin.y) / std::max(view_h - thumb_h, 1.0f);
            scroll_ = target_ = std::clamp(t, 0.0f, 1.0f) * range;
        }
    }
}

void ReaderView::handle_selection(const Article& article, const DocumentLayout& doc, const FontSet& fonts, float view_h) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 origin = ImGui::GetWindowPos();
    auto pos_at_mouse = [&] { return hit_test(doc, fonts, io.MousePos.x - origin.x, io.MousePos.y - origin.y + scroll_); };
    const bool mouse = io.MouseSource != ImGuiMouseSource_TouchScreen;
    const bool over_bar = io.MousePos.x >= origin.x + ImGui::GetWindowWidth() - scrollbar_width;
    if (mouse && !over_bar && !dragging_thumb_ && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const std::optional<TextPos> pos = pos_at_mouse();
        if (pos) {
            const int clicks = io.MouseClickedCount[ImGuiMouseButton_Left];
            const std::string text = pos->block < 0 ? header_text(article) : block_text(article.blocks[static_cast<std::size_t>(pos->block)]);
            if (clicks == 2) {  // a word
                const auto [b, e] = word_at(text, pos->offset);
                select(TextPos{pos->block, b}, TextPos{pos->block, e});
            } else if (clicks >= 3) {  // the whole paragraph
                select(TextPos{pos->block, 0}, TextPos{pos->block, static_cast<std::uint32_t>(utf8::length(text))});
            } else {
                sel_anchor_ = sel_focus_ = *pos;
                selecting_ = true;
            }
        } else {
            clear_selection();
        }
    }
    if (!selecting_) return;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        selecting_ = false;
        return;
    }
    if (const std::optional<TextPos> pos = pos_at_mouse()) sel_focus_ = *pos;
    edge_scroll(io.MousePos.y, origin.y + 8, origin.y + view_h - 8);
}

void ReaderView::edge_scroll(float pointer_y, float top, float bottom) {
    // Selecting past the top or bottom edge scrolls, faster the further out.
    if (pointer_y < top) target_ = scroll_ - std::min(top - pointer_y, 200.0f) * 0.5f;
    else if (pointer_y > bottom) target_ = scroll_ + std::min(pointer_y - bottom, 200.0f) * 0.5f;
}

void ReaderView::handle_touch(const Article& article, const DocumentLayout& doc, const FontSet& fonts, float view_h) {
    // The platform's gestures: a drag scrolls and flings; a finger resting on a word selects it,
    // and dragging then extends the selection word by word instead of scrolling; a tap clears it.
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 origin = ImGui::GetWindowPos();
    long_press_released_ = false;
    if (io.MouseSource == ImGuiMouseSource_TouchScreen && ImGui::IsWindowHovered() && !dragging_thumb_ &&
        ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        touch_ = Touch::pending;
        velocity_ = 0;  // a finger on a fling stops it
    }
    if (touch_ == Touch::none) return;
    const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    const bool still = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] <= touch_slop * touch_slop;
    auto word_under = [&](TextPos p) {
        const std::string text = p.block < 0 ? header_text(article) : block_text(article.blocks[static_cast<std::size_t>(p.block)]);
        std::pair<std::uint32_t, std::uint32_t> w = word_at(text, p.offset);
        // The boundary nearest the finger is often the one just after the word it is on.
        if (w.second - w.first <= 1 && p.offset > 0) {
            const auto before = word_at(text, p.offset - 1);
            if (before.second - before.first > 1) w = before;
        }
        return std::make_pair(TextPos{p.block, w.first}, TextPos{p.block, w.second});
    };
    auto pos_at_finger = [&] { return hit_test(doc, fonts, io.MousePos.x - origin.x, io.MousePos.y - origin.y + scroll_); };
    if (touch_ == Touch::pending && !still) touch_ = Touch::scrolling;
    if (touch_ == Touch::pending && down && io.MouseDownDuration[ImGuiMouseButton_Left] >= long_press_seconds) {
        touch_ = Touch::scrolling;  // unless there is text under the finger
        if (const std::optional<TextPos> pos = pos_at_finger()) {
            std::tie(touch_word_begin_, touch_word_end_) = word_under(*pos);
            select(touch_word_begin_, touch_word_end_);
            touch_ = Touch::selecting;
        }
    }
    if (touch_ == Touch::pending || touch_ == Touch::scrolling) {
        // The content follows the finger.
        scroll_ -= io.MouseDelta.y;
        target_ = scroll_;
    }
    if (touch_ == Touch::selecting && down) {
        if (const std::optional<TextPos> pos = pos_at_finger()) {
            const auto [begin, end] = word_under(*pos);
            if (*pos < touch_word_begin_) select(touch_word_end_, begin);
            else select(touch_word_begin_, std::max(end, touch_word_end_));
        }
        // A fingertip rarely reaches the bottom pixels: a wider margin there than the mouse has.
        edge_scroll(io.MousePos.y, origin.y + 8, origin.y + view_h - 24);
    }
    if (!down) {
        if (touch_ == Touch::pending && still) clear_selection();  // a tap
        if (touch_ == Touch::scrolling) {
            velocity_ = std::clamp(-finger_.velocity(), -max_fling, max_fling);
            if (std::fabs(velocity_) < min_fling) velocity_ = 0;
        }
        long_press_released_ = touch_ == Touch::selecting;
        touch_ = Touch::none;
        finger_.clear();
    }
}

std::string ReaderView::selected_text(const Article& article) const {
    if (!has_selection()) return {};
    const TextPos a = std::min(sel_anchor_, sel_focus_), b = std::max(sel_anchor_, sel_focus_);
    return text_between(article, a.block, a.offset, b.block, b.offset);
}

bool ReaderView::draw(const Article& article, const DocumentLayout& doc, const FontSet& fonts, const Theme& theme,
                      float view_h, const std::vector<std::uint64_t>& pictures, const std::vector<PictureState>& states,
                      const Found& found) {
    followed_link_.clear();
    retried_picture_ = -1;
    const DocY max_scroll = std::max(0.0, doc.height - view_h);
    // A relayout or a taller window can leave a view at rest past the new end: pulling it back is
    // not the reader's move (moved() stays false), so the anchor, still past it, is kept for the
    // next layout instead of drifting up a block at each resize.
    if (scroll_ == target_ && velocity_ == 0 && scroll_ > max_scroll) scroll_ = target_ = max_scroll;
    const DocY before = scroll_;
    handle_scrollbar(doc, view_h);
    handle_selection(article, doc, fonts, view_h);
    handle_touch(article, doc, fonts, view_h);
    handle_input(doc, view_h);
    target_ = std::clamp(target_, 0.0, max_scroll);
    if (velocity_ != 0 && (scroll_ <= 0 || scroll_ >= max_scroll)) velocity_ = 0;
    scroll_ = std::clamp(scroll_, 0.0, max_scroll);
    // Ease towards the target: a fixed fraction per frame, finishing exactly.
    const DocY diff = target_ - scroll_;
    scroll_ = !smooth_ || std::fabs(diff) < 0.5f ? target_ : scroll_ + diff * 0.3f;
    moved_ = scroll_ != before;
    // A finger resting on the text draws frames until it becomes a long press: nothing else
    // would wake the loop at the moment it does.
    const bool animating = scroll_ != target_ || velocity_ != 0 ||
                           (touch_ == Touch::pending && ImGui::IsMouseDown(ImGuiMouseButton_Left));

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiIO& io = ImGui::GetIO();
    const float scale = io.DisplayFramebufferScale.y > 0 ? io.DisplayFramebufferScale.y : 1.0f;
    const ImVec2 origin = ImGui::GetWindowPos();
    const DocY dy = origin.y - snap(scroll_, scale);
    const float dx = origin.x;
    const ImVec2 mouse = io.MousePos;
    int hovered_link = -1;

    glyph_density_.fill(0.0f);
    const auto [first, last] = doc.visible(scroll_, scroll_ + view_h);
    for (std::size_t i = first; i < last; ++i) {
        const BlockLayout& block = doc.blocks[i];
        const std::uint64_t picture =
            block.block >= 0 && static_cast<std::size_t>(block.block) < pictures.size() ? pictures[static_cast<std::size_t>(block.block)] : 0;
        for (const Shape& s : block.shapes) {
            const ImVec2 a(dx + s.x, on_screen(dy, s.y)), b(dx + s.x + s.w, on_screen(dy, s.y + s.h));
            const float r = doc.params.font_size * 0.3f;
            switch (s.kind) {
                case ShapeKind::sponsored_box:
                    dl->AddRectFilled(a, b, to_imgui(theme.sponsored_bg), r);
                    dl->AddRect(a, b, to_imgui(theme.sponsored_border), r, 0, 1.5f);
                    break;
                case ShapeKind::callout_box:
                    dl->AddRectFilled(a, b, to_imgui(theme.callout_bg), r);
                    dl->AddRect(a, b, to_imgui(theme.callout_border), r);
                    break;
                case ShapeKind::quote_bar:
                case ShapeKind::rule: dl->AddRectFilled(a, b, to_imgui(theme.rule)); break;
                case ShapeKind::image_box: {
                    if (picture) {
                        dl->AddImage(ImTextureRef(static_cast<ImTextureID>(picture)), a, b);
                        break;
                    }
                    dl->AddRectFilled(a, b, to_imgui(theme.image_bg));
                    const std::size_t at = static_cast<std::size_t>(std::max(block.block, 0));
                    if (at >= states.size() || states[at] != PictureState::failed) break;  // still loading: the box alone
                    // Failed: outlined, and a line that says so at the box's foot, which a click
                    // (or a tap) on the box retries.
                    dl->AddRect(a, b, to_imgui(theme.muted), 0, 0, 1.0f);
                    const float size = std::max(12.0f, doc.params.font_size * 0.7f);
                    const char* label = "Picture not loaded \xC2\xB7 Retry";
                    ImFont* font = fonts.font(Face::sans);
                    const float text_w = font->CalcTextSizeA(size, FLT_MAX, 0, label).x;
                    const ImVec2 at_foot(std::max(a.x + 4.0f, b.x - text_w - 8.0f), std::max(a.y + 2.0f, b.y - size * 1.5f));
                    dl->AddText(font, size, at_foot, to_imgui(theme.link), label);
                    const bool over = mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y && ImGui::IsWindowHovered();
                    if (over) {
                        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 36.0f)
                            retried_picture_ = block.block;
                    }
                    break;
                }
                case ShapeKind::chip:
                    // A pill; a long tag broken over several lines keeps a one-line chip's round
                    // ends (its height, 1.44 x the text size: core/layout.cpp), not a lozenge.
                    dl->AddRectFilled(a, b, to_imgui(theme.chip_bg), std::min(static_cast<float>(s.h), doc.params.font_size * 1.44f) / 2);
                    break;
                case ShapeKind::bullet:
                    dl->AddCircleFilled(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), s.w / 2, to_imgui(theme.text));
                    break;
            }
        }
        // Highlights, find matches and the selection, under the text.
        auto fill = [&](std::uint32_t begin, std::uint32_t end, Rgb color, float alpha) {
            for (const Rect& r : range_rects(doc, fonts, block.block, begin, end))
                dl->AddRectFilled(ImVec2(dx + r.x, on_screen(dy, r.y)), ImVec2(dx + r.x + r.w, on_screen(dy, r.y + r.h)), to_imgui(color, alpha), 2.0f);
        };
        if (found.marks) {
            const auto& m = *found.marks;
            auto it = std::lower_bound(m.begin(), m.end(), block.block,
                                       [](const std::pair<TextRange, Rgb>& r, int b) { return r.first.block < b; });
            for (; it != m.end() && it->first.block == block.block; ++it) fill(it->first.begin, it->first.end, it->second, 1.0f);
        }
        if (found.matches) {
            const auto& m = *found.matches;
            auto it = std::lower_bound(m.begin(), m.end(), block.block, [](const TextRange& r, int b) { return r.block < b; });
            for (; it != m.end() && it->block == block.block; ++it) {
                const bool current = static_cast<int>(it - m.begin()) == found.current;
                fill(it->begin, it->end, current ? theme.find_current : theme.find, current ? 1.0f : 0.55f);
            }
        }
        if (found.spoken && found.spoken->block == block.block)
            fill(found.spoken->begin, found.spoken->end, spoken_mark(theme.name), 1.0f);
        if (has_selection()) {
            const TextPos a = std::min(sel_anchor_, sel_focus_), b = std::max(sel_anchor_, sel_focus_);
            if (block.block >= a.block && block.block <= b.block) {
                fill(block.block == a.block ? a.offset : 0, block.block == b.block ? b.offset : UINT32_MAX, theme.selection, 0.6f);
            }
        }
        for (const Line& line : doc.lines(i)) {
            for (const Span& span : line.spans) {
                if (picture && span.role == Role::alt) continue;  // the picture replaces its alt text
                const float x = snap(dx + span.x, scale);
                const float y = snap(on_screen(dy, line.y + (line.height - span.size) / 2), scale);
                const ImU32 color = to_imgui(theme.color(span.role));
                ImFont* font = fonts.font(span.face);
                // Rich spans (docs/text-pipeline.md) sit on the face's baseline: ImGui puts a
                // font's baseline its rounded ascent below the top it is given.
                const float baseline = y + std::round(font->GetFontBaked(span.size)->Ascent);
                if (span.font != no_font) {
                    if (ImFont* glyphs = fonts.glyph_font(span.font)) {
                        const float em = fonts.em(span.face, span.size);
                        for (const Glyph& g : span.glyphs)
                            draw_glyph(dl, glyphs, em, dx + span.x + g.x, baseline + g.y, color, g.id, scale);
                    }
                } else if (!span.pieces.empty()) {
                    // A line justified between characters (CJK): each stretch between two widened
                    // gaps at its own place, as the carets, the selection and hit testing have it.
                    ImFont* cjk = span.cjk ? fonts.cjk_font(span.han) : nullptr;
                    const float size = cjk ? fonts.cjk_size(span.han, span.face, span.size) : span.size;
                    const float top = cjk ? baseline - std::round(cjk->GetFontBaked(size)->Ascent) : y;
                    for (std::size_t k = 0; k < span.pieces.size(); ++k) {
                        const std::size_t from = std::min<std::size_t>(span.pieces[k].byte, span.text.size());
                        const std::size_t to = k + 1 < span.pieces.size() ? std::min<std::size_t>(span.pieces[k + 1].byte, span.text.size()) : span.text.size();
                        if (from >= to) continue;
                        dl->AddText(cjk ? cjk : font, size, ImVec2(snap(dx + span.x + span.pieces[k].x, scale), top), color,
                                    span.text.data() + from, span.text.data() + to);
                    }
                } else if (ImFont* cjk = span.cjk ? fonts.cjk_font(span.han) : nullptr) {
                    const float size = fonts.cjk_size(span.han, span.face, span.size);
                    const float top = baseline - std::round(cjk->GetFontBaked(size)->Ascent);
                    dl->AddText(cjk, size, ImVec2(x, top), color, span.text.data(), span.text.data() + span.text.size());
                } else if (span.word_space > 0) {
                    // A justified line: each space is wider by word_space, as the carets, the
                    // selection and hit testing place it (core/text_geometry.cpp).
                    float pen = dx + span.x;
                    const char* p = span.text.data();
                    const char* const end = p + span.text.size();
                    while (p < end) {
                        const char* q = std::find(p, end, ' ');
                        if (q < end) ++q;  // the word and its space
                        dl->AddText(font, span.size, ImVec2(snap(pen, scale), y), color, p, q);
                        pen += fonts.width(std::string_view(p, static_cast<std::size_t>(q - p)), span.face, span.size);
                        if (q[-1] == ' ') pen += span.word_space;
                        p = q;
                    }
                } else {
                    dl->AddText(font, span.size, ImVec2(x, y), color, span.text.data(), span.text.data() + span.text.size());
                }
                // The hyphen layout added where it cut a word: drawn at the span's end, never part
                // of its text.
                if (span.hyphen) {
                    const float hx = dx + span.x + span.width - fonts.width("-", span.face, span.size);
                    dl->AddText(font, span.size, ImVec2(snap(hx, scale), y), color, "-");
                }
                // The bake AddText drew from (it asks GetFontBaked(size) the same way): its density
                // is what state() reports, so a test sees blurry glyphs without reading pixels.
                float& density = glyph_density_[static_cast<std::size_t>(span.face)];
                const float used = font->GetFontBaked(span.size)->RasterizerDensity;
                density = density > 0 ? std::min(density, used) : used;
                if (span.link < 0) continue;
                // Links are underlined (trailing spaces excepted) and take the hand cursor.
                float w = span.width;
                if (!span.text.empty() && span.text.back() == ' ') w -= fonts.width(" ", span.face, span.size) + span.word_space;
                const float underline = snap(y + span.size * 1.12f, scale);
                dl->AddLine(ImVec2(x, underline), ImVec2(x + w, underline), color, std::max(1.0f, span.size / 18.0f));
                if (mouse.x >= x && mouse.x < x + w && mouse.y >= on_screen(dy, line.y) && mouse.y < on_screen(dy, line.y + line.height))
                    hovered_link = span.link;
            }
        }
    }

    if (hovered_link >= 0 && ImGui::IsWindowHovered() && !dragging_thumb_) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        // A click, not the end of a drag, a touch scroll or a long press, follows the link.
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 36.0f &&
            io.MouseClickedLastCount[0] == 1 && !long_press_released_) {
            followed_link_ = doc.links[static_cast<std::size_t>(hovered_link)];
        }
    }

    if (doc.height > view_h) {
        const float track_x = origin.x + ImGui::GetWindowWidth() - scrollbar_width;
        const float thumb_h = std::max(static_cast<float>(view_h * view_h / doc.height), 32.0f);
        const float thumb_y = origin.y + (view_h - thumb_h) * static_cast<float>(scroll_ / (doc.height - view_h));
        const bool active = dragging_thumb_ || (mouse.x >= track_x && ImGui::IsWindowHovered());
        const float w = active ? 8.0f : 5.0f;
        dl->AddRectFilled(ImVec2(track_x + scrollbar_width - w - 2.0f, thumb_y),
                          ImVec2(track_x + scrollbar_width - 2.0f, thumb_y + thumb_h), to_imgui(theme.muted, active ? 0.8f : 0.45f),
                          w / 2);
    }
    return animating;
}

}  // namespace av
