import JournalCore
import Glibc
import JournalModel

/// Runs the user's editor the way Git does: through the shell, so that `EDITOR="code -w"` works.
enum Editor {
    static func run(_ editor: String, on path: String) throws -> Int32 {
        let arguments = ["/bin/sh", "-c", editor + " \"$@\"", editor, path]
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, environ)
        guard result == 0 else {
            throw JournalError.storage("cannot start the editor '\(editor)': \(String(cString: strerror(result)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
