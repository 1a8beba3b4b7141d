#include "text/thai_breaker.hpp"

#include <algorithm>
#include <cstring>

namespace av {

namespace {

constexpr std::size_t header_size = 28;
constexpr std::uint16_t format_version = 1;
constexpr std::size_t max_word_letters = 127;

// ICU's constants for Thai (dictbe.cpp), named for what they do here.
constexpr std::size_t min_run_with_breaks = 5;  // longer than two words of the minimum two letters
constexpr std::size_t short_word = 3;           // a word shorter than this may take the unknown stretch after it
constexpr int weak_prefix = 3;                  // ...when fewer characters than this start a dictionary word there
constexpr char32_t paiyannoi = 0x0E2F;          // ฯ, abbreviation
constexpr char32_t maiyamok = 0x0E46;           // ๆ, repetition

// Combining marks among the characters handled (Thai, SA, general category M): a word never ends
// before one.
bool is_mark(char32_t c) {
    return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}
// Where a word may plausibly end and the next begin, when skipping a stretch no word starts:
// after anything but MAI HAN-AKAT or a leading vowel, before a consonant or a leading vowel.
bool may_end_word(char32_t c) {
    return c != 0x0E31 && !(c >= 0x0E40 && c <= 0x0E44);
}
bool may_begin_word(char32_t c) {
    return (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E40 && c <= 0x0E44);
}

std::uint16_t read_u16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}
std::uint32_t read_u32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

// CRC-32 as zlib computes it (IEEE polynomial, reflected), which the compiler uses.
struct CrcTable {
    std::array<std::uint32_t, 256> entries{};
    constexpr CrcTable() {
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            entries[i] = c;
        }
    }
};
constexpr CrcTable crc_table;

std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) c = crc_table.entries[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string at_byte(std::size_t offset, const std::string& what) {
    return "byte " + std::to_string(offset) + ": " + what;
}

}  // namespace

