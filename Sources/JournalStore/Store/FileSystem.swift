import Glibc

/// The few directory operations the store needs.
package enum FileSystem {
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    package static func isEmptyOrMissing(_ path: String) -> Bool {
        guard let names = names(in: path) else { return errno == ENOENT }
        return names.isEmpty
    }

    /// A folder itself, not a link to one, unless `followingLinks`.
    package static func isDirectory(_ path: String, followingLinks: Bool = false) -> Bool {
        var info = stat()
        return (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// What the folder holds, sorted, without `.` and `..`; nil when it cannot be read.
    package static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates `path` and its parents, owner-only, as a journal is private.
    package static func makeDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw JournalError.storage("cannot create \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Removes what is below `path` (and `path` itself unless `keepingTop`), links not followed.
    package static func removeTree(_ path: String, keepingTop: Bool = false) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR, let names = names(in: path) {
            for name in names { removeTree(path + "/" + name) }
            if !keepingTop { rmdir(path) }
        } else if !keepingTop {
            unlink(path)
        }
    }

    /// Where a symbolic link points, or nil when `path` is not one.
    package static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// When the file was last modified, in seconds since the epoch; nil when it does not exist.
    package static func modificationTime(_ path: String) -> Int64? {
        var info = stat()
        return lstat(path, &info) == 0 ? Int64(info.st_mtim.tv_sec) : nil
    }

    /// The file exists and was modified at `time` or later.
    package static func isModified(_ path: String, since time: timespec) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) >= (time.tv_sec, time.tv_nsec)
    }

    /// The paths of what is not a folder below `root` (a folder with a trailing slash), relative
    /// to it, links not followed; a folder is entered when `enters` says so of its path.
    package static func files(below root: String, entering enters: (String) -> Bool) -> [String] {
        func below(_ folder: String) -> [String] {
            (names(in: root + folder) ?? []).flatMap { name -> [String] in
                let path = folder.isEmpty ? name : folder + "/" + name
                guard isDirectory(root + path) else { return [path] }
                return enters(path) ? below(path) : []
            }
        }
        return below("")
    }

    /// The nearest folder from `path` up (`path` itself first unless `above`) that holds every
    /// one of `names`, as Git looks for `.git`.
    package static func nearestFolder(from path: String, holding names: [String], above: Bool = false) -> String? {
        var folder = resolved(path)
        var checks = !above
        while true {
            let prefix = folder == "/" ? "/" : folder + "/"
            if checks && names.allSatisfy({ exists(prefix + $0) }) { return folder }
            checks = true
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// The absolute path with links, `.` and `..` resolved (as far as the path exists: a part
    /// that does not is kept as written), as Git resolves a folder before looking for `.git`.
    package static func resolved(_ path: String) -> String {
        let full = absolute(path)
        if let real = realpath(full, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        guard let slash = full.lastIndex(of: "/"), slash != full.startIndex else { return full }
        let parent = resolved(String(full[..<slash]))
        return (parent == "/" ? "" : parent) + full[slash...]
    }

    package static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }
}
