//# allFunctionsCalledOnLoad
// (Prepended to article-viewer.js by --extern-pre-js, so that the line above is the file's first.)
// V8's explicit compile hint: the viewer's start calls a large part of this file's functions, so
// V8 compiles them all up front, on its background thread while the script streams in, instead of
// one at a time on the main thread as each is first called (about 45 ms of the first paint here;
// BENCHMARKS.md, "First paint"). Browsers without the hint read a comment.
