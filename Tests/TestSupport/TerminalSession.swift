import Foundation

/// A program run on a pseudo-terminal of its own, as from a user's shell: it has a controlling
/// terminal (`/dev/tty`), and the test reads what it shows and types into it.
public final class TerminalSession {
    private let master: Int32
    private let pid: pid_t
    /// Everything the program has shown so far.
    public private(set) var screen = ""
    /// The wait status, once the program has ended.
    private var ended: Int32?

    /// glibc's POSIX_SPAWN_SETSID, which Swift's Glibc module does not export: the child leads a
    /// new session, so the terminal it opens first becomes its controlling terminal.
    private static let newSession: Int16 = 0x80

    /// posix_openpt and its companions, which Swift's Glibc module does not export (they need
    /// _XOPEN_SOURCE), looked up in the C library.
    private static func libc<Function>(_ name: String, _ type: Function.Type) -> Function {
        unsafeBitCast(dlsym(nil, name), to: type)
    }
    private static let openMaster = libc("posix_openpt", (@convention(c) (Int32) -> Int32).self)
    private static let grant = libc("grantpt", (@convention(c) (Int32) -> Int32).self)
    private static let unlock = libc("unlockpt", (@convention(c) (Int32) -> Int32).self)
    private static let terminalName = libc("ptsname", (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)

    public init(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String]) throws {
        master = TerminalSession.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, TerminalSession.grant(master) == 0, TerminalSession.unlock(master) == 0, let name = TerminalSession.terminalName(master) else {
            throw ProcessFailure(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let terminal = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, TerminalSession.newSession)
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments
        var pid: pid_t = 0
        let spawned = withCArguments(command, environment: environment) { posix_spawn(&pid, "/bin/sh", &actions, &attributes, $0, $1) }
        guard spawned == 0 else {
            close(master)
            throw ProcessFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
    }

    deinit {
        if ended == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Reads what the program shows until the screen holds `text`. A program that ends without
    /// showing it fails the wait at once, with what it showed.
    public func waitFor(_ text: String, seconds: Double = 60) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !screen.contains(text) {
            if hasEnded() {
                while readSome(timeoutMilliseconds: 50) {}
                guard screen.contains(text) else {
                    throw ProcessFailure(description: "the program ended (status \(exitStatus)) without showing \(text.debugDescription); it shows: \(screen.debugDescription)")
                }
                return
            }
            guard Date() < deadline else {
                throw ProcessFailure(description: "the terminal never showed \(text.debugDescription); it shows: \(screen.debugDescription)")
            }
            _ = readSome(timeoutMilliseconds: 100)
        }
    }

    /// Types on the terminal's keyboard.
    public func type(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads the rest of what the program shows and returns its exit status.
    public func finish(seconds: Double = 60) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while !hasEnded() {
            _ = readSome(timeoutMilliseconds: 50)
            guard Date() < deadline else { throw ProcessFailure(description: "the program did not finish; it shows: \(screen.debugDescription)") }
        }
        while readSome(timeoutMilliseconds: 50) {}
        return exitStatus
    }

    private func hasEnded() -> Bool {
        var status: Int32 = 0
        if ended == nil, waitpid(pid, &status, WNOHANG) == pid { ended = status }
        return ended != nil
    }

    /// The exit status as a shell reports it (128 + N for signal N).
    private var exitStatus: Int32 {
        let status = ended ?? 0
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Appends what is ready to `screen`; false when nothing came.
    private func readSome(timeoutMilliseconds: Int32) -> Bool {
        var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, timeoutMilliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        // EIO: the program closed the terminal's last descriptor.
        guard count > 0 else { return false }
        screen += String(decoding: buffer[..<count], as: UTF8.self)
        return true
    }
}
