// Loads an article/1 file: bytes in, a checked Article (or one clear error) out. Never throws,
// never aborts on what the bytes contain; every problem names the file and the place in it.
//
// Message shapes (docs/errors.md lists each wording):
//   SOURCE:LINE:COL: <JSON syntax problem>
//   SOURCE: invalid UTF-8 at byte N
//   SOURCE: /blocks/3/level: expected an integer from 2 to 4, got "deux"
//   warnings: SOURCE: /blocks/3/bold: expected true or false, got "yes"; ignored
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"
#include "json_reader.hpp"
#include "load_error.hpp"

namespace av {

struct LoadResult {
    Article article;                    // meaningful only when ok()
    LoadErrorKind kind = LoadErrorKind::none;
    std::string error;                  // the first error, prefixed with the source
    std::vector<std::string> warnings;  // each prefixed with the source
    bool ok() const { return kind == LoadErrorKind::none; }
};

// `source` names the file in messages and is the base URL (or path) that relative image sources
// are resolved against.
LoadResult load_article(std::string_view bytes, std::string_view source, const LoadLimits& limits = {});

struct ArticleLoadState;

// load_article in pieces, for a page that must not stop answering while a long article loads
// (a 43 MB one takes seconds): step() works until `enough()` says so, checked between pieces of
// a few milliseconds each, and says whether the load is over; take() then gives exactly what
// load_article gives. `bytes` must stay alive and unchanged until take(). A file that is not
// valid JSON is read a second time by nlohmann's parser, for its message, in one piece.
class ArticleLoad {
public:
    ArticleLoad(std::string_view bytes, std::string_view source, const LoadLimits& limits = {});
    ~ArticleLoad();
    ArticleLoad(const ArticleLoad&) = delete;
    ArticleLoad& operator=(const ArticleLoad&) = delete;

    bool step(const std::function<bool()>& enough);
    bool done() const;
    double fraction() const;  // 0 to 1: how far along, for a progress bar
    LoadResult take();        // finishes the load first if step() has not

private:
    bool piece();  // one piece of work; true once the load is over
    std::unique_ptr<ArticleLoadState> state_;
};

}  // namespace av