std::optional<ThaiBreaker> ThaiBreaker::load(const std::uint8_t* bytes, std::size_t size, std::string& error) {
    if (bytes == nullptr) size = 0;
    if (size < header_size) {
        error = "the file has " + std::to_string(size) + " bytes, fewer than its " + std::to_string(header_size) +
                "-byte header (truncated?)";
        return std::nullopt;
    }
    if (std::memcmp(bytes, "AVTHDICT", 8) != 0) {
        error = at_byte(0, "not a Thai dictionary (no AVTHDICT signature)");
        return std::nullopt;
    }
    const std::uint16_t version = read_u16(bytes + 8);
    if (version != format_version) {
        error = at_byte(8, "format version " + std::to_string(version) + ", this program reads version " +
                               std::to_string(format_version));
        return std::nullopt;
    }
    if (read_u16(bytes + 10) != 0) {
        error = at_byte(10, "reserved field is not 0");
        return std::nullopt;
    }
    const std::uint32_t words = read_u32(bytes + 12);
    const std::uint32_t text_size = read_u32(bytes + 16);
    const std::uint32_t block_size = read_u32(bytes + 20);
    const std::uint64_t expected = header_size + static_cast<std::uint64_t>(text_size) + block_size;
    if (expected > size) {
        error = "truncated: the header announces " + std::to_string(expected) + " bytes, the file has " +
                std::to_string(size);
        return std::nullopt;
    }
    if (expected < size) {
        const std::uint64_t extra = size - expected;
        error = at_byte(static_cast<std::size_t>(expected), std::to_string(extra) + (extra == 1 ? " byte" : " bytes") +
                                                                " after the end the header announces");
        return std::nullopt;
    }
    if (crc32(bytes + header_size, text_size + static_cast<std::size_t>(block_size)) != read_u32(bytes + 24)) {
        error = at_byte(24, "checksum mismatch: the file is corrupt");
        return std::nullopt;
    }
    if (words == 0 || block_size == 0) {
        error = at_byte(12, "no words");
        return std::nullopt;
    }

    ThaiBreaker dict;
    dict.notice_.assign(reinterpret_cast<const char*>(bytes + header_size), text_size);
    // One node per letter byte of the block; node 0 stands for "none".
    const std::size_t block_start = header_size + text_size;
    const std::uint8_t* block = bytes + block_start;
    const std::size_t nodes = block_size - std::min<std::size_t>(words, block_size) + 1;
    dict.letter_.reserve(nodes);
    dict.flags_.reserve(nodes);
    dict.next_sibling_.reserve(nodes);
    dict.letter_.push_back(0);
    dict.flags_.push_back(0);
    dict.next_sibling_.push_back(0);

    // path[d]: the current word's node at depth d (its letter d); kept from the word before for the
    // letters it shares.
    std::array<std::uint32_t, max_word_letters> path{};
    std::size_t previous_length = 0;  // letters of the word before
    std::size_t length = 0;           // letters of the current word so far
    std::size_t shared = 0;           // letters the current word shares with the one before
    std::size_t count = 0;
    auto end_word = [&](std::size_t offset) -> bool {
        if (count == 0) return true;
        if (length == shared) {
            error = at_byte(offset, "word " + std::to_string(count) + " has no letters of its own");
            return false;
        }
        dict.flags_[path[length - 1]] |= is_word;
        previous_length = length;
        return true;
    };
    for (std::size_t i = 0; i < block_size; ++i) {
        const std::uint8_t b = block[i];
        const std::size_t offset = block_start + i;
        if (b & 0x80) {
            if (!end_word(offset)) return std::nullopt;
            shared = b & 0x7F;
            if (shared > previous_length) {
                error = at_byte(offset, "word " + std::to_string(count + 1) + " shares " + std::to_string(shared) +
                                            " letters with a word of " + std::to_string(previous_length));
                return std::nullopt;
            }
            length = shared;
            ++count;
            continue;
        }
        if (count == 0) {
            error = at_byte(offset, "the word list does not start with a word's first byte (0x80 | n)");
            return std::nullopt;
        }
        if (b == 0) {
            error = at_byte(offset, "letter 0 (a letter is a code point - U+0E00, 1 to 127)");
            return std::nullopt;
        }
        if (length == max_word_letters) {
            error = at_byte(offset, "word " + std::to_string(count) + " is longer than " +
                                        std::to_string(max_word_letters) + " letters");
            return std::nullopt;
        }
        const auto node = static_cast<std::uint32_t>(dict.letter_.size());
        if (length == shared && shared < previous_length) {
            // The first letter of its own: after the previous word's letter at this depth, which
            // becomes its sibling. Strictly after, or the list is not sorted (or not deduplicated).
            const std::uint32_t before = path[length];
            if (b <= dict.letter_[before]) {
                error = at_byte(offset, "word " + std::to_string(count) + " does not sort after the word before it");
                return std::nullopt;
            }
            dict.next_sibling_[before] = node;
        } else if (length > 0) {
            // A first child: the parent is the node just made (the list is in preorder).
            dict.flags_[path[length - 1]] |= has_child;
        }
        if (length == 0) dict.first_level_[b] = node;
        dict.letter_.push_back(b);
        dict.flags_.push_back(0);
        dict.next_sibling_.push_back(0);
        path[length++] = node;
    }
    if (!end_word(block_start + block_size)) return std::nullopt;
    if (count != words) {
        error = at_byte(
            12, "the header announces " + std::to_string(words) + " words, the list holds " + std::to_string(count));
        return std::nullopt;
    }
    dict.word_count_ = count;
    return dict;
}

void ThaiBreaker::match(const char32_t* run, std::size_t length, Candidates& out) const {
    out.count = 0;
    out.examined = 0;
    std::uint32_t node = 0;
    for (std::size_t k = 0; k < length; ++k) {
        const auto letter = static_cast<std::uint8_t>(run[k] - 0x0E00);  // run[k] is handled(): 0x01..0x4E
        out.examined = static_cast<int>(k + 1);
        if (k == 0) {
            node = first_level_[letter];
        } else if (flags_[node] & has_child) {
            std::uint32_t child = node + 1;
            while (child != 0 && letter_[child] < letter) child = next_sibling_[child];
            node = (child != 0 && letter_[child] == letter) ? child : 0;
        } else {
            node = 0;
        }
        if (node == 0) break;
        if (flags_[node] & is_word) {
            if (out.count < Candidates::max_words) out.lengths[out.count++] = static_cast<std::uint8_t>(k + 1);
            if (!(flags_[node] & has_child)) break;  // no longer word starts with this one
        }
    }
}

// One run of handled characters being divided into words. Positions are relative to the run.
class ThaiBreaker::Run {
public:
    Run(const ThaiBreaker& dict, const char32_t* chars, std::size_t size) : dict_(dict), chars_(chars), size_(size) {
        cached_at_.fill(no_position);
    }

