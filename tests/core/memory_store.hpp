// A KeyValueStore in memory for core's tests (progress, highlights): it counts its writes and can
// be made to answer as a full (quota), refusing (failed) or missing (unavailable) storage would.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/key_value_store.hpp"

namespace av::test {

class MemoryStore : public KeyValueStore {
public:
    std::map<std::string, std::string> values;
    Status get_fails = Status::ok;  // what get() answers instead of reading (unavailable, failed)
    Status set_fails = Status::ok;  // what set() answers instead of writing (quota, unavailable)
    int sets = 0;
    Status get(const std::string& key, std::string& value) override {
        if (get_fails != Status::ok) return get_fails;
        auto it = values.find(key);
        if (it == values.end()) return Status::missing;
        value = it->second;
        return Status::ok;
    }
    Status set(const std::string& key, const std::string& value) override {
        if (set_fails != Status::ok) return set_fails;
        ++sets;
        values[key] = value;
        return Status::ok;
    }
    Status remove(const std::string& key) override {
        values.erase(key);
        return Status::ok;
    }
    std::vector<std::string> keys(const std::string& prefix) override {
        std::vector<std::string> out;
        for (const auto& kv : values)
            if (kv.first.rfind(prefix, 0) == 0) out.push_back(kv.first);
        return out;
    }
};

}  // namespace av::test
