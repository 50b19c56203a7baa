import Glibc

/// The journal command holding the write lock, as it writes itself into the lock file when it
/// takes the lock; it empties the file when it lets go. A record found by the next command means
/// its holder stopped mid-command (killed, a power cut): the kernel released the flock, but what
/// libgit2 had under way (a `.lock` file, an object) may be left half-done.
package struct LockHolder {
    package let pid: Int32
    /// `ProcessTree.startTime`: a pid reused by another program is not taken for the holder.
    package let started: String
    /// The journal command it ran (`add`, `sync`…), as hooks see it in JOURNAL_COMMAND.
    package var command = ""
    /// When it took the lock: the lock file's modification time once the record was written, on
    /// the clock the kernel stamps files with, so files it created afterwards are not older.
    package var since = timespec()

    package static func current(running command: String) -> LockHolder {
        LockHolder(pid: getpid(), started: ProcessTree.startTime(of: getpid()) ?? "", command: command)
    }

    private static let tag = "journal-lock"

    /// The record in the lock file, or nil when the file is empty (released normally).
    package static func read(from descriptor: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let words = String(decoding: buffer[..<count], as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, words[0] == tag, let pid = Int32(words[1]), pid > 0 else { return nil }
        var holder = LockHolder(pid: pid, started: words.count > 2 ? String(words[2]) : "", command: words.count > 3 ? String(words[3]) : "")
        var info = stat()
        if fstat(descriptor, &info) == 0 { holder.since = info.st_mtim }
        return holder
    }

    package func write(to descriptor: Int32, at path: String) throws {
        let record = Array("\(LockHolder.tag) \(pid) \(started) \(command)\n".utf8)
        let written = record.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard ftruncate(descriptor, off_t(record.count)) == 0, written == record.count else {
            throw JournalError.storage("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    package static func clear(_ descriptor: Int32) { ftruncate(descriptor, 0) }

    /// The same process is still there.
    package var isRunning: Bool {
        if let now = ProcessTree.startTime(of: pid) { return now == started }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