    // Appends the boundaries inside the run, as indexes from `base`. The run has at least
    // min_run_with_breaks characters.
    void divide(std::size_t base, std::vector<std::size_t>& out) {
        const std::size_t first_break = out.size();
        std::size_t pos = 0;
        while (pos < size_) {
            const Candidates here = candidates(pos);
            std::size_t length = 0;
            if (here.count == 1) length = here.lengths[0];
            if (here.count > 1) length = here.lengths[static_cast<std::size_t>(best_of(pos, here))];
            const std::size_t word_letters = length;

            // What follows a short word (or nothing found) and starts no dictionary word joins it,
            // up to a place where a word plausibly starts; unless it begins like a dictionary
            // word for a few letters, then it is a word of its own (found on the next round).
            if (pos + length < size_ && word_letters < short_word) {
                const Candidates next = candidates(pos + length);
                if (next.count == 0 && (length == 0 || next.examined < weak_prefix))
                    length += skip_unknown(pos + length);
            }
            while (pos + length < size_ && is_mark(chars_[pos + length])) ++length;

            // ฯ and then ๆ after a word join it, unless a dictionary word starts there.
            if (pos + length < size_ && length > 0 && candidates(pos + length).count == 0) {
                std::size_t next = pos + length;
                char32_t c = chars_[next];
                if (c == paiyannoi && chars_[next - 1] != paiyannoi && chars_[next - 1] != maiyamok) {
                    ++length;
                    ++next;
                    c = next < size_ ? chars_[next] : 0;
                }
                if (c == maiyamok && chars_[next - 1] != maiyamok) ++length;
            }
            out.push_back(base + pos + length);
            pos += length;
        }
        // The run's end is not a boundary inside it.
        if (out.size() > first_break && out.back() >= base + size_) out.pop_back();
    }

private:
    static constexpr std::size_t no_position = static_cast<std::size_t>(-1);

    // Among several words starting at `pos`, the one to take: the longest that is followed by a
    // word that is followed by a word, else the shortest followed by a word, else the longest.
    // Reaching the run's end counts as well as finding the next word.
    int best_of(std::size_t pos, const Candidates& words) {
        int chosen = words.count - 1;
        if (pos + static_cast<std::size_t>(words.longest()) >= size_) return chosen;
        for (int i = words.count - 1; i >= 0; --i) {
            const std::size_t second_at = pos + words.lengths[static_cast<std::size_t>(i)];
            const Candidates second = candidates(second_at);
            if (second.count == 0) continue;
            chosen = i;
            if (second_at + static_cast<std::size_t>(second.longest()) >= size_) return chosen;
            for (int j = second.count - 1; j >= 0; --j) {
                if (candidates(second_at + second.lengths[static_cast<std::size_t>(j)]).count > 0) return chosen;
            }
        }
        return chosen;
    }

    // How many characters from `pos` (which starts no word) to the next place where one letter may
    // end a word, the next may begin one and a dictionary word does start; or to the run's end.
    std::size_t skip_unknown(std::size_t pos) {
        std::size_t skipped = 0;
        for (;;) {
            const char32_t before = chars_[pos++];
            ++skipped;
            if (pos >= size_) break;
            if (may_end_word(before) && may_begin_word(chars_[pos]) && candidates(pos).count > 0) break;
        }
        return skipped;
    }

    // The dictionary's words at `pos`, remembered for a while: the look-ahead asks again for the
    // positions it has just seen.
    Candidates candidates(std::size_t pos) {
        const std::size_t slot = pos % cache_.size();
        if (cached_at_[slot] != pos) {
            dict_.match(chars_ + pos, size_ - pos, cache_[slot]);
            cached_at_[slot] = pos;
        }
        return cache_[slot];
    }

    const ThaiBreaker& dict_;
    const char32_t* chars_;
    std::size_t size_;
    std::array<Candidates, 32> cache_;
    std::array<std::size_t, 32> cached_at_;
};

void ThaiBreaker::find_breaks(std::u32string_view text, std::size_t begin, std::size_t end,
                              std::vector<std::size_t>& out) const {
    end = std::min(end, text.size());
    std::size_t i = begin;
    while (i < end) {
        if (!handles(text[i])) {
            ++i;
            continue;
        }
        const std::size_t run_start = i;
        while (i < end && handles(text[i])) ++i;
        if (i - run_start >= min_run_with_breaks)
            Run(*this, text.data() + run_start, i - run_start).divide(run_start, out);
    }
}

}  // namespace av
