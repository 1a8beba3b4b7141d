#include "local_files.hpp"

#include <algorithm>

namespace av {

namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_article_file(const std::string& name) {
    static const std::string ext = ".json";
    if (name.size() <= ext.size()) return false;
    for (std::size_t i = 0; i < ext.size(); ++i)
        if (ascii_lower(name[name.size() - ext.size() + i]) != ext[i]) return false;
    return true;
}

bool name_before(const std::string& a, const std::string& b) {
    const auto lower_less = [](char x, char y) { return ascii_lower(x) < ascii_lower(y); };
    if (std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), lower_less)) return true;
    if (std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end(), lower_less)) return false;
    return a < b;  // "A.json" and "a.json" both exist: a stable order still
}

}  // namespace

std::vector<FolderEntry> entries_to_open(const std::string& folder, std::vector<FolderEntry> entries) {
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const FolderEntry& e) {
                                     return e.name.empty() || e.name[0] == '.' ||
                                            (!e.folder && !is_article_file(e.name));
                                 }),
                  entries.end());
    std::sort(entries.begin(), entries.end(), [](const FolderEntry& a, const FolderEntry& b) {
        if (a.folder != b.folder) return a.folder;
        return name_before(a.name, b.name);
    });
    if (folder != "/") entries.insert(entries.begin(), FolderEntry{"..", true});
    return entries;
}

}  // namespace av
