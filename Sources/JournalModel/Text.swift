/// String helpers the standard library lacks (Foundation has them; the model does without it).
extension String {
    package func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// "1 day", "3 days": a count and its noun, made plural with an "s".
package func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
