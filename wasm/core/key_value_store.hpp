// Small values kept on the reader's device, by key ("progress/<article id>", "reader"). The web
// keeps them in localStorage, the desktop in files under $XDG_STATE_HOME; tests use memory.
// Every call reports failure instead of throwing: storage can be disabled, full or shared.
#pragma once

#include <string>
#include <vector>

namespace av {

class KeyValueStore {
public:
    enum class Status { ok, missing, unavailable, quota, failed };
    virtual ~KeyValueStore() = default;
    virtual Status get(const std::string& key, std::string& value) = 0;
    virtual Status set(const std::string& key, const std::string& value) = 0;
    virtual Status remove(const std::string& key) = 0;
    // Keys that start with `prefix`.
    virtual std::vector<std::string> keys(const std::string& prefix) = 0;
};

// Storage that is not there (a platform without any, or a store that failed to open).
class NoStore : public KeyValueStore {
public:
    Status get(const std::string&, std::string&) override { return Status::unavailable; }
    Status set(const std::string&, const std::string&) override { return Status::unavailable; }
    Status remove(const std::string&) override { return Status::unavailable; }
    std::vector<std::string> keys(const std::string&) override { return {}; }
};

}  // namespace av
