import CertificateDeferral
import CLibgit2

// journal reads /proc, Glibc and Linux's stat layout; it is built and tested on Debian only.
#if !os(Linux)
#error("journal is Linux-only: it reads /proc and Glibc's stat and process interfaces")
#endif

/// libgit2's global state: initialised once per process and never shut down, because
/// objects may outlive any scope we could shut it down in.
enum Libgit2 {
    static let ready: Void = {
        // The certificate bundle is read when an HTTPS transfer first needs it, not here.
        journal_defer_certificates(1)
        git_libgit2_init()
        journal_defer_certificates(0)
        // A crash must not leave a ref naming a half-written object; rather than libgit2's
        // flush of every object file, one flush of all of them before a ref moves
        // (`Repository.flushToDisk`). A push turns libgit2's flushes on for itself (`push`).
        _ = journal_git_enable_fsync(0)
        // A ten-year journal's history is larger than a command-line tool should hold at once.
        _ = journal_git_limit_memory(1 << 20, 1 << 20, 8 << 20)
    }()
}

/// Makes HTTPS trust the certificate authorities in `file` instead of the system's, for the
/// rest of the process, as Git's `http.sslCAInfo` does.
public func trustCertificateAuthorities(inFile file: String) throws {
    _ = Libgit2.ready
    try check(journal_git_set_certificate_locations(file, nil), "cannot read certificate authorities from \(file)")
}

/// Makes HTTPS trust the system's certificate authorities, which libgit2's initialisation left
/// unread (see `CertificateDeferral`). Called before each HTTPS transfer; the bundle is read once.
public func trustSystemCertificateAuthorities() throws {
    _ = Libgit2.ready
    try SystemCertificates.loaded.get()
}

private enum SystemCertificates {
    static let loaded: Result<Void, Error> = Result {
        let file = journal_deferred_certificate_file().map { String(cString: $0) }
        let folder = journal_deferred_certificate_folder().map { String(cString: $0) }
        guard file != nil || folder != nil else { return }
        try check(journal_git_set_certificate_locations(file, folder), "cannot read the system's certificate authorities")
    }
}

/// Reads the global, XDG and system Git configuration from `folder` (where `.gitconfig` and
/// `gitconfig` may be) for the rest of the process, instead of from `$HOME` and `/etc`: a process
/// that runs the store in place of a command, with a home of its own, sees only that home's settings.
public func readConfiguration(onlyFrom folder: String) throws {
    _ = Libgit2.ready
    for level in [GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_SYSTEM] {
        try check(journal_git_set_config_search_path(level, folder), "cannot set where Git configuration is read")
    }
}

/// Initialises libgit2 (once per process). Opening a repository does this by itself; this is for
/// the benchmark's start-up floor, which does nothing else.
public func initialize() {
    _ = Libgit2.ready
}
