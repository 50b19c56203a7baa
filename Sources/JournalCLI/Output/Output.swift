import FoundationEssentials
import Glibc
import JournalModel
import JournalStore

enum Output {
    /// One line, whatever the message quotes: a line break or other control character in an
    /// argument or a path is written escaped, so scripts can rely on one line per failure.
    static func error(_ message: String) {
        standardError("journal: error: " + escapingControlCharacters(message) + "\n")
    }

    /// The argument parser's own complaints (a missing argument, an unknown option), which come
    /// with the usage that explains them.
    static func usage(_ text: String) {
        standardError(text + (text.hasSuffix("\n") ? "" : "\n"))
    }

    static func escapingControlCharacters(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += scalar.escaped(asASCII: false)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Words that matched several tasks: the error line, then one candidate a line, numbered, and
    /// how to pick one. False for any other error.
    static func candidates(of failure: Error) -> Bool {
        guard case .ambiguousTask(let words, let candidates, let total)? = failure as? JournalError else { return false }
        error("'\(words)' matches \(total) tasks:")
        for (number, task) in candidates.enumerated() {
            let box = TaskState(rawValue: task.state).map { "[\(TaskLineFormat.box($0))]" } ?? task.state
            standardError("  \(number + 1). ^\(task.id)  \(box) \(escapingControlCharacters(task.text))  (\(task.day))\n")
        }
        if total > candidates.count { standardError("  … and \(total - candidates.count) more\n") }
        let example = candidates.first.map { " (journal log ^\($0.id))" } ?? ""
        standardError("give one's id\(example), or more words of its text\n")
        return true
    }

    static func warning(_ message: String) {
        standardError("journal: warning: \(message)\n")
    }

    /// A line on standard error that counts up while a long job runs, on a terminal only, for
    /// jobs of at least `minimum` steps.
    static func progress(_ label: String, unit: String, from minimum: Int = 501) -> ((Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { done, total in
            guard total >= minimum else { return }
            standardError(done < total ? "\r\(label): \(done)/\(total) \(unit)" : "\r\u{1B}[K")
        }
    }

    /// On a terminal, a line on standard error that follows a fetch or push, as Git's does:
    /// objects and bytes, at most ten updates a second, cleared when the transfer ends.
    static func transferProgress() -> ((RemoteProgress) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let clock = ContinuousClock()
        var lastShown: ContinuousClock.Instant?
        return { progress in
            let now = clock.now
            if progress.isComplete {
                if lastShown != nil { standardError("\r\u{1B}[K") }
                lastShown = nil
                return
            }
            if let lastShown, now - lastShown < .milliseconds(100) { return }
            lastShown = now
            let verb = progress.sending ? "sending" : "receiving"
            standardError("\r\(verb) objects: \(progress.objects)/\(progress.totalObjects), \(byteCount(progress.bytes))\u{1B}[K")
        }
    }

    static func byteCount(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\(bytes >> 10) KiB" }
        let tenths = bytes * 10 >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    /// Bytes to standard output as they are (a day file need not be valid UTF-8), after what
    /// `print` holds in its buffer.
    static func write(_ bytes: [UInt8]) {
        fflush(nil)
        writeAll(bytes, to: STDOUT_FILENO)
    }

    /// Text to standard error, unbuffered as C's stream is. Swift 6 refuses C's mutable `stderr`
    /// global, so the bytes go to the descriptor itself.
    static func standardError(_ text: String) {
        writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }

    /// A yes/no question on the terminal, no unless answered y or yes; nil when standard input is
    /// not a terminal, where nobody can answer.
    static func confirm(_ question: String) -> Bool? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        standardError("\(question) [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.lowercased())
    }

    /// Prints `text`, or writes it to the file `path` (replaced whole).
    static func emit(_ text: String, to path: String?) throws {
        guard let path else { return print(text, terminator: "") }
        guard let file = fopen(path, "w") else {
            throw JournalError.storage("cannot write \(path) (--out): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        guard fputs(text, file) >= 0, fflush(file) == 0 else {
            throw JournalError.storage("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Stable, sorted-key JSON for scripts.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

extension String {
    /// Left-aligned in a column `width` characters wide.
    func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
