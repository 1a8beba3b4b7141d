#include "native_text.hpp"

#include <cstdio>
#include <cstdlib>

#include "cli.hpp"
#include "text/hb_text_engine.hpp"

namespace av::native_text {

namespace {

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

}  // namespace

std::string fonts_more_dir() { return env_or("AV_FONTS_MORE_DIR", AV_FONTS_MORE_DIR); }

bool read_catalog(std::string& bytes, std::string& error) {
    return cli::read_file(fonts_more_dir() + "/fonts.json", bytes, error);
}

std::vector<std::pair<FontId, std::vector<unsigned char>>> read_files(const std::vector<std::pair<FontId, std::string>>& files) {
    std::vector<std::pair<FontId, std::vector<unsigned char>>> out;
    for (const auto& [id, file] : files) {
        std::string bytes, error;
        if (!cli::read_file(fonts_more_dir() + "/" + file, bytes, error)) {
            std::fprintf(stderr, "article-viewer: %s\n", error.c_str());
            continue;
        }
        out.emplace_back(id, std::vector<unsigned char>(bytes.begin(), bytes.end()));
    }
    return out;
}

HbTextEngine* engine(bool dictionary, std::string& error) {
    static HbTextEngine the_engine;
    static bool dictionary_loaded = false;
    if (dictionary && !dictionary_loaded) {
        const std::string path = env_or("AV_THAI_DICT", AV_THAI_DICT);
        std::string bytes;
        if (!cli::read_file(path, bytes, error)) return nullptr;
        if (!the_engine.set_dictionary(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size())) {
            error = path + ": " + the_engine.last_error();
            return nullptr;
        }
        dictionary_loaded = true;
    }
    return &the_engine;
}

}  // namespace av::native_text
