// Reading aloud on the web (README "Read aloud"): the browser's speechSynthesis, driven by
// shell/listen.js, which asks the App what to say (App::next_utterance) and tells it where it is.
#pragma once

#include <string>

namespace av {
class App;
}

namespace av::web {

// Hands shell/listen.js the program (its exported av_listen_* functions); `wake` asks for a frame
// after each of its calls. Whether the browser can speak is read here, once.
void install_listen(App& app, void (*wake)());
// Whether the page has a speech engine: speechSynthesis and shell/listen.js.
bool can_speak();
// "start", "pause", "resume", "stop" (Host::speech), for shell/listen.js.
void speech(const std::string& command);

}  // namespace av::web
