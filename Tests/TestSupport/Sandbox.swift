import Foundation

/// A temporary directory with its own HOME and Git identity, removed when the sandbox goes.
/// Nothing a test runs here reads the user's own configuration or the real date.
public final class Sandbox {
    public let root: URL
    public let home: URL

    public init() throws {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("journal-test-XXXXXX").path
        var buffer = Array(template.utf8CString)
        guard let made = mkdtemp(&buffer) else { throw CocoaError(.fileWriteUnknown) }
        root = URL(fileURLWithPath: String(cString: made))
        home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "[user]\n\tname = Ada Tester\n\temail = ada@example.org\n".write(
            to: home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The environment every child process gets: this sandbox's HOME, no system Git config,
    /// no editor or journal settings inherited from whoever runs the tests.
    public var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("GIT_") && !key.hasPrefix("JOURNAL_") && !key.hasPrefix("SSH_") && key != "EDITOR" && key != "VISUAL"
                && key != "PAGER" && key != "NO_COLOR" && key != "LESS"
        }
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["TZ"] = "UTC"
        return environment
    }

    @discardableResult
    public func git(_ arguments: String..., in directory: String) throws -> String {
        try git(arguments, in: directory)
    }

    @discardableResult
    public func git(_ arguments: [String], in directory: String) throws -> String {
        let result = try ProcessResult.run("/usr/bin/env", ["git"] + arguments, in: directory, environment: environment)
        guard result.status == 0 else {
            throw ProcessFailure(description: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    public func write(_ text: String, to relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}

public struct ProcessFailure: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}

/// What a finished child process printed and returned.
public struct ProcessResult {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public static func run(_ executable: String, _ arguments: [String], in directory: String,
                           environment: [String: String], input: String? = nil) throws -> ProcessResult {
        // Output goes to files, not pipes: corelibs Foundation traps when a pipe read is
        // interrupted by a signal, which happens with many children running at once.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("journal-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let files = ["in", "out", "err"].map { capture.appendingPathComponent($0) }
        try Data((input ?? "").utf8).write(to: files[0])
        _ = FileManager.default.createFile(atPath: files[1].path, contents: nil)
        _ = FileManager.default.createFile(atPath: files[2].path, contents: nil)

        let process = try launch {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.environment = environment
            process.standardInput = try FileHandle(forReadingFrom: files[0])
            process.standardOutput = try FileHandle(forWritingTo: files[1])
            process.standardError = try FileHandle(forWritingTo: files[2])
            return process
        }
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: try Data(contentsOf: files[1]), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: files[2]), as: UTF8.self))
    }

    /// A binary a test has just copied can be briefly "busy": a child forked by another test
    /// while the copy was open for writing holds that descriptor until it runs its own program.
    /// The descriptor goes away on its own, so launching again is the cure, as Go's tests do.
    private static func launch(attempts: Int = 250, _ make: () throws -> Process) throws -> Process {
        var attempt = 1
        while true {
            let process = try make()
            do {
                try process.run()
                return process
            } catch let error as NSError where attempt < attempts && isTextFileBusy(error) {
                attempt += 1
                usleep(20_000)
            }
        }
    }

    private static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY)
    }
}
