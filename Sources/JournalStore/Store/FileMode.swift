import Glibc

/// The permissions of what journal writes in the working tree: its owner's only by default
/// (`journal.fileMode` 0600). Folders, and executable files, can be entered or run by whoever
/// can read them.
package struct FileMode: Equatable, Sendable {
    package let file: mode_t

    package static let ownerOnly = FileMode(file: 0o600)

    package var folder: mode_t { file | (file & 0o444) >> 2 }

    /// `0640`, `640`: octal, and the owner must be able to read and write.
    package init?(octal text: String) {
        guard (3...4).contains(text.count), let value = mode_t(text, radix: 8), value <= 0o777, value & 0o600 == 0o600,
              value & 0o111 == 0 else { return nil }
        file = value
    }

    private init(file: mode_t) { self.file = file }

    package var octal: String { "0" + String(file, radix: 8) }
}
