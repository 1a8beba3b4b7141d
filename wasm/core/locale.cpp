#include "locale.hpp"

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

}  // namespace

std::string sponsored_label(std::string_view lang) {
    const std::string l = primary(lang);
    if (l == "fr") return "Sponsorisé";
    if (l == "de") return "Gesponsert";
    if (l == "es") return "Patrocinado";
    if (l == "pt") return "Patrocinado";
    if (l == "it") return "Sponsorizzato";
    if (l == "cs") return "Sponzorováno";
    return "Sponsored";
}

std::string related_label(std::string_view lang) {
    const std::string l = primary(lang);
    if (l == "fr") return "À lire aussi";
    if (l == "de") return "Mehr zum Thema";
    if (l == "es") return "Relacionado";
    return "Related";
}

std::string reading_time(std::string_view lang, int minutes) {
    if (minutes < 1) minutes = 1;
    const std::string n = std::to_string(minutes);
    const std::string l = primary(lang);
    if (l == "fr") return n + " min de lecture";
    if (l == "de") return n + " Min. Lesezeit";
    if (l == "es") return n + " min de lectura";
    return n + " min read";
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
    static const std::array<const char*, 12> en = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
    static const std::array<const char*, 12> fr = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                   "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    const std::string l = primary(lang);
    if (l == "fr") return std::string(day == 1 ? "1er" : std::to_string(day)) + " " + fr[month - 1] + " " + std::to_string(year);
    if (l == "en") return std::string(en[month - 1]) + " " + std::to_string(day) + ", " + std::to_string(year);
    return std::string(iso.substr(0, 10));  // ISO order is readable in every language
}

int words_per_minute(std::string_view lang) {
    const std::string l = primary(lang);
    if (l == "fr") return 195;
    if (l == "de") return 179;
    if (l == "es") return 218;
    return 228;  // English silent-reading average (Brysbaert 2019)
}

}  // namespace av::locale
