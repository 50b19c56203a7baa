#ifndef JOURNAL_CLIBGIT2_SHIM_H
#define JOURNAL_CLIBGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/merge.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

/* git_libgit2_opts is variadic, which Swift cannot call: these fixed-arity
   wrappers expose the options journal sets. */

static inline int journal_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

/* Bounds on what libgit2 keeps in memory: its object cache, and how much of the pack files it
   keeps mapped (in windows of window_bytes; the default window maps a whole pack at once).
   Reading a whole history otherwise grows both to the size of the repository. */
static inline int journal_git_limit_memory(size_t cache_bytes, size_t window_bytes, size_t mapped_bytes) {
    int error = git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)cache_bytes);
    if (!error) error = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window_bytes);
    return error ? error : git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, mapped_bytes);
}

/* The certificate authorities HTTPS servers are checked against: a bundle file, a folder of
   certificates, or both. */
static inline int journal_git_set_certificate_locations(const char *file, const char *folder) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, folder);
}

/* Where libgit2 looks for the global, XDG or system configuration file (level). */
static inline int journal_git_set_config_search_path(git_config_level_t level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

/* Flushes the whole file system holding `descriptor`: libgit2 writes without flushing
   (GIT_OPT_ENABLE_FSYNC_GITDIR off), and the Git module flushes everything at once before a
   reference moves. */
/* Declared here: glibc declares it only under _GNU_SOURCE, which would change other
   declarations this module shares with Swift's Glibc module. */
extern int syncfs(int descriptor);

static inline int journal_syncfs(int descriptor) {
    return syncfs(descriptor);
}

/* inflateInit is a macro, which Swift cannot call. */
static inline int journal_inflate_init(z_stream *stream) {
    return inflateInit(stream);
}

/* An object database backend and, after it, what it needs to find the loose objects: Swift
   fills both in, and the callbacks find the folder by casting the backend back. */
typedef struct {
    git_odb_backend parent;
    char *objects_directory;
} journal_guarded_backend;

#endif
