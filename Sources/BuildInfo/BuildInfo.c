#include "BuildInfo.h"

/* Defined by the object the Makefile links in; null when none is. */
extern const char journal_commit[] __attribute__((weak));

const char *journal_build_commit(void) {
    return journal_commit ? journal_commit : "unknown";
}
