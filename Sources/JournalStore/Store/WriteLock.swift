import Glibc

/// journal's own exclusive lock around every read-modify-write of the repository and working
/// tree. It is an flock(2) on a file in `.git/journal/`: the kernel releases it when the holder
/// exits, however it exits, so a killed process never leaves a lock that blocks the next command.
/// The holder records itself in the file (see `LockHolder`) so that the next one can tell that
/// it was killed and clean up after it.
package struct WriteLock {
    package let path: String
    /// The journal command taking it, recorded for whoever cleans up after it.
    package var command = ""

    /// Runs `body` holding the lock. When the previous holder died holding it, `recover` runs
    /// first; if it throws, the record stays, so the next command tries again.
    package func withLock<T>(timeoutSeconds: Int = 30, recover: (LockHolder) throws -> Void = { _ in },
                     _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw JournalError.storage("cannot open the lock \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // The time limit is for one holder: behind a queue of commands that each finish, a command
        // waits its turn however long the queue, but never 30 s on one that is stuck.
        var waited = 0
        var holder: Int32?
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw JournalError.storage("cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            if waited % 100 == 0, let current = LockHolder.read(from: descriptor)?.pid, current != holder {
                holder = current
                waited = 0
            }
            guard waited < timeoutSeconds * 1000 else { throw JournalError.busy(path) }
            usleep(2_000)
            waited += 2
        }
        defer { flock(descriptor, LOCK_UN) }
        if let previous = LockHolder.read(from: descriptor), !previous.isRunning {
            try recover(previous)
        }
        try LockHolder.current(running: command).write(to: descriptor, at: path)
        defer { LockHolder.clear(descriptor) }
        return try body()
    }
}
