import Glibc

/// Another program journal starts: one of Git's credential helpers, one of the journal's hooks,
/// the user's editor or pager. journal does its Git work through libgit2, never through a `git`
/// process. Every program journal starts goes through here, and so does reading how it ended.
package struct Subprocess {
    package struct Result {
        package let status: Int32
        package let output: String
    }

    /// The program (looked up on PATH) and its arguments.
    package var arguments: [String]
    /// nil: journal's own environment.
    package var environment: [String: String]?
    package var input: [UInt8]
    /// What the program is, for an error that it could not start ("the editor 'vim'").
    package var name: String

    package init(_ arguments: [String], environment: [String: String]? = nil, input: [UInt8] = [], name: String? = nil) {
        self.arguments = arguments
        self.environment = environment
        self.input = input
        self.name = name ?? arguments[0]
    }

    /// Runs on journal's own terminal (standard input, output and error), as an editor must, and
    /// returns its exit code.
    package func runAttached() throws -> Int32 {
        Subprocess.waitForExit(try start(standardInput: STDIN_FILENO, standardOutput: STDOUT_FILENO, closing: []))
    }

    /// Starts the program reading its standard input from `descriptor` (a pager reading what
    /// journal prints) and leaves it running; `waitForExit` ends it.
    package func startReading(from descriptor: Int32, closing: [Int32]) throws -> pid_t {
        try start(standardInput: descriptor, standardOutput: STDOUT_FILENO, closing: closing)
    }

    /// Runs to its end and returns what it printed on standard output; its standard error
    /// passes through.
    package func runCapturingOutput() throws -> Result {
        var fromChild: [Int32] = [0, 0]
        guard pipe(&fromChild) == 0 else { throw startError(errno) }
        let pid: pid_t
        do {
            pid = try start(standardInput: nil, standardOutput: fromChild[1], closing: fromChild)
        } catch {
            close(fromChild[0])
            close(fromChild[1])
            throw error
        }
        close(fromChild[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fromChild[0], $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            output += buffer[..<count]
        }
        close(fromChild[0])
        return Result(status: Subprocess.waitForExit(pid), output: String(decoding: output, as: UTF8.self))
    }

    /// Runs with its standard output sent to journal's standard error, as Git runs hooks, so
    /// that what journal itself prints stays readable by scripts. It stays in journal's process
    /// group, so that it can use the terminal and Ctrl-C reaches it too. After `timeLimit`
    /// seconds it is stopped, with the processes it started; then the result is nil.
    package func runPassingOutput(timeLimit: Double) throws -> Int32? {
        let pid = try start(standardInput: nil, standardOutput: STDERR_FILENO, closing: [])
        let deadline = Subprocess.monotonicSeconds() + timeLimit
        var pause: useconds_t = 1_000
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { return Subprocess.exitCode(status) }
            if waited < 0 && errno != EINTR { return nil }
            if Subprocess.monotonicSeconds() >= deadline { break }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        // Found before the first signal: once the program dies, its children are someone else's.
        let family = ProcessTree.current().descendants(of: pid)
        for member in [pid] + family { kill(member, SIGTERM) }
        let grace = Subprocess.monotonicSeconds() + 2
        while waitpid(pid, &status, WNOHANG) == 0 && Subprocess.monotonicSeconds() < grace { usleep(20_000) }
        for member in [pid] + family { kill(member, SIGKILL) }
        _ = Subprocess.waitForExit(pid)
        return nil
    }

    /// Starts the program with `standardInput` as its standard input (nil: `input`, through a
    /// pipe) and `standardOutput` as its standard output.
    private func start(standardInput: Int32?, standardOutput: Int32, closing: [Int32]) throws -> pid_t {
        var toChild: [Int32] = [-1, -1]
        if standardInput == nil {
            guard pipe(&toChild) == 0 else { throw startError(errno) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput ?? toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        let opened = standardInput == nil ? toChild : []
        for descriptor in opened + closing { posix_spawn_file_actions_addclose(&actions, descriptor) }
        // journal ignores SIGPIPE (below); the program gets the default back.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let cEnvironment = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { cEnvironment?.forEach { free($0) } }
        // Whatever the program prints before this process writes its own output comes after it.
        fflush(nil)
        var pid: pid_t = 0
        var spawned: Int32 = 0
        // A program written a moment ago (a hook just installed) is "busy" while a process forked
        // meanwhile still holds it open for writing; that ends within moments.
        for attempt in 0..<50 {
            if attempt > 0 { usleep(10_000) }
            spawned = cEnvironment.map { posix_spawnp(&pid, arguments[0], &actions, &attributes, &cArguments, $0) }
                ?? posix_spawnp(&pid, arguments[0], &actions, &attributes, &cArguments, environ)
            if spawned != ETXTBSY { break }
        }
        if standardInput == nil { close(toChild[0]) }
        guard spawned == 0 else {
            if standardInput == nil { close(toChild[1]) }
            throw startError(spawned)
        }
        guard standardInput == nil else { return pid }
        // A program that exits without reading its input must not kill journal with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var written = 0
        while written < input.count {
            let count = input.withUnsafeBytes { write(toChild[1], $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        close(toChild[1])
        return pid
    }

    private func startError(_ code: Int32) -> JournalError {
        .storage("cannot start \(name): \(String(cString: strerror(code)))")
    }

    /// Waits for the program to end and returns its exit code.
    package static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return exitCode(status)
    }

    /// The exit code, or 128 + the signal that ended the program, as a shell reports it.
    private static func exitCode(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
