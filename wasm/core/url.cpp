#include "url.hpp"

#include <cctype>
#include <vector>

namespace av::url {

std::string scheme(std::string_view text) {
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
    if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) return {};
    for (std::size_t i = 1; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ':') {
            std::string out(text.substr(0, i));
            for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            return out;
        }
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return {};
    }
    return {};
}

bool is_http(std::string_view text) {
    const std::string s = scheme(text);
    return (s == "http" || s == "https") && text.size() > s.size() + 3 && text.substr(s.size(), 3) == "://";
}

std::string file_name(std::string_view text) {
    const std::string_view path = text.substr(0, text.find_first_of("?#"));
    const std::size_t cut = path.find_last_of("/:");
    const std::string_view name = cut == std::string_view::npos ? path : path.substr(cut + 1);
    return std::string(name.empty() ? text : name);
}

std::string origin(std::string_view text) {
    if (!is_http(text)) return {};
    const std::string s = scheme(text);
    std::string_view authority = text.substr(s.size() + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    // The port follows the last ':' that is not inside an IPv6 literal ("[::1]:8080").
    std::string_view host = authority, port;
    const std::size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    if (host.empty()) return {};
    std::string out = s + "://";
    for (char c : host) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!port.empty() && port != (s == "https" ? "443" : "80")) out += ":" + std::string(port);
    return out;
}

bool is_allowed_link(std::string_view text) {
    return is_http(text) || (scheme(text) == "mailto" && text.size() > 7);
}

namespace {

// Removes "." and ".." segments (RFC 3986 5.2.4), never climbing above the root.
std::string remove_dot_segments(std::string_view path) {
    const bool absolute = !path.empty() && path[0] == '/';
    std::vector<std::string_view> out;
    std::size_t start = absolute ? 1 : 0;
    bool trailing_slash = false;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view seg = path.substr(start, end - start);
        trailing_slash = false;
        if (seg == "..") {
            if (!out.empty() && out.back() != "..") out.pop_back();
            else if (!absolute) out.push_back(seg);
            trailing_slash = true;
        } else if (seg == ".") {
            trailing_slash = true;
        } else {
            out.push_back(seg);
        }
        start = end + 1;
    }
    std::string result = absolute ? "/" : "";
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (i) result += '/';
        result += out[i];
    }
    if (trailing_slash && !out.empty() && !out.back().empty()) result += '/';
    return result;
}

}  // namespace

std::string resolve(std::string_view base, std::string_view ref) {
    if (!scheme(ref).empty()) return std::string(ref);
    if (ref.empty()) return std::string(base);
    // Split base into "scheme://authority" and the rest.
    std::size_t path_start = 0;
    const std::string base_scheme = scheme(base);
    if (!base_scheme.empty()) {
        path_start = base_scheme.size() + 1;
        if (base.substr(path_start, 2) == "//") {
            const std::size_t slash = base.find_first_of("/?#", path_start + 2);
            path_start = slash == std::string_view::npos ? base.size() : slash;
        }
    }
    const std::string prefix(base.substr(0, path_start));
    std::string_view base_path = base.substr(path_start);
    base_path = base_path.substr(0, base_path.find_first_of("?#"));
    if (ref.substr(0, 2) == "//") return base_scheme.empty() ? std::string(ref) : base_scheme + ":" + std::string(ref);
    if (ref[0] == '?' || ref[0] == '#') return prefix + std::string(base_path) + std::string(ref);
    // Split the query/fragment off the reference so dot removal sees only the path.
    const std::size_t tail_at = ref.find_first_of("?#");
    const std::string_view ref_path = ref.substr(0, tail_at);
    const std::string_view ref_tail = tail_at == std::string_view::npos ? std::string_view() : ref.substr(tail_at);
    std::string merged;
    if (ref_path[0] == '/') {
        merged = std::string(ref_path);
    } else {
        const std::size_t last_slash = base_path.rfind('/');
        merged = last_slash == std::string_view::npos ? std::string() : std::string(base_path.substr(0, last_slash + 1));
        if (merged.empty() && !prefix.empty() && base_path.empty()) merged = "/";
        merged += ref_path;
    }
    return prefix + remove_dot_segments(merged) + std::string(ref_tail);
}

std::string relative_reference(std::string_view page, std::string_view target) {
    const std::string o = origin(page);
    if (o.empty() || origin(target) != o) return std::string(target);
    // The paths, after "scheme://authority"; the target keeps its query and fragment.
    auto path_of = [](std::string_view u) {
        const std::size_t start = u.find('/', u.find("//") + 2);
        return start == std::string_view::npos ? std::string_view("/") : u.substr(start);
    };
    std::string_view from = path_of(page);
    from = from.substr(0, from.find_first_of("?#"));
    const std::string_view to_all = path_of(target);
    const std::size_t tail_at = to_all.find_first_of("?#");
    const std::string_view to = to_all.substr(0, tail_at);
    const std::string_view tail = tail_at == std::string_view::npos ? std::string_view() : to_all.substr(tail_at);
    // The folders they share, up to the last '/' both have at the same place.
    const std::string_view from_dir = from.substr(0, from.rfind('/') + 1);
    std::size_t common = 0;
    for (std::size_t i = 0; i < from_dir.size() && i < to.size() && from_dir[i] == to[i]; ++i)
        if (from_dir[i] == '/') common = i + 1;
    std::string out;
    for (std::size_t i = common; i < from_dir.size(); ++i)
        if (from_dir[i] == '/') out += "../";
    out += to.substr(common);
    if (out.empty()) {
        out = "./";  // the page's own folder: an empty reference would be the page itself
    } else if (out.find(':') < out.find('/')) {
        out = "./" + out;  // a first segment with a ':' would read as a scheme ("a:b.png")
    }
    return out + std::string(tail);
}

std::string resolve_in_folder(std::string_view base, std::string_view ref) {
    if (!scheme(base).empty() || !scheme(ref).empty()) return resolve(base, ref);
    const std::size_t slash = base.rfind('/');
    const std::string folder(slash == std::string_view::npos ? std::string_view() : base.substr(0, slash + 1));
    const std::size_t tail_at = ref.find_first_of("?#");
    std::string_view ref_path = ref.substr(0, tail_at);
    const std::string_view ref_tail = tail_at == std::string_view::npos ? std::string_view() : ref.substr(tail_at);
    while (!ref_path.empty() && ref_path[0] == '/') ref_path.remove_prefix(1);
    // As an absolute path, ".." never climbs above its root: the folder.
    const std::string inside = remove_dot_segments("/" + std::string(ref_path));
    return folder + inside.substr(1) + std::string(ref_tail);
}

}  // namespace av::url
