#include "app.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/article_loader.hpp"

namespace av {

namespace {

ImVec4 to_vec4(Rgb c, float alpha = 1.0f) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha); }

const char* theme_label(ThemeName t) {
    switch (t) {
        case ThemeName::light: return "Light";
        case ThemeName::sepia: return "Sepia";
        case ThemeName::dark: return "Dark";
    }
    return "";
}

}  // namespace

App::App(Host& host, std::string default_source) : host_(host), default_source_(std::move(default_source)) {}

std::string App::init(const std::string& fonts_dir) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing of the UI layout is worth a file on disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    font_error_ = fonts_.load(fonts_dir);
    if (!font_error_.empty()) std::fprintf(stderr, "article-viewer: %s\n", font_error_.c_str());
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowBorderSize = 0;
    style.WindowPadding = ImVec2(0, 0);
    style.FrameRounding = 4.0f;
    style.FramePadding = ImVec2(10, 5);
    return font_error_;
}

void App::open(const std::string& source, const std::string& block_id) {
    source_ = source;
    loading_ = true;
    ready_ = false;
    error_.clear();
    pending_block_ = block_id;
    settle_frames_ = 2;
    host_.fetch_article(source);
}

void App::article_arrived(const std::string& source, std::string_view bytes) {
    if (source != source_) return;  // an answer to an older request
    loading_ = false;
    settle_frames_ = 2;
    LoadResult result = load_article(bytes, source);
    warnings_ = std::move(result.warnings);
    for (const std::string& w : warnings_) std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (!result.ok()) {
        article_failed(source, result.error);
        return;
    }
    drop_pictures();
    article_ = std::make_unique<Article>(std::move(result.article));
    pictures_.assign(article_->blocks.size(), 0);
    picture_state_.assign(article_->blocks.size(), PictureState::idle);
    layout_.invalidate();
    anchor_ = Anchor{};
    reported_block_.clear();
    const int deep = find_block(*article_, pending_block_);
    if (deep >= 0) anchor_ = Anchor{deep, 0};
    pending_block_.clear();
    error_.clear();
    host_.set_title(article_->title);
}

void App::article_failed(const std::string& source, const std::string& message) {
    if (source != source_) return;
    loading_ = false;
    ready_ = false;
    drop_pictures();
    article_.reset();
    layout_.invalidate();
    error_ = message;
    settle_frames_ = 2;
    std::fprintf(stderr, "error: %s\n", message.c_str());
}

void App::drop_pictures() {
    for (std::uint64_t texture : pictures_)
        if (texture) host_.destroy_texture(texture);
    pictures_.clear();
    picture_state_.clear();
    // Answers still on their way for the old article are recognised by their old ids.
    first_request_ += static_cast<std::uint32_t>(picture_requests_.size());
    picture_requests_.clear();
}

void App::request_pictures(const DocumentLayout& doc, float scroll_y, float view_h) {
    // "Near the viewport": one screen above and two below, so a picture is there when scrolled to.
    const auto [first, last] = doc.visible(scroll_y - view_h, scroll_y + 2 * view_h);
    for (std::size_t i = first; i < last; ++i) {
        const int block = doc.blocks[i].block;
        if (block < 0) continue;
        const std::size_t b = static_cast<std::size_t>(block);
        if (article_->blocks[b].type != BlockType::image || picture_state_[b] != PictureState::idle) continue;
        picture_state_[b] = PictureState::loading;
        const std::uint32_t request = first_request_ + static_cast<std::uint32_t>(picture_requests_.size());
        picture_requests_.push_back(block);
        host_.fetch_image(request, article_->blocks[b].src);
    }
}

void App::image_arrived(std::uint32_t request, const unsigned char* rgba, int width, int height) {
    if (request < first_request_ || request - first_request_ >= picture_requests_.size()) return;
    const std::size_t b = static_cast<std::size_t>(picture_requests_[request - first_request_]);
    const std::uint64_t texture = host_.create_texture(rgba, width, height);
    picture_state_[b] = texture ? PictureState::ready : PictureState::failed;
    pictures_[b] = texture;
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::image_failed(std::uint32_t request) {
    if (request < first_request_ || request - first_request_ >= picture_requests_.size()) return;
    picture_state_[static_cast<std::size_t>(picture_requests_[request - first_request_])] = PictureState::failed;
}

void App::go_to_block(const std::string& block_id) {
    if (!article_) {
        pending_block_ = block_id;
        return;
    }
    const int index = find_block(*article_, block_id);
    if (index >= 0) scroll_to_block(index);
}

void App::scroll_to_block(int index) {
    if (!article_ || article_->blocks.empty()) return;
    index = std::clamp(index, 0, static_cast<int>(article_->blocks.size()) - 1);
    anchor_ = Anchor{index, 0};
    laid_out_ = 0;  // place the view on the anchor at the next frame
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::set_font_size(float px) {
    font_size_ = std::clamp(std::round(px), min_font_size, max_font_size);
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::handle_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!(io.KeyCtrl || io.KeySuper)) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) set_font_size(font_size_ + 2);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) set_font_size(font_size_ - 2);
    if (ImGui::IsKeyPressed(ImGuiKey_0) || ImGui::IsKeyPressed(ImGuiKey_Keypad0)) set_font_size(default_font_size);
}

