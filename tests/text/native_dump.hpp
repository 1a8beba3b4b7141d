// `text_tests --dump analyze|shape ...`: HbTextEngine's results for one input, as JSON on stdout,
// for tests/text/text_module.test.mjs, which compares the web's text module with them.
#pragma once

namespace av::test {

// argv: what follows --dump. Returns the process's exit status (2 on a usage error).
//   analyze LANG DIRECTION CODEPOINTS
//       DIRECTION 0..3 as in text_api.h; CODEPOINTS hexadecimal, comma-separated.
//       Prints [[level, break, flags, script], ...].
//   shape FONT_FILE FACE_INDEX BEGIN END RTL SCRIPT LANG CODEPOINTS
//       SCRIPT a four-letter tag ("Arab"). Prints [[glyph, cluster, x_advance, y_advance, x_offset,
//       y_offset], ...].
int dump(int argc, char** argv);

}  // namespace av::test
