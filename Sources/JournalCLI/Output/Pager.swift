import FoundationEssentials
import JournalCore
import Glibc
import Synchronization
import JournalModel

/// Long output through a pager, as Git does: only when standard output is a terminal, with
/// `LESS=FRX` unless the user set LESS, so that a short page prints and exits at once and colours
/// pass through. The pager reads what journal prints; journal waits for it before exiting.
enum Pager {
    /// The pager holds the process's standard output, so there is at most one per process.
    private static let running = Mutex<pid_t?>(nil)

    static func start(_ command: String) throws {
        guard running.withLock({ $0 }) == nil, isatty(STDOUT_FILENO) == 1 else { return }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }
        let arguments = ["/bin/sh", "-c", command]
        var cArguments = arguments.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArguments, &cEnvironment)
        close(ends[0])
        guard result == 0 else {
            close(ends[1])
            throw JournalError.storage("cannot start the pager '\(command)': \(String(cString: strerror(result)))")
        }
        fflush(nil)
        dup2(ends[1], STDOUT_FILENO)
        close(ends[1])
        // A pager quit early closes the pipe: journal's next write must end quietly, not kill it
        // with a message about a broken pipe.
        signal(SIGPIPE, SIG_IGN)
        // Ctrl-C belongs to the pager now (less stays open on it); journal has only printing left.
        signal(SIGINT, SIG_IGN)
        running.withLock { $0 = pid }
    }

    /// Hands the pager the end of the output and waits until the user leaves it.
    static func finish() {
        guard let pid = running.withLock({ $0 }) else { return }
        fflush(nil)
        close(STDOUT_FILENO)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        running.withLock { $0 = nil }
    }
}
