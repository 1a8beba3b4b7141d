# Copies the page, the program and the bundled articles into DIST_DIR (cmake -P script, run by the
# `dist` target after every build). Stale files from earlier builds are removed first.
file(REMOVE_RECURSE "${DIST_DIR}")
file(MAKE_DIRECTORY "${DIST_DIR}/articles")
foreach(f index.html viewer.css loader.js)
  file(COPY "${SHELL_DIR}/${f}" DESTINATION "${DIST_DIR}")
endforeach()
foreach(f article-viewer.js article-viewer.wasm article-viewer.data)
  file(COPY "${PROGRAM_DIR}/${f}" DESTINATION "${DIST_DIR}")
endforeach()
file(GLOB articles "${ASSETS_DIR}/articles/*.json")
file(COPY ${articles} DESTINATION "${DIST_DIR}/articles")
