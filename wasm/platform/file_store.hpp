// Desktop storage: each key is a small JSON file under $XDG_STATE_HOME/article-viewer/ (default
// ~/.local/state/article-viewer/): "progress/<id>" is progress/<id>.json, "reader" reader.json.
// Writes go to a temporary file renamed over the old one, so a crash never leaves half a file.
#pragma once

#include <string>

#include "core/key_value_store.hpp"

namespace av {

class FileStore : public KeyValueStore {
public:
    // `dir` "" means the XDG default.
    explicit FileStore(std::string dir = "");
    const std::string& dir() const { return dir_; }
    // $XDG_CONFIG_HOME/article-viewer (default ~/.config/article-viewer): the reader's settings
    // live there, apart from the state (positions) that may be thrown away.
    static std::string config_dir();
    // $XDG_DATA_HOME/article-viewer (default ~/.local/share/article-viewer): the reader's own
    // writing (highlights and notes, their exports), which is not state to throw away either.
    static std::string data_dir();

    Status get(const std::string& key, std::string& value) override;
    Status set(const std::string& key, const std::string& value) override;
    Status remove(const std::string& key) override;
    std::vector<std::string> keys(const std::string& prefix) override;

private:
    std::string path_for(const std::string& key) const;
    std::string dir_;
};

}  // namespace av
