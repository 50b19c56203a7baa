import Glibc

/// Which process started which, read from Linux's /proc: what a hook that must be stopped has
/// started, so that it is stopped too.
package struct ProcessTree {
    private var children: [pid_t: [pid_t]] = [:]

    package static func current() -> ProcessTree {
        var tree = ProcessTree()
        for name in FileSystem.names(in: "/proc") ?? [] {
            guard let pid = pid_t(name), let parent = parentOf(pid) else { continue }
            tree.children[parent, default: []].append(pid)
        }
        return tree
    }

    package func descendants(of pid: pid_t) -> [pid_t] {
        (children[pid] ?? []).flatMap { [$0] + descendants(of: $0) }
    }

    /// The processes `pid` descends from: its parent, that one's parent, and so on.
    package static func ancestors(of pid: pid_t) -> Set<pid_t> {
        var found: Set<pid_t> = []
        var current = pid
        while let parent = parentOf(current), parent > 1, found.insert(parent).inserted { current = parent }
        return found
    }

    private static func parentOf(_ pid: pid_t) -> pid_t? {
        status(of: pid).flatMap { $0.fields.count > 1 ? pid_t($0.fields[1]) : nil }
    }

    /// The process's start time since boot (field 22 of /proc/PID/stat): with the pid it names
    /// one process, so that a pid reused by another program is not taken for it.
    package static func startTime(of pid: pid_t) -> String? {
        status(of: pid).flatMap { $0.fields.count > 19 ? String($0.fields[19]) : nil }
    }

    /// The `git` processes working inside `directory` (their current directory is in it, as
    /// with `git -C`).
    package static func gitProcesses(inside directory: String) -> [pid_t] {
        (FileSystem.names(in: "/proc") ?? []).compactMap(pid_t.init).filter { pid in
            guard status(of: pid)?.name == "git", let cwd = FileSystem.linkTarget("/proc/\(pid)/cwd") else { return false }
            return (cwd + "/").hasPrefix(directory)
        }
    }

    /// Every file some process has open, as /proc/PID/fd shows them (those of other users' processes
    /// only to root).
    package static func openFiles() -> Set<String> {
        var files: Set<String> = []
        for pid in (FileSystem.names(in: "/proc") ?? []).filter({ pid_t($0) != nil }) {
            let folder = "/proc/\(pid)/fd/"
            for descriptor in FileSystem.names(in: folder) ?? [] {
                if let target = FileSystem.linkTarget(folder + descriptor), target.hasPrefix("/") { files.insert(target) }
            }
        }
        return files
    }

    /// /proc/PID/stat: the command name, in parentheses (it may hold spaces), and the fields after
    /// it, from the third (the state) on.
    private static func status(of pid: pid_t) -> (name: Substring, fields: [Substring])? {
        // /proc files report no size: read to the end.
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        return (text[text.index(after: open)..<close], text[text.index(after: close)...].split(separator: " "))
    }
}
