// Which hyphenation dictionary serves a language (README "Hyphenation"). Debian's dictionaries are
// named hyph_<name>.dic with <name> a language and often a region ("fr", "en_US", "de_DE"); an
// article names its language in BCP 47 ("fr-CA", "en", "de-AT"). Core only names the candidates;
// the platforms look them up among the dictionaries they have (dist/hyphen/ on the web, the
// program's hyphen folder or /usr/share/hyphen on the desktop).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace av {

// The dictionary names to try for `lang`, best first, each once: the language with its region,
// the language alone, then the language with the region its dictionary is made for ("fr-CA" ->
// fr_CA, fr, fr_FR; "en" -> en, en_US; "de-AT" -> de_AT, de, de_DE). Script subtags and
// extensions are skipped ("sr-Latn-RS" -> sr_RS, sr). Nothing for an empty or malformed tag.
std::vector<std::string> hyphen_dictionary_names(std::string_view lang);

}  // namespace av
