/**
 * @fileoverview Closure externs: the globals our EM_JS code reads that neither the browser nor the
 * program defines (page_externs.py declares the properties).
 * @externs
 */

/**
 * The text module's factory: dist/text/article-viewer-text.js, a script the program adds to the
 * page (platform/web_text.cpp).
 * @param {Object=} options
 * @return {!Promise<?>}
 */
var createTextModule = function(options) {};
