import Glibc

/// Reads and writes files in the journal's working directory without ever following a
/// symbolic link: a day path that is a link or not a regular file is refused.
package struct WorkingTree {
    package let root: String
    /// The permissions of the files and folders it creates.
    package var mode = FileMode.ownerOnly

    package init(root: String) {
        self.root = root
    }

    package func absolute(_ path: String) -> String { root + path }

    /// The file's bytes, or nil when there is no file at `path`. Links are followed only when
    /// asked, for files outside the journal (those `journal import` reads).
    package func read(_ path: String, followingLinks: Bool = false) throws -> [UInt8]? {
        let descriptor = open(absolute(path), O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw JournalError.unsafePath(path, "is a symbolic link; journal does not follow links in the journal") }
            throw JournalError.storage("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw JournalError.unsafePath(path, "is not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled == bytes.count ? bytes : Array(bytes[..<filled])
    }

    /// Replaces the file at `path` atomically (a temporary file renamed over it), creating its
    /// folders; a reader sees the old content or the new, never half of it.
    /// An executable file can be run by whoever can read it. `durable: false` skips waiting for
    /// the disk, for a record whose loss in a crash costs nothing.
    package func write(_ bytes: [UInt8], to path: String, scratch: String, executable: Bool = false, durable: Bool = true) throws {
        try makeFolders(for: path)
        let temporary = scratch + WorkingTree.scratchName(for: getpid())
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, executable ? mode.folder : mode.file)
        guard descriptor >= 0 else { throw JournalError.storage("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        // Exactly the mode asked for: the umask must not take the group's access `journal.fileMode` gives.
        fchmod(descriptor, executable ? mode.folder : mode.file)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let error = storageError("cannot write", path)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        guard !durable || fsync(descriptor) == 0, close(descriptor) == 0 else {
            unlink(temporary)
            throw storageError("cannot write", path)
        }
        guard rename(temporary, absolute(path)) == 0 else {
            unlink(temporary)
            throw storageError("cannot replace", path)
        }
    }

    /// The temporary file a process writes through before renaming it into place.
    package static func scratchName(for pid: pid_t) -> String { "write-\(pid)" }

    /// Appends to a file journal alone writes (its own state), creating it when missing. It is
    /// not flushed: the commit's closing flush takes it to disk (see `Repository.flushToDisk`).
    package func append(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(absolute(path), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw storageError("cannot write", path) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw storageError("cannot write", path) }
    }

    /// Removes a file, and the folders above it that it leaves empty, as Git does.
    package func remove(_ path: String) throws {
        guard unlink(absolute(path)) == 0 || errno == ENOENT else { throw storageError("cannot remove", path) }
        var folders = path.split(separator: "/").dropLast()
        while !folders.isEmpty, rmdir(absolute(folders.joined(separator: "/"))) == 0 { folders = folders.dropLast() }
    }

    /// Creates the folders above `path`, refusing any that is a link.
    private func makeFolders(for path: String) throws {
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += component + "/"
            var info = stat()
            if lstat(absolute(folder), &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw JournalError.unsafePath(String(folder.dropLast()), "is not a folder (a link or a file stands where a day folder belongs)")
                }
                continue
            }
            guard mkdir(absolute(folder), mode.folder) == 0 || errno == EEXIST else { throw storageError("cannot create folder", folder) }
            chmod(absolute(folder), mode.folder)
        }
    }

    private func storageError(_ action: String, _ path: String) -> JournalError {
        .storage("\(action) \(absolute(path)): \(String(cString: strerror(errno)))")
    }
}
