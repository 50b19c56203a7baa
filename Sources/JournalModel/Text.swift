/// String helpers the standard library lacks (Foundation has them; the model does without it).
extension String {
    package func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
