// doctest's main for the text engine's tests (native and wasm builds alike).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
