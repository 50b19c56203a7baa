import JournalModel

/// Words a message asks the user to type, written so that a shell reads them back as they are.
enum Shell {
    /// The word itself when it needs no quoting; else in single quotes.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "/._-+:@,=".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.replacingOccurrences("'", "'\\''") + "'"
    }
}
