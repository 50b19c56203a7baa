#ifndef JOURNAL_BUILD_INFO_H
#define JOURNAL_BUILD_INFO_H

/* The commit the binary was built from, for `journal --version`: `git rev-parse --short HEAD`,
   "-dirty" after it when the checkout had uncommitted changes, or "unknown".

   The Makefile compiles `const char journal_commit[] = "...";` into an object file of its own
   and links it in (`-Xlinker`), so a new commit relinks the binary and recompiles nothing. A
   build that links no such object (a plain `swift build`, `swift test`, or a source tree that
   is not a Git checkout) leaves the weak reference below null: "unknown". */
const char *journal_build_commit(void);

#endif
