#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Which process started which, read from Linux's /proc: what a hook that must be stopped has
/// started, so that it is stopped too.
struct ProcessTree {
    private var children: [pid_t: [pid_t]] = [:]

    static func current() -> ProcessTree {
        var tree = ProcessTree()
        for name in FileSystem.names(in: "/proc") ?? [] {
            guard let pid = pid_t(name), let parent = parentOf(pid) else { continue }
            tree.children[parent, default: []].append(pid)
        }
        return tree
    }

    func descendants(of pid: pid_t) -> [pid_t] {
        (children[pid] ?? []).flatMap { [$0] + descendants(of: $0) }
    }

    /// The fourth field of /proc/PID/stat, after the name in parentheses (which may hold spaces).
    private static func parentOf(_ pid: pid_t) -> pid_t? {
        // /proc files report no size: read to the end.
        let descriptor = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }
}
