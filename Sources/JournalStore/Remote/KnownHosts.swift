import FoundationEssentials

/// `~/.ssh/known_hosts` read the way OpenSSH reads it: plain and hashed (`|1|salt|hash`) host
/// names, `[host]:port` for ports other than 22, several names per line.
package struct KnownHosts {
    package enum Verdict: Equatable {
        case known
        /// The host is listed, with another key: possibly an attack.
        case changed(line: Int)
        case unknown
    }

    private struct Entry {
        let line: Int
        let patterns: [String]
        let type: String
        let key: [UInt8]
    }

    private let entries: [Entry]

    package init(text: String) {
        entries = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            var fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { return nil }
            if first.hasPrefix("@") { return nil } // @cert-authority and @revoked: not for journal to interpret
            guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { return nil }
            fields = Array(fields.prefix(3))
            return Entry(line: index + 1, patterns: fields[0].split(separator: ",").map(String.init), type: fields[1], key: Array(key))
        }
    }

    /// What the file says of `key` (of `type`) for `host` reached on `port`.
    package func check(host: String, port: Int, type: String, key: [UInt8]) -> Verdict {
        let name = port == 22 ? host : "[\(host)]:\(port)"
        var changed: Int?
        for entry in entries where entry.patterns.contains(where: { KnownHosts.matches($0, name) }) {
            if entry.type == type && entry.key == key { return .known }
            if entry.type == type { changed = changed ?? entry.line }
        }
        return changed.map { .changed(line: $0) } ?? .unknown
    }

    private static func matches(_ pattern: String, _ name: String) -> Bool {
        guard pattern.hasPrefix("|1|") else { return pattern == name }
        let parts = pattern.dropFirst(3).split(separator: "|")
        guard parts.count == 2, let salt = Data(base64Encoded: String(parts[0])), let hash = Data(base64Encoded: String(parts[1])) else {
            return false
        }
        return SHA1.hmac(key: Array(salt), message: Array(name.utf8)) == Array(hash)
    }
}