void App::draw_status(const char* heading, const std::string& detail, bool offer_retry) {
    const Theme& t = theme(theme_);
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x - 32.0f, 640.0f);
    ImGui::SetCursorPos(ImVec2((size.x - width) / 2, std::max(size.y * 0.25f, 16.0f)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(fonts_.font(Face::sans_bold), 26.0f);
    ImGui::TextColored(to_vec4(t.heading), "%s", heading);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::PushFont(fonts_.font(Face::sans), 17.0f);
    ImGui::TextColored(to_vec4(t.text), "%s", detail.c_str());
    if (offer_retry) {
        ImGui::Dummy(ImVec2(0, 12));
        if (ImGui::Button("Retry")) open(source_);
        if (source_ != default_source_) {
            ImGui::SameLine();
            if (ImGui::Button("Open the default article")) open(default_source_);
        }
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void App::draw_toolbar(float width) {
    // A bar across the top, above the text rather than over it: size, theme, contents.
    const Theme& t = theme(theme_);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->Pos);
    ImGui::SetNextWindowSize(ImVec2(width, toolbar_height));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(t.page));
    ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(t.page));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(t.chip_bg));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(t.rule));
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(t.text));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, to_vec4(t.page));
    ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(t.rule));
    ImGui::PushStyleColor(ImGuiCol_Header, to_vec4(t.chip_bg));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, to_vec4(t.chip_bg));
    ImGui::PushStyleColor(ImGuiCol_NavCursor, to_vec4(t.link));
    ImGui::PushFont(fonts_.font(Face::sans), 16.0f);
    ImGui::Begin("toolbar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetWindowPos();
    dl->AddLine(ImVec2(pos.x, pos.y + toolbar_height - 1), ImVec2(pos.x + width, pos.y + toolbar_height - 1),
                ImGui::GetColorU32(to_vec4(t.rule)));
    const char* theme_text = theme_label(theme_);
    const ImGuiStyle& style = ImGui::GetStyle();
    auto button_w = [&](const char* label) { return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2; };
    const float gap = 4.0f;
    const float buttons_w = button_w("A\xE2\x80\x93") + button_w("A+") + button_w(theme_text) + button_w("Contents") + gap * 3;
    ImGui::SetCursorPos(ImVec2(std::max(width - buttons_w - 16.0f, 8.0f), (toolbar_height - ImGui::GetFrameHeight()) / 2));
    if (ImGui::Button("A\xE2\x80\x93")) set_font_size(font_size_ - 2);  // "A–"
    ImGui::SetItemTooltip("Smaller text (Ctrl+-)");
    ImGui::SameLine(0, gap);
    if (ImGui::Button("A+")) set_font_size(font_size_ + 2);
    ImGui::SetItemTooltip("Larger text (Ctrl+=); Ctrl+0 resets");
    ImGui::SameLine(0, gap);
    if (ImGui::Button(theme_text)) theme_ = static_cast<ThemeName>((static_cast<int>(theme_) + 1) % 3);
    ImGui::SetItemTooltip("Theme: light, sepia, dark");
    ImGui::SameLine(0, gap);
    if (ImGui::Button("Contents")) ImGui::OpenPopup("contents");
    ImGui::SetItemTooltip("Sections of the article");
    ImGui::SetNextWindowPos(ImVec2(pos.x + width - 16.0f, pos.y + toolbar_height), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 6.0f);
    const bool contents_open = ImGui::BeginPopup("contents");
    ImGui::PopStyleVar(3);
    if (contents_open) {
        int shown = 0;
        const float item_w = std::min(width * 0.8f, 420.0f);
        for (std::size_t i = 0; article_ && i < article_->blocks.size(); ++i) {
            const Block& b = article_->blocks[i];
            if (b.type != BlockType::heading || b.level != 2) continue;
            ImGui::PushID(static_cast<int>(i));
            const std::string label = plain_text(b.text);
            if (ImGui::Selectable(label.c_str(), anchor_.block >= static_cast<int>(i) && current_section(i), 0, ImVec2(item_w, 0))) {
                scroll_to_block(static_cast<int>(i));
            }
            ImGui::PopID();
            ++shown;
        }
        if (shown == 0) ImGui::TextDisabled("This article has no sections");
        ImGui::EndPopup();
    }
    // A mouse click on the bar must not take the keyboard away from the text: give focus back to
    // the reading window (Tab navigation, which does not use the mouse, keeps it here).
    const bool popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !popup_open && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        ImGui::SetWindowFocus("reader");
    ImGui::End();
    ImGui::PopFont();
    ImGui::PopStyleColor(10);
}

