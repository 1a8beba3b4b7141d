#include "hyphen_trie_loader.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace av {
namespace {

// hyphen.c's hnj_strchomp.
void chomp(char* s) {
    const std::size_t k = std::strlen(s);
    if (k > 0 && (s[k - 1] == '\r' || s[k - 1] == '\n')) s[k - 1] = '\0';
    if (k > 1 && s[k - 2] == '\r') s[k - 2] = '\0';
}

// fgets over the text: up to size - 1 bytes, through the first newline.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}
    bool gets(char* buf, std::size_t size) {
        if (pos_ >= text_.size()) return false;
        std::size_t n = 0;
        while (n + 1 < size && pos_ < text_.size()) {
            const char c = text_[pos_++];
            buf[n++] = c;
            if (c == '\n') break;
        }
        buf[n] = '\0';
        return true;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

constexpr int none = -1;

}  // namespace

// One level while it is read: the trie as child and sibling lists, the strings in one pool.
class HyphenTrieBuilder {
public:
    // About one state for every four bytes of text (the German file: 292 000 for 1.1 MB): reserved
    // up front, the arrays are not copied as they grow.
    HyphenTrieBuilder(HyphenTrie::Level& level, std::size_t text_size) : level_(level) {
        const std::size_t states = text_size / 3 + 16;
        for (auto* v : {&first_child_, &next_sibling_, &match_, &repl_}) v->reserve(states);
        ch_.reserve(states);
        replindex_.reserve(states);
        replcut_.reserve(states);
        pool_.reserve(text_size / 2);
        add_state(0);
    }

    HyphenDict& dict() { return level_.dict; }

    // The state of `word` (every prefix gets one, as libhyphen's prefix transitions do).
    int state_of(const char* word) {
        int state = 0;
        for (const char* p = word; *p; ++p) {
            int c = first_child_[static_cast<std::size_t>(state)];
            while (c != none && ch_[static_cast<std::size_t>(c)] != *p) c = next_sibling_[static_cast<std::size_t>(c)];
            if (c == none) {
                c = add_state(*p);
                next_sibling_[static_cast<std::size_t>(c)] = first_child_[static_cast<std::size_t>(state)];
                first_child_[static_cast<std::size_t>(state)] = c;
            }
            state = c;
        }
        return state;
    }

    int keep(const char* s) {
        const int at = static_cast<int>(pool_.size());
        pool_.append(s, std::strlen(s) + 1);
        return at;
    }

