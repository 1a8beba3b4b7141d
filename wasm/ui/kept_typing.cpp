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
    // What the field has room for, cut between characters: ImGui inserts nothing of a text that
    // does not fit whole.
    std::size_t room = static_cast<std::size_t>(std::max(data->BufSize - data->BufTextLen - 1, 0));
    if (room < typed_.size()) {
        while (room > 0 && (static_cast<unsigned char>(typed_[room]) & 0xC0) == 0x80) --room;
        typed_.resize(room);
    }
    data->InsertChars(data->CursorPos, typed_.data(), typed_.data() + typed_.size());
    typed_.clear();
}

}  // namespace av
