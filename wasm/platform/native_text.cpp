#include "native_text.hpp"

#include <cstdio>
#include <cstdlib>

#include "cli.hpp"
#include "core/text/hyphen_languages.hpp"
#include "text/hb_text_engine.hpp"
#include "text/hyphen_dictionaries.hpp"

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

std::vector<std::string> hyphen_dirs() {
    return {env_or("AV_HYPHEN_DIR", AV_HYPHEN_DIR), AV_HYPHEN_SYSTEM_DIR};
}

HyphenDictionaries& hyphenation(const std::vector<std::string>& languages, std::vector<std::string>& found,
                                std::string& error) {
    static HyphenDictionaries dictionaries;
    for (const std::string& lang : languages) {
        bool has = !dictionaries.dictionary_for(lang).empty();
        std::string failed;  // the files of this language that could not be used
        for (const std::string& name : hyphen_dictionary_names(lang)) {
            if (has) break;
            for (const std::string& dir : hyphen_dirs()) {
                const std::string path = dir + "/hyph_" + name + ".dic";
                std::FILE* probe = std::fopen(path.c_str(), "rb");
                if (!probe) continue;  // not there: the next folder, then the next name
                std::fclose(probe);
                std::string bytes, why;
                if (!cli::read_file(path, bytes, why) ||
                    !dictionaries.load(name, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), why)) {
                    failed += (failed.empty() ? "" : "; ") + path + ": " + why;
                    continue;
                }
                has = true;
                break;
            }
        }
        if (has) found.push_back(lang);
        // A broken file another folder made up for is only logged; one that leaves the language
        // without hyphenation is the App's to tell.
        if (!failed.empty() && has) std::fprintf(stderr, "article-viewer: %s\n", failed.c_str());
        if (!failed.empty() && !has) error += (error.empty() ? "" : "; ") + failed;
    }
    return dictionaries;
}

}  // namespace av::native_text
