// What the highlight tests share: a store in memory that can be made full or unavailable, and
// articles made from a few blocks or read from the seed and the corpus.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/key_value_store.hpp"
#include "test_support.hpp"

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

inline Article article_of(const std::string& blocks, const std::string& id = "a1") {
    auto r = load_article(
        R"({"format":"article/1","id":")" + id + R"(","lang":"en","title":"Title","blocks":[)" + blocks + "]}",
        "a.json");
    REQUIRE_MESSAGE(r.ok(), r.error);
    return r.article;
}

inline Article article_file(const std::string& path) {
    auto r = load_article(read_file(path), path);
    REQUIRE_MESSAGE(r.ok(), path << ": " << r.error);
    return r.article;
}

inline const std::string seed_path = std::string(AV_ASSETS_DIR) + "/articles/russie-munitions-nord-coreennes.json";

}  // namespace av::test
