#include "local_path.hpp"

#include <vector>

#include "url.hpp"

namespace av::local_path {

std::string expand_home(std::string_view path, std::string_view home) {
    if (home.empty() || path.empty() || path[0] != '~' || (path.size() > 1 && path[1] != '/')) return std::string(path);
    std::string out(home);
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    out.append(path.substr(1));
    return out;
}

std::string absolute(std::string_view folder, std::string_view path) {
    std::string whole;
    if (path.empty() || path[0] != '/') {
        whole.assign(folder);
        whole += '/';
    }
    whole.append(path);
    std::vector<std::string_view> parts;
    const std::string_view text(whole);
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('/', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view part = text.substr(start, end - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out;
    for (std::string_view part : parts) {
        out += '/';
        out.append(part);
    }
    return out.empty() ? "/" : out;
}

std::string folder_of(std::string_view path) {
    const std::string whole = absolute("/", path);
    const std::size_t slash = whole.rfind('/');
    return slash == 0 ? "/" : whole.substr(0, slash);
}

std::string join(std::string_view folder, std::string_view name) {
    std::string out(folder);
    if (out.empty() || out.back() != '/') out += '/';
    out.append(name);
    return out;
}

bool is_local(std::string_view source) {
    return !source.empty() && url::scheme(source).empty();
}

}  // namespace av::local_path
