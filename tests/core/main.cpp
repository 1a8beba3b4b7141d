// doctest's main, shared by every core test file (native and wasm builds alike).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
