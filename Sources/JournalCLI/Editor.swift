import JournalStore

/// Runs the user's editor the way Git does: through the shell, so that `EDITOR="code -w"` works.
enum Editor {
    static func run(_ editor: String, on path: String) throws -> Int32 {
        let shell = Subprocess(["/bin/sh", "-c", editor + " \"$@\"", editor, path], name: "the editor '\(editor)'")
        return try shell.runAttached()
    }
}
