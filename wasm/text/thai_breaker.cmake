# Thai word boundaries (text/thai_breaker.*) and the dictionary file they read, compiled at build
# time from ICU's word list (tests/bootstrap.sh puts it in build/deps/icu-thai). Included from
# wasm/CMakeLists.txt; the text engine links av_thai_breaker. docs/text-pipeline.md.

set(AV_ICU_THAI_DIR "${CMAKE_SOURCE_DIR}/build/deps/icu-thai" CACHE PATH "ICU's thaidict.dict and LICENSE (tests/bootstrap.sh)")
if(NOT EXISTS "${AV_ICU_THAI_DIR}/thaidict.dict" OR NOT EXISTS "${AV_ICU_THAI_DIR}/LICENSE")
  message(FATAL_ERROR "ICU's Thai dictionary not found in ${AV_ICU_THAI_DIR}: run ./tests/bootstrap.sh")
endif()
# Debian's Python (the first python3 on PATH may not be Debian's); standard library only here.
find_program(AV_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT AV_PYTHON)
  find_program(AV_PYTHON python3 REQUIRED)
endif()

# The dictionary file, for both builds: build/<preset>/text/thai-words.dict (the word list as text
# beside it feeds the tests' generated corpus). Cache variables: tests/ and shell/ read them too.
set(AV_THAI_DICT "${CMAKE_BINARY_DIR}/text/thai-words.dict" CACHE INTERNAL "The Thai dictionary file")
set(AV_THAI_WORDS "${CMAKE_BINARY_DIR}/text/thai-words.txt" CACHE INTERNAL "Its word list as text")
add_custom_command(
  OUTPUT "${AV_THAI_DICT}" "${AV_THAI_WORDS}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/text"
  COMMAND "${AV_PYTHON}" "${CMAKE_CURRENT_SOURCE_DIR}/text/build_thai_dictionary.py"
          --icu-dict "${AV_ICU_THAI_DIR}/thaidict.dict" --license "${AV_ICU_THAI_DIR}/LICENSE"
          --source "ICU 72.1 brkitr/thaidict.dict, from Debian's icu_72.1.orig.tar.gz"
          --out "${AV_THAI_DICT}" --words "${AV_THAI_WORDS}"
  DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/text/build_thai_dictionary.py"
          "${AV_ICU_THAI_DIR}/thaidict.dict" "${AV_ICU_THAI_DIR}/LICENSE"
  COMMENT "Thai dictionary: ${AV_THAI_DICT}"
  VERBATIM)
add_custom_target(av_thai_dictionary ALL DEPENDS "${AV_THAI_DICT}")

add_library(av_thai_breaker STATIC text/thai_breaker.cpp)
target_include_directories(av_thai_breaker PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
target_compile_options(av_thai_breaker PRIVATE ${AV_WARNINGS})
if(EMSCRIPTEN)
  # It goes into the text module, which is built without exceptions (wasm/text/CMakeLists.txt):
  # none of its code may need them linked in.
  target_compile_options(av_thai_breaker PRIVATE -Oz -fno-exceptions)
endif()
