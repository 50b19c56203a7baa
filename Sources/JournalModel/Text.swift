/// String helpers the standard library lacks (Foundation has them; the model does without it).
extension String {
    /// Without spaces and tabs at either end; the string itself when it has none there.
    var trimmingBlanks: String {
        let isBlank = { (byte: UInt8) in byte == 32 || byte == 9 }
        guard utf8.first.map(isBlank) == true || utf8.last.map(isBlank) == true else { return self }
        let scalars = unicodeScalars.drop { $0 == " " || $0 == "\t" }
        return String(String.UnicodeScalarView(scalars.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
    }

    package func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// "1 day", "3 days": a count and its noun, made plural with an "s".
package func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
