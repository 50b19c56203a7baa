#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// journal's own exclusive lock around every read-modify-write of the repository and working
/// tree. It is an flock(2) on a file in `.git/journal/`: the kernel releases it when the holder
/// exits, however it exits, so a killed process never leaves a lock that blocks the next command.
struct WriteLock {
    let path: String

    func withLock<T>(timeoutSeconds: Int = 30, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw JournalError.storage("cannot open the lock \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var waited = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw JournalError.storage("cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            guard waited < timeoutSeconds * 1000 else { throw JournalError.busy(path) }
            usleep(2_000)
            waited += 2
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
