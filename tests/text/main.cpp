// doctest's main for the text engine's tests (native and wasm builds alike), and the native
// results the web's text module is compared with (`text_tests --dump ...`, native_dump.cpp).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstring>

#include "native_dump.hpp"

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "--dump") == 0) return av::test::dump(argc - 2, argv + 2);
    return doctest::Context(argc, argv).run();
}
