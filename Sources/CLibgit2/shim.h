#ifndef JOURNAL_CLIBGIT2_SHIM_H
#define JOURNAL_CLIBGIT2_SHIM_H

#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: these fixed-arity
   wrappers expose the options journal sets. */

static inline int journal_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

#endif
