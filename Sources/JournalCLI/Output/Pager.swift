import FoundationEssentials
import Glibc
import JournalStore
import Synchronization

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
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }
        let pager = Subprocess(["/bin/sh", "-c", command], environment: environment, name: "the pager '\(command)'")
        let pid: pid_t
        do {
            pid = try pager.startReading(from: ends[0], closing: ends)
        } catch {
            close(ends[0])
            close(ends[1])
            throw error
        }
        close(ends[0])
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
        _ = Subprocess.waitForExit(pid)
        running.withLock { $0 = nil }
    }
}
