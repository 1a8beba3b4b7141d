// What the highlight tests share: the store in memory (memory_store.hpp), and articles made from a
// few blocks or read from the seed and the corpus.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/article_loader.hpp"
#include "memory_store.hpp"
#include "test_support.hpp"

namespace av::test {

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
