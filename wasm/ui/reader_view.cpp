#include "reader_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "host.hpp"

namespace av {

namespace {

ImU32 to_imgui(Rgb c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * 255.0f));
}

// Snaps to the device pixel grid so glyphs are not resampled between pixels (blurry text).
float snap(float v, float scale) { return std::round(v * scale) / scale; }

}  // namespace

void ReaderView::clamp(const DocumentLayout& doc, float view_h) {
    const float max_scroll = std::max(0.0f, doc.height - view_h);
    target_ = std::clamp(target_, 0.0f, max_scroll);
    scroll_ = std::clamp(scroll_, 0.0f, max_scroll);
}

void ReaderView::handle_input(const DocumentLayout& doc, float view_h) {
    const ImGuiIO& io = ImGui::GetIO();
    const float line = doc.params.font_size * 1.5f;
    if (io.MouseWheel != 0 && ImGui::IsWindowHovered()) target_ -= io.MouseWheel * line * 3.0f;
    if (ImGui::IsWindowFocused() && !io.WantTextInput) {
        auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(key, true); };
        const float page = std::max(view_h - line * 2.0f, line);
        if (pressed(ImGuiKey_DownArrow)) target_ += line * 2.0f;
        if (pressed(ImGuiKey_UpArrow)) target_ -= line * 2.0f;
        if (pressed(ImGuiKey_PageDown) || (pressed(ImGuiKey_Space) && !io.KeyShift)) target_ += page;
        if (pressed(ImGuiKey_PageUp) || (pressed(ImGuiKey_Space) && io.KeyShift)) target_ -= page;
        if (pressed(ImGuiKey_Home)) target_ = 0;
        if (pressed(ImGuiKey_End)) target_ = doc.height;
    }
    clamp(doc, view_h);
}

bool ReaderView::draw(const DocumentLayout& doc, const FontSet& fonts, const Theme& theme, Host& host, float top,
                      float view_h) {
    handle_input(doc, view_h);
    // Ease towards the target: a fixed fraction per frame, finishing exactly.
    const float diff = target_ - scroll_;
    scroll_ = std::fabs(diff) < 0.5f ? target_ : scroll_ + diff * 0.35f;
    const bool animating = scroll_ != target_;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiIO& io = ImGui::GetIO();
    const float scale = io.DisplayFramebufferScale.y > 0 ? io.DisplayFramebufferScale.y : 1.0f;
    const ImVec2 origin = ImGui::GetWindowPos();
    const float dy = origin.y + top - snap(scroll_, scale);
    const float dx = origin.x;
    const ImVec2 mouse = io.MousePos;
    int hovered_link = -1;

    const auto [first, last] = doc.visible(scroll_, scroll_ + view_h);
    for (std::size_t i = first; i < last; ++i) {
        const BlockLayout& block = doc.blocks[i];
        for (const Shape& s : block.shapes) {
            const ImVec2 a(dx + s.x, dy + s.y), b(dx + s.x + s.w, dy + s.y + s.h);
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
                case ShapeKind::quote_bar: dl->AddRectFilled(a, b, to_imgui(theme.rule)); break;
                case ShapeKind::rule: dl->AddRectFilled(a, b, to_imgui(theme.rule)); break;
                case ShapeKind::image_box: dl->AddRectFilled(a, b, to_imgui(theme.image_bg)); break;
                case ShapeKind::chip: dl->AddRectFilled(a, b, to_imgui(theme.chip_bg), s.h / 2); break;
                case ShapeKind::bullet: dl->AddCircleFilled(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), s.w / 2, to_imgui(theme.text)); break;
            }
        }
        for (const Line& line : block.lines) {
            for (const Span& span : line.spans) {
                const float x = snap(dx + span.x, scale);
                const float y = snap(dy + line.y + (line.height - span.size) / 2, scale);
                dl->AddText(fonts.font(span.face), span.size, ImVec2(x, y), to_imgui(theme.color(span.role)),
                            span.text.data(), span.text.data() + span.text.size());
                if (span.link >= 0) {
                    const float underline = snap(y + span.size * 1.12f, scale);
                    // Trailing spaces are not underlined.
                    float w = span.width;
                    if (!span.text.empty() && span.text.back() == ' ') w -= fonts.width(" ", span.face, span.size);
                    dl->AddLine(ImVec2(x, underline), ImVec2(x + w, underline), to_imgui(theme.color(span.role)), std::max(1.0f, span.size / 18.0f));
                    if (mouse.x >= x && mouse.x < x + w && mouse.y >= dy + line.y && mouse.y < dy + line.y + line.height) hovered_link = span.link;
                }
            }
        }
    }

    if (hovered_link >= 0 && ImGui::IsWindowHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 36.0f) {
            host.open_link(doc.links[static_cast<std::size_t>(hovered_link)]);
        }
    }

    // A thin scroll indicator on the right: where the view is in the article.
    if (doc.height > view_h) {
        const float track_x = origin.x + ImGui::GetWindowWidth() - 6.0f;
        const float thumb_h = std::max(view_h * view_h / doc.height, 24.0f);
        const float thumb_y = origin.y + top + (view_h - thumb_h) * (scroll_ / (doc.height - view_h));
        dl->AddRectFilled(ImVec2(track_x, thumb_y), ImVec2(track_x + 4.0f, thumb_y + thumb_h), to_imgui(theme.muted, 0.5f), 2.0f);
    }
    return animating;
}

}  // namespace av