bool App::current_section(std::size_t heading) const {
    // The section being read is the last level-2 heading at or before the anchor.
    for (std::size_t i = heading + 1; i < article_->blocks.size() && static_cast<int>(i) <= anchor_.block; ++i) {
        const Block& b = article_->blocks[i];
        if (b.type == BlockType::heading && b.level == 2) return false;
    }
    return true;
}

void App::report_reading_place() {
    // The id of the block being read, or of the nearest block before it that has one.
    std::string id;
    for (int i = std::min(anchor_.block, static_cast<int>(article_->blocks.size()) - 1); i >= 0 && id.empty(); --i)
        id = article_->blocks[static_cast<std::size_t>(i)].id;
    if (id != reported_block_) {
        reported_block_ = id;
        host_.reading_at(id);
    }
}

void App::draw_article(float width, float height) {
    const DocumentLayout& doc = layout_.get(*article_, fonts_, LayoutParams{width, font_size_, 0});
    // After any relayout (new article, width, text size) or a jump, put the anchored line back at
    // the top. The anchor itself is kept, so a run of resizes never drifts.
    if (layout_.computations() != laid_out_) {
        laid_out_ = layout_.computations();
        view_.jump_to(scroll_for(doc, anchor_));
    }
    animating_ = view_.draw(doc, fonts_, theme(theme_), host_, height, pictures_);
    request_pictures(doc, view_.scroll_y(), height);
    if (view_.moved()) anchor_ = anchor_at(doc, view_.scroll_y());
    doc_height_ = doc.height;
    percent_ = fraction_read(doc, view_.scroll_y(), height);
    reading_minutes_ = doc.reading_minutes;
    report_reading_place();
    ready_ = true;
}

void App::frame() {
    ImGui::NewFrame();
    ++frames_;
    if (settle_frames_ > 0) --settle_frames_;
    handle_shortcuts();
    const Theme& t = theme(theme_);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool reading = fonts_.loaded() && article_ && !loading_ && error_.empty();
    const float bar = reading ? toolbar_height : 0.0f;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + bar));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, vp->Size.y - bar));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(t.page));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("reader", nullptr, flags);
    animating_ = false;
    if (!fonts_.loaded()) {
        ImGui::TextUnformatted(font_error_.c_str());  // ImGui's built-in font: the only one there is
    } else if (!error_.empty()) {
        draw_status("This article could not be opened", error_, true);
    } else if (loading_ || !article_) {
        draw_status("Loading\xE2\x80\xA6", source_, false);
    } else {
        draw_article(vp->Size.x, vp->Size.y - bar);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    if (reading) draw_toolbar(vp->Size.x);
    // Focus the reading window at start so the keyboard scrolls without a click first.
    if (frames_ == 1) ImGui::SetWindowFocus("reader");
    ImGui::Render();
}

std::string App::state_json() const {
    using nlohmann::json;
    json s;
    s["ready"] = ready_;
    s["loading"] = loading_;
    s["source"] = source_;
    s["articleId"] = article_ ? json(article_->id) : json(nullptr);
    s["title"] = article_ ? json(article_->title) : json(nullptr);
    s["lang"] = article_ ? json(article_->lang) : json(nullptr);
    s["blocks"] = article_ ? article_->blocks.size() : 0;
    s["error"] = error_.empty() ? json(nullptr) : json(error_);
    s["warnings"] = warnings_;
    s["frames"] = frames_;
    s["scrollY"] = view_.scroll_y();
    s["anchor"] = {{"block", anchor_.block}, {"offset", anchor_.offset}};
    s["fontSize"] = font_size_;
    s["theme"] = theme_label(theme_);
    s["blockId"] = reported_block_;
    if (ready_) {
        s["height"] = doc_height_;
        s["percent"] = percent_;
        s["readingMinutes"] = reading_minutes_;
    }
    std::size_t images = 0, requested = 0, loaded = 0, failed = 0;
    for (std::size_t i = 0; article_ && i < article_->blocks.size(); ++i) {
        if (article_->blocks[i].type != BlockType::image) continue;
        ++images;
        requested += picture_state_[i] != PictureState::idle;
        loaded += picture_state_[i] == PictureState::ready;
        failed += picture_state_[i] == PictureState::failed;
    }
    s["images"] = {{"total", images}, {"requested", requested}, {"loaded", loaded}, {"failed", failed}};
    s["fontError"] = font_error_.empty() ? json(nullptr) : json(font_error_);
    // Strings in the state come from files: replace anything that is not UTF-8 rather than throw.
    return s.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace av