    // hyphen.c's hnj_hyphen_load_line, line for line but for where states and strings live.
    void load_line(char* buf) {
        HyphenDict& d = level_.dict;
        if (std::strncmp(buf, "LEFTHYPHENMIN", 13) == 0) {
            d.lhmin = static_cast<char>(std::atoi(buf + 13));
            return;
        }
        if (std::strncmp(buf, "RIGHTHYPHENMIN", 14) == 0) {
            d.rhmin = static_cast<char>(std::atoi(buf + 14));
            return;
        }
        if (std::strncmp(buf, "COMPOUNDLEFTHYPHENMIN", 21) == 0) {
            d.clhmin = static_cast<char>(std::atoi(buf + 21));
            return;
        }
        if (std::strncmp(buf, "COMPOUNDRIGHTHYPHENMIN", 22) == 0) {
            d.crhmin = static_cast<char>(std::atoi(buf + 22));
            return;
        }
        if (std::strncmp(buf, "NOHYPHEN", 8) == 0) {
            char* space = buf + 8;
            while (*space == ' ' || *space == '\t') ++space;
            const std::size_t n = std::strlen(space);
            nohyphen_ = static_cast<int>(pool_.size());
            pool_.append(space, n + 1);
            if (n == 0) return;  // refused by the check (libhyphen would write before the list)
            char* list = &pool_[static_cast<std::size_t>(nohyphen_)];
            char* nhe = list + n - 1;
            *nhe = '\0';
            for (--nhe; nhe > list; --nhe) {
                if (*nhe == ',') {
                    d.nohyphenl++;
                    *nhe = '\0';
                }
            }
            return;
        }
        char word[MAX_CHARS];
        char pattern[MAX_CHARS];
        int j = 0;
        pattern[j] = '0';
        char* repl = std::strchr(buf, '/');
        signed char replindex = 0;
        signed char replcut = 0;
        int repl_at = none;
        if (repl) {
            char* index = std::strchr(repl + 1, ',');
            *repl = '\0';
            if (index) {
                char* index2 = std::strchr(index + 1, ',');
                *index = '\0';
                if (index2) {
                    *index2 = '\0';
                    replindex = static_cast<signed char>(static_cast<signed char>(std::atoi(index + 1)) - 1);
                    replcut = static_cast<signed char>(std::atoi(index2 + 1));
                }
            } else {
                chomp(repl + 1);
                replindex = 0;
                replcut = static_cast<signed char>(std::strlen(buf));
            }
            repl_at = keep(repl + 1);
        }
        for (int i = 0; buf[i] > ' ' || buf[i] < 0; ++i) {
            if (buf[i] >= '0' && buf[i] <= '9') {
                pattern[j] = buf[i];
            } else {
                word[j] = buf[i];
                pattern[++j] = '0';
            }
        }
        word[j] = '\0';
        pattern[j + 1] = '\0';

        int i = 0;
        if (repl_at == none) {
            while (pattern[i] == '0') ++i;  // leading zeroes optimised away
        } else {
            if (*word == '.') ++i;
            // UTF-8 character positions of the replacement to byte positions.
            if (d.utf8) {
                int pu = -1;
                int ps = -1;
                const int length = static_cast<int>(std::strlen(word));
                for (int pc = *word == '.' ? 1 : 0; pc < length + 1; ++pc) {
                    if ((static_cast<unsigned char>(word[pc]) >> 6) != 2) ++pu;
                    if (ps < 0 && replindex == pu) {
                        ps = replindex;
                        replindex = static_cast<signed char>(pc);
                    }
                    if (ps >= 0 && pu - ps == replcut) {
                        replcut = static_cast<signed char>(pc - replindex);
                        break;
                    }
                }
                if (*word == '.') --replindex;
            }
        }
        const auto s = static_cast<std::size_t>(state_of(word));
        // A pattern written twice: its last line wins, as in libhyphen.
        match_[s] = keep(pattern + i);
        repl_[s] = repl_at;
        replindex_[s] = replindex;
        replcut_[s] = replcut ? replcut : static_cast<signed char>(std::strlen(word));
    }

    // The states renumbered breadth first, so that a state's transitions lead to consecutive states
    // and each state but the first has one transition into it: the transitions are one array,
    // ordered by the state they lead to. Then the fallbacks, Aho-Corasick's failure links, parents
    // before children, on compact arrays: the walks along fallbacks mostly end near the start
    // state, whose numbers are all small now (the German file's 292 000 states of 40 bytes each do
    // not fit a cache; walking them in their reading order took four times as long).
    void finish() {
        const std::size_t n = ch_.size();
        std::vector<int> order;  // new number -> reading order
        order.reserve(n);
        std::vector<int> first(n, 0), count(n, 0), parent(n, none);
        std::vector<char> ch(n, 0);
        order.push_back(0);
        for (std::size_t q = 0; q < order.size(); ++q) {
            const auto old = static_cast<std::size_t>(order[q]);
            first[q] = static_cast<int>(order.size());
            for (int c = first_child_[old]; c != none; c = next_sibling_[static_cast<std::size_t>(c)]) {
                parent[order.size()] = static_cast<int>(q);
                ch[order.size()] = ch_[static_cast<std::size_t>(c)];
                order.push_back(c);
            }
            count[q] = static_cast<int>(order.size()) - first[q];
        }
        std::vector<int> fallback(n, none);
        for (std::size_t t = 1; t < n; ++t) {
            int found = 0;
            for (int f = fallback[static_cast<std::size_t>(parent[t])]; f != none; f = fallback[static_cast<std::size_t>(f)]) {
                const auto fs = static_cast<std::size_t>(f);
                int next = none;
                for (int k = first[fs], end = first[fs] + count[fs]; k < end; ++k)
                    if (ch[static_cast<std::size_t>(k)] == ch[t]) {
                        next = k;
                        break;
                    }
                if (next != none) {
                    found = next;
                    break;
                }
            }
            fallback[t] = found;
        }
        level_.trans.resize(n > 0 ? n - 1 : 0);
        for (std::size_t t = 1; t < n; ++t) level_.trans[t - 1] = HyphenTrans{ch[t], static_cast<int>(t)};
        level_.strings.reset(new char[pool_.size() + 1]);
        std::memcpy(level_.strings.get(), pool_.data(), pool_.size());
        char* strings = level_.strings.get();
        std::vector<HyphenState> states(n);
        for (std::size_t s = 0; s < n; ++s) {
            const auto old = static_cast<std::size_t>(order[s]);
            HyphenState& st = states[s];
            st.replindex = replindex_[old];
            st.replcut = replcut_[old];
            st.num_trans = count[s];
            st.trans = count[s] ? &level_.trans[static_cast<std::size_t>(first[s]) - 1] : nullptr;
            st.match = match_[old] == none ? nullptr : strings + match_[old];
            st.repl = repl_[old] == none ? nullptr : strings + repl_[old];
            st.fallback_state = fallback[s];
        }
        level_.states = std::move(states);
        HyphenDict& d = level_.dict;
        d.num_states = static_cast<int>(n);
        d.states = level_.states.data();
        d.nohyphen = nohyphen_ == none ? nullptr : strings + nohyphen_;
    }

private:
    HyphenTrie::Level& level_;
    std::vector<int> first_child_, next_sibling_, match_, repl_;
    std::vector<char> ch_;
    std::vector<signed char> replindex_, replcut_;
    std::string pool_;
    int nohyphen_ = none;

