// Command-line modes of the desktop program that need no display: --check (validate article
// files, for publishers) and --layout (a JSON report of how an article lays out).
#pragma once

#include <array>
#include <string>
#include <vector>

namespace av::cli {

// Exit codes: 0 all files valid, 1 some file invalid or unreadable, 2 usage error.
enum Exit { ok = 0, invalid = 1, usage = 2 };

// Prints one line per problem (warnings prefixed "warning: ") to stdout; returns the exit code.
int check(const std::vector<std::string>& files);

// Lays `file` out at `width` CSS pixels with the real fonts from `fonts_dir` (measured on the CPU,
// no window) and prints a JSON report: blocks, lines, height, overflow_lines, missing_glyphs,
// digest (core/layout_digest.hpp), the justified lines' word spaces, ...; with `dump`, the layout
// as text too.
// The reader's settings as --layout takes them (--font, --justify, --line-spacing, --measure),
// and what else it reports.
struct LayoutOptions {
    float width = 0;
    float font_size = 20;
    std::string font = "serif";  // serif | sans | legible (core/font_family.hpp)
    bool justify = false;
    float line_spacing = 1.5f;
    int measure = 70;
    bool greedy = false;       // --breaking greedy: first fit instead of total fit (for the benchmark)
    bool dump = false;         // the layout as text
    bool line_widths = false;  // each text line's x, width and whether it is justified
};
int layout_report(const std::string& file, const LayoutOptions& options, const std::string& fonts_dir);

// Reads a whole file; false (and `error` set to "PATH: reason") when it cannot.
bool read_file(const std::string& path, std::string& bytes, std::string& error);

}  // namespace av::cli
