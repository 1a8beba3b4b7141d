#include "app.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "core/article_loader.hpp"

namespace av {

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
    return font_error_;
}

void App::open(const std::string& source) {
    source_ = source;
    loading_ = true;
    ready_ = false;
    error_.clear();
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
    article_ = std::make_unique<Article>(std::move(result.article));
    layout_.invalidate();
    view_.scroll_to(0);
    error_.clear();
    host_.set_title(article_->title);
}

void App::article_failed(const std::string& source, const std::string& message) {
    if (source != source_) return;
    loading_ = false;
    ready_ = false;
    article_.reset();
    layout_.invalidate();
    error_ = message;
    settle_frames_ = 2;
    std::fprintf(stderr, "error: %s\n", message.c_str());
}

void App::draw_status(const char* heading, const std::string& detail, bool offer_retry) {
    const Theme& t = theme(theme_);
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x - 32.0f, 640.0f);
    ImGui::SetCursorPos(ImVec2((size.x - width) / 2, std::max(size.y * 0.25f, 16.0f)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(fonts_.font(Face::sans_bold), 26.0f);
    ImGui::TextColored(ImColor(t.heading.r, t.heading.g, t.heading.b), "%s", heading);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::PushFont(fonts_.font(Face::sans), 17.0f);
    ImGui::TextColored(ImColor(t.text.r, t.text.g, t.text.b), "%s", detail.c_str());
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

void App::frame() {
    ImGui::NewFrame();
    ++frames_;
    if (settle_frames_ > 0) --settle_frames_;
    const Theme& t = theme(theme_);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(t.page.r / 255.0f, t.page.g / 255.0f, t.page.b / 255.0f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("reader", nullptr, flags);
    animating_ = false;
    if (!fonts_.loaded()) {
        ImGui::TextUnformatted(font_error_.c_str());  // ImGui's built-in font: the only one there is
    } else if (!error_.empty()) {
        draw_status("This article could not be opened", error_, true);
    } else if (loading_ || !article_) {
        draw_status("Loading…", source_, false);
    } else {
        LayoutParams params{vp->Size.x, font_size_, 0};
        const DocumentLayout& doc = layout_.get(*article_, fonts_, params);
        animating_ = view_.draw(doc, fonts_, t, host_, 0, vp->Size.y);
        ready_ = true;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::Render();
}

std::string App::state_json() const {
    nlohmann::json s;
    s["ready"] = ready_;
    s["loading"] = loading_;
    s["source"] = source_;
    s["articleId"] = article_ ? nlohmann::json(article_->id) : nlohmann::json(nullptr);
    s["title"] = article_ ? nlohmann::json(article_->title) : nlohmann::json(nullptr);
    s["lang"] = article_ ? nlohmann::json(article_->lang) : nlohmann::json(nullptr);
    s["blocks"] = article_ ? article_->blocks.size() : 0;
    s["error"] = error_.empty() ? nlohmann::json(nullptr) : nlohmann::json(error_);
    s["warnings"] = warnings_;
    s["frames"] = frames_;
    s["scrollY"] = view_.scroll_y();
    s["fontError"] = font_error_.empty() ? nlohmann::json(nullptr) : nlohmann::json(font_error_);
    // Strings in the state come from files: replace anything that is not UTF-8 rather than throw.
    return s.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace av
