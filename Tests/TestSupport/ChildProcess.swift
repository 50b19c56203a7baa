import Foundation

/// A child process started without waiting for it, so that tests can run many at once or kill
/// one mid-command. Output goes to files, read once it has ended. It runs in the tests' own
/// directory: what it works on is given by arguments and environment.
public final class ChildProcess {
    public enum Ending: Equatable {
        case exited(Int32)
        case killed(by: Int32)
    }

    public let pid: pid_t
    private let output: URL
    private var ending: Ending?

    public init(_ arguments: [String], environment: [String: String]) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("journal-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.appendingPathComponent("out").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, output.appendingPathComponent("err").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var pid: pid_t = 0
        let spawned = withCArguments(arguments, environment: environment) { posix_spawn(&pid, arguments[0], &actions, nil, $0, $1) }
        guard spawned == 0 else { throw ProcessFailure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        self.pid = pid
    }

    deinit {
        if ending == nil {
            kill()
            wait()
        }
        try? FileManager.default.removeItem(at: output)
    }

    public func kill(_ signal: Int32 = SIGKILL) { Foundation.kill(pid, signal) }

    /// Waits for the end, however long it takes.
    @discardableResult
    public func wait() -> Ending {
        if let ending { return ending }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let result = ChildProcess.ending(status)
        ending = result
        return result
    }

    /// Whether it has not ended yet (without waiting).
    public var isRunning: Bool {
        guard ending == nil else { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        ending = ChildProcess.ending(status)
        return false
    }

    /// Waits at most `seconds`; a process still running then is killed and nil returned.
    public func wait(atMost seconds: Double) -> Ending? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid {
                ending = ChildProcess.ending(status)
                return ending
            }
            usleep(10_000)
        }
        kill()
        wait()
        return nil
    }

    private static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .killed(by: signal)
    }

    public var stdout: String { (try? String(contentsOf: output.appendingPathComponent("out"), encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: output.appendingPathComponent("err"), encoding: .utf8)) ?? "" }
}
