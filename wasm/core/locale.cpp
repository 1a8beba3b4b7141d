#include "locale.hpp"

#include <algorithm>
#include <array>

namespace av::locale {
namespace {

// Primary subtag, lower-cased: "fr-CA" -> "fr".
std::string primary(std::string_view lang) {
    std::string out;
    for (char c : lang) {
        if (c == '-' || c == '_') break;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

// What the byline needs in one language. Patterns: {d} day, {m} month name, {y} year, {n} minutes.
struct Words {
    const char* lang;
    const char* sponsored;
    const char* reading_time;
    const char* date;
    const char* first_day;  // the 1st when it is not written "1" (French "1er"), else nullptr
    std::array<const char*, 12> months;  // in the form the date uses (Czech: the genitive)
};

// English first: the fallback for every language not listed.
const Words words[] = {
    {"en", "Sponsored", "{n} min read", "{m} {d}, {y}", nullptr,
     {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}},
    {"fr", "Sponsorisé", "{n} min de lecture", "{d} {m} {y}", "1er",
     {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}},
    {"de", "Gesponsert", "{n} Min. Lesezeit", "{d}. {m} {y}", nullptr,
     {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}},
    {"es", "Patrocinado", "{n} min de lectura", "{d} de {m} de {y}", nullptr,
     {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}},
    {"pt", "Patrocinado", "{n} min de leitura", "{d} de {m} de {y}", nullptr,
     {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}},
    {"it", "Sponsorizzato", "{n} min di lettura", "{d} {m} {y}", nullptr,
     {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}},
    {"cs", "Sponzorováno", "{n} min čtení", "{d}. {m} {y}", nullptr,
     {"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"}},
};

// The language's words, or nullptr when the viewer does not know it.
const Words* find(std::string_view lang) {
    const std::string l = primary(lang);
    for (const Words& w : words)
        if (l == w.lang) return &w;
    return nullptr;
}

const Words& words_for(std::string_view lang) {
    const Words* w = find(lang);
    return w ? *w : words[0];
}

// `pattern` with each {k} replaced by value(k).
template <typename Lookup>
std::string fill(const char* pattern, Lookup value) {
    std::string out;
    for (const char* p = pattern; *p; ++p) {
        if (p[0] == '{' && p[1] && p[2] == '}') {
            out += value(p[1]);
            p += 2;
        } else {
            out += *p;
        }
    }
    return out;
}

}  // namespace

std::string sponsored_label(std::string_view lang) { return words_for(lang).sponsored; }

std::string related_label(std::string_view lang) {
    const std::string l = primary(lang);
    if (l == "fr") return "À lire aussi";
    if (l == "de") return "Mehr zum Thema";
    if (l == "es") return "Relacionado";
    return "Related";
}

std::string reading_time(std::string_view lang, int minutes) {
    const std::string n = std::to_string(std::max(minutes, 1));
    return fill(words_for(lang).reading_time, [&](char) { return n; });
}

std::string time_left(std::string_view lang, int minutes) {
    const bool fr = primary(lang) == "fr";
    if (minutes <= 0) return fr ? "Terminé" : "Finished";
    return std::to_string(minutes) + (fr ? (minutes > 1 ? " min restantes" : " min restante") : " min left");
}

std::string resumed_at(std::string_view lang, int percent) {
    // French puts a narrow no-break space before %.
    return primary(lang) == "fr" ? "Reprise à " + std::to_string(percent) + "\xE2\x80\xAF%" : "Resumed at " + std::to_string(percent) + "%";
}

std::string start_over(std::string_view lang) { return primary(lang) == "fr" ? "Recommencer" : "Start over"; }

std::string resumed_changed(std::string_view lang) {
    return primary(lang) == "fr" ? "Reprise là où vous en étiez (l’article a changé depuis)"
                                 : "Resumed where you were (the article has changed since)";
}

std::string position_lost(std::string_view lang) {
    return primary(lang) == "fr" ? "L’article a changé depuis votre lecture : reprise au début"
                                 : "The article has changed since you read it: starting at the top";
}

std::string script_name(std::string_view lang, std::string_view key) {
    static const char* const names[][3] = {
        {"han", "Chinese characters", "caractères chinois"}, {"kana", "Japanese kana", "kana japonais"},
        {"hangul", "Korean", "coréen"},        {"arabic", "Arabic", "arabe"},          {"hebrew", "Hebrew", "hébreu"},
        {"devanagari", "Devanagari", "devanagari"}, {"bengali", "Bengali", "bengali"}, {"tamil", "Tamil", "tamoul"},
        {"thai", "Thai", "thaï"},              {"emoji", "emoji", "émojis"},           {"symbols", "symbols", "symboles"},
    };
    const bool fr = primary(lang) == "fr";
    for (const auto& n : names)
        if (key == n[0]) return fr ? n[2] : n[1];
    return std::string(key);
}

std::string cannot_show(std::string_view lang, const std::vector<const char*>& scripts, std::string_view reason) {
    const bool fr = primary(lang) == "fr";
    std::string list;
    for (std::size_t i = 0; i < scripts.size(); ++i) {
        if (i > 0) list += i + 1 == scripts.size() ? (fr ? " et " : " and ") : ", ";
        list += script_name(lang, scripts[i]);
    }
    if (list.empty()) list = fr ? "certains caractères" : "some characters";
    return (fr ? "Cette copie du lecteur ne peut pas afficher : " : "This copy of the viewer cannot show: ") + list +
           " (" + std::string(reason) + ")";
}

std::string format_date(std::string_view lang, std::string_view iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
    auto number = [&](std::size_t at, std::size_t len) {
        int v = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return -1;
            v = v * 10 + (iso[i] - '0');
        }
        return v;
    };
    const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return {};
    const Words* w = find(lang);
    if (!w) return std::string(iso.substr(0, 10));  // ISO order is readable in every language
    return fill(w->date, [&](char key) -> std::string {
        if (key == 'd') return day == 1 && w->first_day ? w->first_day : std::to_string(day);
        if (key == 'm') return w->months[static_cast<std::size_t>(month - 1)];
        return std::to_string(year);
    });
}

int words_per_minute(std::string_view lang) {
    const std::string l = primary(lang);
    if (l == "fr") return 195;
    if (l == "de") return 179;
    if (l == "es") return 218;
    // Read by the character (reading_words counts characters there): silent reading of the
    // International Reading Speed Texts (Trauzettel-Klosinski and Dietz, 2012), Chinese 255 and
    // Japanese 357 characters a minute; Thai, which the study does not have, estimated from
    // about 200 words a minute of 4 to 5 letters.
    if (l == "zh") return 255;
    if (l == "ja") return 357;
    if (l == "th" || l == "lo" || l == "km" || l == "my") return 900;
    return 228;  // English silent-reading average (Brysbaert 2019)
}

bool right_to_left(std::string_view lang) {
    std::string tag;
    for (char c : lang) tag += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c == '_' ? '-' : c);
    // A script subtag (four letters, right after the language) decides.
    for (std::size_t at = tag.find('-'); at != std::string::npos; at = tag.find('-', at + 1)) {
        const std::string sub = tag.substr(at + 1, tag.find('-', at + 1) - at - 1);
        if (sub.size() != 4) continue;
        static const char* const rtl_scripts[] = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr"};
        return std::find(std::begin(rtl_scripts), std::end(rtl_scripts), sub) != std::end(rtl_scripts);
    }
    static const char* const rtl_languages[] = {"ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "arc", "ks", "prs", "pnb"};
    const std::string p = primary(tag);
    return std::find(std::begin(rtl_languages), std::end(rtl_languages), p) != std::end(rtl_languages);
}

}  // namespace av::locale
