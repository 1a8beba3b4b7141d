#include "memory_budget.hpp"

#include <algorithm>

namespace av {

std::size_t memory_to_open(std::size_t bytes, std::size_t max_values) {
    const std::size_t values = std::min(bytes / 2 + 1, max_values);
    return 6 * bytes + 150 * values;
}

}  // namespace av
