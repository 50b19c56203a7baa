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
            !key.hasPrefix("GIT_") && !key.hasPrefix("JOURNAL_") && key != "EDITOR" && key != "VISUAL"
        }
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["TZ"] = "UTC"
        return environment
    }

    @discardableResult
    public func git(_ arguments: String..., in directory: String) throws -> String {
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
}

/// What a finished child process printed and returned.
public struct ProcessResult {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public static func run(_ executable: String, _ arguments: [String], in directory: String,
                           environment: [String: String], input: String? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty child never blocks on a full pipe.
        let errorText = ErrorCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                             stderr: errorText.wait())
    }
}

/// Drains a pipe on a thread of its own.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
