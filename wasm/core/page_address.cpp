#include "page_address.hpp"

#include "url.hpp"

namespace av::page_address {

std::string encode(std::string_view text) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        // Unreserved characters, and the sub-delimiters and separators that mean nothing special
        // inside a query value or a fragment: a path stays readable ("articles/a.json").
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                          std::string_view("-._~/:@!$'()*,;=?").find(c) != std::string_view::npos;
        if (keep) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

namespace {

// The page's folder: its URL up to the last '/' of the path ("https://h/app/" of
// "https://h/app/index.html?x#y").
std::string_view folder_of(std::string_view page_url) {
    const std::string_view path = page_url.substr(0, page_url.find_first_of("?#"));
    const std::size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash + 1);
}

std::string name_of(std::string_view source, std::string_view page_url) {
    const std::string_view folder = folder_of(page_url);
    if (!folder.empty() && source.size() > folder.size() && source.substr(0, folder.size()) == folder)
        return std::string(source.substr(folder.size()));
    const std::string site = url::origin(page_url);
    if (!site.empty() && url::origin(source) == site && source.size() > site.size() && source[site.size()] == '/')
        return std::string(source.substr(site.size()));
    return std::string(source);
}

}  // namespace

std::string of(std::string_view source, std::string_view block_id, std::string_view default_source,
               std::string_view page_url) {
    std::string out;
    if (source.rfind("file:", 0) == 0 && source.compare(5, 2, "//") != 0) out = "?file=" + encode(source.substr(5));
    else if (source != default_source) out = "?article=" + encode(name_of(source, page_url));
    if (!block_id.empty()) out += "#" + encode(block_id);
    return out;
}

}  // namespace av::page_address
