// Which of the base faces the fonts folder lacks (FontSet::missing: the web's serif italics,
// shipped apart from the first visit) have been asked of the platform (Host::fetch_font_faces)
// for the articles that draw with them, and how the platform answered. Each face is asked once,
// unless its fetch failed (the reader offline for a moment, the host down): it is then asked
// again by the next article that needs it, as a family that failed is asked again when next
// chosen (App::request_family), or when the browser comes back online (App::browser_online).
// Never twice for one article on its own: the one that saw the failure is drawn with the upright
// twins (state().fontFaces says why), and asking at each frame would loop.
#pragma once

#include <cstdint>
#include <string>

namespace av {

class FaceRequests {
public:
    // The faces (face_bit) to ask for now, for an article that draws with `needed` (TextNeeds::
    // faces) when the fonts lack `missing`: those not asked yet, or whose last fetch failed once
    // no other fetch is on its way. They count as asked from here.
    std::uint8_t take(std::uint8_t needed, std::uint8_t missing);
    // What the platform said to the faces take() gave: it fetches them (an answer follows), or it
    // cannot fetch fonts at all (then they are never asked again).
    void sent(bool fetching);
    // A fetch's answer: "" when the faces are in the fonts folder, else why not.
    void answered(const std::string& error);

    bool waiting() const { return pending_ > 0; }        // a fetch is on its way: the article waits for it
    const std::string& error() const { return error_; }  // the last answer's, or that none can come

private:
    std::uint8_t asked_ = 0;  // face_bit of each face asked for
    int pending_ = 0;         // fetches not answered yet
    bool retry_ = false;      // a fetch failed: what is still missing may be asked again
    std::string error_;
};

}  // namespace av
