import Foundation

/// Starts a server that detaches into the background and waits for the starting process to exit,
/// with posix_spawn and waitpid: corelibs Foundation's Process can miss that exit.
enum Daemon {
    static func start(_ arguments: [String], environment: [String: String]) throws {
        var pid: pid_t = 0
        let spawned = withCArguments(arguments, environment: environment) { posix_spawn(&pid, arguments[0], nil, nil, $0, $1) }
        guard spawned == 0 else { throw ProcessFailure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw ProcessFailure(description: "\(arguments[0]) failed to start (status \(status))") }
    }

    /// The pid a detached server wrote to `path`, waiting for it a few seconds: a server may
    /// accept connections before it writes the file.
    static func pid(in path: String) throws -> pid_t {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            usleep(25_000)
        }
        throw ProcessFailure(description: "no pid in \(path)")
    }
}

/// `arguments` and `environment` as the NULL-terminated C arrays posix_spawn takes, for `body`.
func withCArguments<T>(_ arguments: [String], environment: [String: String],
                       _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>, UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
    let cArguments = arguments.map { strdup($0) } + [nil]
    let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        cArguments.forEach { free($0) }
        cEnvironment.forEach { free($0) }
    }
    return body(cArguments, cEnvironment)
}
