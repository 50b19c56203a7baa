import FoundationEssentials
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

enum Output {
    static func error(_ message: String, prefixed: Bool = true) {
        let line = (prefixed ? "journal: error: " : "") + message + (message.hasSuffix("\n") ? "" : "\n")
        fputs(line, stderr)
    }

    static func warning(_ message: String) {
        fputs("journal: warning: \(message)\n", stderr)
    }

    /// A line on standard error that counts up while a long job runs, on a terminal only.
    static func progress(_ label: String, unit: String) -> ((Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { done, total in
            guard total > 500 else { return }
            fputs(done < total ? "\r\(label): \(done)/\(total) \(unit)" : "\r\u{1B}[K", stderr)
        }
    }

    /// Stable, sorted-key JSON for scripts.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
