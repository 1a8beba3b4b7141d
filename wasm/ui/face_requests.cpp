#include "face_requests.hpp"

namespace av {

std::uint8_t FaceRequests::take(std::uint8_t needed, std::uint8_t missing) {
    // Not while a fetch is on its way: what it brings is still "missing" until it arrives.
    if (retry_ && pending_ == 0) {
        asked_ = static_cast<std::uint8_t>(asked_ & ~missing);
        retry_ = false;
    }
    const std::uint8_t wanted = static_cast<std::uint8_t>(needed & missing & ~asked_);
    asked_ = static_cast<std::uint8_t>(asked_ | wanted);
    return wanted;
}

void FaceRequests::sent(bool fetching) {
    if (fetching)
        ++pending_;
    else
        error_ = "this viewer cannot fetch fonts; the upright faces stand in";
}

void FaceRequests::answered(const std::string& error) {
    if (pending_ > 0) --pending_;
    error_ = error;
    if (!error.empty()) retry_ = true;
}

}  // namespace av
