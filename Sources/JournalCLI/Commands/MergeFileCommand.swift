import ArgumentParser
import Glibc
import JournalUseCases

struct MergeFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract: "Merge three versions of a day file task by task, writing the result over OURS (a Git merge driver).",
        discussion: """
            Git runs it for a 'git pull' done by hand, so that day files merge the way 'journal \
            sync' merges them: 'journal init' and 'journal clone' write the 'merge=journal' \
            attribute and set the driver in the journal's .git/config with this binary's path. \
            'journal doctor' says when that path no longer exists. To set it by hand:

                git config merge.journal.driver "/path/to/journal merge-file %O %A %B %P"

            It never leaves conflict markers and never drops a line: two rewordings of one task keep \
            one and record the other beneath it.

            Example: journal merge-file base.md mine.md theirs.md 2025/01/2025-01-15.md
            """)

    @Argument(help: "The common ancestor (Git's %O).") var base: String
    @Argument(help: "Our version, overwritten with the result (Git's %A).") var ours: String
    @Argument(help: "Their version (Git's %B).") var theirs: String
    @Argument(help: "The day file's path in the repository, for messages (Git's %P).") var path: String?

    /// The driver Git runs: this binary by its absolute path, so that a `git pull` finds it
    /// whatever PATH the process running Git has. The path it was run by, links not followed
    /// (a `bin/journal` linked to a versioned install still works after an upgrade); the
    /// executable itself when that cannot be told.
    static func driverCommand() -> String {
        "\(Shell.quoted(invokedPath() ?? executablePath())) merge-file %O %A %B %P"
    }

    private static func invokedPath() -> String? {
        let invoked = CommandLine.arguments[0]
        if invoked.hasPrefix("/") { return invoked }
        if invoked.contains("/") {
            guard let folder = getcwd(nil, 0) else { return nil }
            defer { free(folder) }
            return String(cString: folder) + "/" + invoked
        }
        let folders = (getenv("PATH").map { String(cString: $0) } ?? "").split(separator: ":")
        return folders.map { $0 + "/" + invoked }.first { access($0, X_OK) == 0 && $0.hasPrefix("/") }
    }

    private static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    func run() throws {
        let result = try MergeFiles.run(base: base, ours: ours, theirs: theirs)
        if !result.resolved.isEmpty {
            Output.warning("\(path ?? ours): \(result.resolved.count) task(s) changed on both sides, merged: \(result.resolved.map { "^\($0.value)" }.joined(separator: " "))")
        }
    }
}
