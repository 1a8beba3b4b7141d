// Command-line modes of the desktop program that need no display: --check (validate article
// files, for publishers) and --layout (a JSON report of how an article lays out).
#pragma once

#include <string>
#include <vector>

namespace av::cli {

// Exit codes: 0 all files valid, 1 some file invalid or unreadable, 2 usage error.
enum Exit { ok = 0, invalid = 1, usage = 2 };

// Prints one line per problem (warnings prefixed "warning: ") to stdout; returns the exit code.
int check(const std::vector<std::string>& files);

// Lays `file` out at `width` CSS pixels with the real fonts from `fonts_dir` (measured on the CPU,
// no window) and prints a JSON report: blocks, lines, height, overflow_lines, missing_glyphs,
// digest (core/layout_digest.hpp), ...; with `dump`, the layout as text too.
int layout_report(const std::string& file, float width, float font_size, const std::string& fonts_dir, bool dump = false);

// Reads a whole file; false (and `error` set to "PATH: reason") when it cannot.
bool read_file(const std::string& path, std::string& bytes, std::string& error);

}  // namespace av::cli
