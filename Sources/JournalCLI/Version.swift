import BuildInfo

/// What `journal --version` prints: the release, then the commit the binary was built from
/// (`0.1.0 (commit 2133fc8)`, `-dirty` after it when the checkout had uncommitted changes,
/// `unknown` from a build that did not say: see Package.swift).
enum Version {
    /// The release; `make deb` names the package after the first word of `--version`.
    static let number = "0.1.0"

    static var commit: String { String(cString: journal_build_commit()) }

    static var text: String { "\(number) (commit \(commit))" }
}