    int add_state(char c) {
        first_child_.push_back(none);
        next_sibling_.push_back(none);
        match_.push_back(none);
        repl_.push_back(none);
        ch_.push_back(c);
        replindex_.push_back(0);
        replcut_.push_back(0);
        return static_cast<int>(ch_.size() - 1);
    }
};

HyphenTrie::HyphenTrie(std::string_view text) {
    Lines lines(text);
    bool nextlevel = false;
    char buf[MAX_CHARS];
    for (int k = 0; k < 2; ++k) {
        HyphenTrieBuilder level(levels_[k], k == 0 || nextlevel ? text.size() : 0);
        HyphenDict& d = level.dict();
        if (k == 0) {
            // fgets(cset, sizeof cset): the first line, its line end dropped.
            if (lines.gets(d.cset, sizeof(d.cset))) {
                for (char& c : d.cset)
                    if (c == '\r' || c == '\n') c = '\0';
            }
            d.utf8 = std::strcmp(d.cset, "UTF-8") == 0;
        } else {
            std::memcpy(d.cset, levels_[0].dict.cset, sizeof(d.cset));
            d.cset[sizeof(d.cset) - 1] = '\0';
            d.utf8 = levels_[0].dict.utf8;
        }
        if (k == 0 || nextlevel) {
            while (lines.gets(buf, sizeof(buf))) {
                if (std::strncmp(buf, "NEXTLEVEL", 9) == 0) {
                    nextlevel = true;
                    break;
                }
                if (buf[0] != '%') level.load_line(buf);
            }
        } else {
            // libhyphen's default first level: no cut at a hyphen or an apostrophe.
            auto line = [&](const char* s) {
                std::strncpy(buf, s, sizeof(buf) - 1);
                buf[sizeof(buf) - 1] = '\0';
                level.load_line(buf);
            };
            line(d.utf8 ? "NOHYPHEN ',\xe2\x80\x93,\xe2\x80\x99,-\n" : "NOHYPHEN ',-\n");
            line("1-1\n");
            line("1'1\n");
            if (d.utf8) {
                line("1\xe2\x80\x93" "1\n");
                line("1\xe2\x80\x99" "1\n");
            }
        }
        level.finish();
    }
    HyphenDict* first = &levels_[0].dict;
    HyphenDict* second = &levels_[1].dict;
    if (nextlevel) {
        first->nextlevel = second;
        first_ = first;
        return;
    }
    second->nextlevel = first;
    second->lhmin = first->lhmin;
    second->rhmin = first->rhmin;
    second->clhmin = static_cast<char>(first->clhmin ? first->clhmin : (first->lhmin ? first->lhmin : 3));
    second->crhmin = static_cast<char>(first->crhmin ? first->crhmin : (first->rhmin ? first->rhmin : 3));
    first_ = second;
}

int HyphenTrie::states() const {
    return levels_[0].dict.num_states + levels_[1].dict.num_states;
}

}  // namespace av
