#include "kept_typing.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/utf8.hpp"

namespace av {

void KeptTyping::keep() {
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) utf8::append(typed_, static_cast<char32_t>(c));
    io.InputQueueCharacters.resize(0);
}

void KeptTyping::type_into(ImGuiInputTextCallbackData* data) {
    if (typed_.empty()) return;
    if (data->HasSelection()) {
        const int from = std::min(data->SelectionStart, data->SelectionEnd);
        data->DeleteChars(from, std::abs(data->SelectionEnd - data->SelectionStart));
        data->CursorPos = from;
    }
    data->InsertChars(data->CursorPos, typed_.data(), typed_.data() + typed_.size());
    typed_.clear();
}

}  // namespace av
