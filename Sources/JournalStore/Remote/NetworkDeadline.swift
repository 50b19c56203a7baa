import Glibc

/// A time limit on one network step of a sync. Debian's libgit2 (1.5) has no time-out of its own:
/// a server that accepts the connection and never answers would hold `recv` for ever. A watchdog
/// thread waits out the limit and then shuts down the sockets the step opened (not those the
/// process had before, such as a standard output that is a socket), which makes libgit2's read
/// fail at once; a step that then fails is reported as the limit passing, whatever error libgit2
/// made of it. A step that succeeds anyway is a success.
package enum NetworkDeadline {
    package struct Passed: Error {}

    package static func run<T>(limit seconds: Double, _ body: () throws -> T) throws -> T {
        let watchdog = Watchdog(seconds: seconds, sparing: Watchdog.sockets())
        var thread = pthread_t()
        let context = Unmanaged.passRetained(watchdog).toOpaque()
        guard pthread_create(&thread, nil, { context in
            Unmanaged<Watchdog>.fromOpaque(context!).takeRetainedValue().wait()
            return nil
        }, context) == 0 else {
            Unmanaged<Watchdog>.fromOpaque(context).release()
            return try body()
        }
        let result = Result { try body() }
        watchdog.finish()
        pthread_join(thread, nil)
        if case .failure = result, watchdog.expired { throw Passed() }
        return try result.get()
    }

    private final class Watchdog: @unchecked Sendable {
        private var mutex = pthread_mutex_t()
        private var condition = pthread_cond_t()
        private var finished = false
        private(set) var expired = false
        private let deadline: timespec
        private let spared: Set<Int32>

        init(seconds: Double, sparing spared: Set<Int32>) {
            self.spared = spared
            pthread_mutex_init(&mutex, nil)
            var attributes = pthread_condattr_t()
            pthread_condattr_init(&attributes)
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
            pthread_cond_init(&condition, &attributes)
            pthread_condattr_destroy(&attributes)
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let whole = Int(seconds)
            let nanoseconds = now.tv_nsec + Int((seconds - Double(whole)) * 1_000_000_000)
            deadline = timespec(tv_sec: now.tv_sec + whole + nanoseconds / 1_000_000_000, tv_nsec: nanoseconds % 1_000_000_000)
        }

        deinit {
            pthread_cond_destroy(&condition)
            pthread_mutex_destroy(&mutex)
        }

        /// On the watchdog thread: until finished, or until the deadline, when every socket goes.
        func wait() {
            pthread_mutex_lock(&mutex)
            var limit = deadline
            while !finished {
                if pthread_cond_timedwait(&condition, &mutex, &limit) == ETIMEDOUT {
                    expired = !finished
                    break
                }
            }
            pthread_mutex_unlock(&mutex)
            if expired {
                for descriptor in Watchdog.sockets().subtracting(spared) { shutdown(descriptor, Int32(SHUT_RDWR)) }
            }
        }

        func finish() {
            pthread_mutex_lock(&mutex)
            finished = true
            pthread_cond_signal(&condition)
            pthread_mutex_unlock(&mutex)
        }

        /// The descriptors of the sockets the process holds.
        static func sockets() -> Set<Int32> {
            guard let folder = opendir("/proc/self/fd") else { return [] }
            defer { closedir(folder) }
            var found = Set<Int32>()
            var target = [CChar](repeating: 0, count: 64)
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard let descriptor = Int32(name) else { continue }
                let length = readlink("/proc/self/fd/" + name, &target, target.count - 1)
                if length > 0, String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self).hasPrefix("socket:") {
                    found.insert(descriptor)
                }
            }
            return found
        }
    }
}
