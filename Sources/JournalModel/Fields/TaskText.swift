/// A task's text split into its description and its fields, read as Obsidian Tasks reads them:
/// field after field from the end of the line, in any order, tags among them going back to the
/// description (`Call Bob #work 📅 2025-01-24 #urgent` is `Call Bob #work #urgent`, due the 24th).
/// A sign in the middle of the words is a word. Day Planner's time is read at the start.
public struct TaskText: Equatable, Sendable {
    /// The words alone: what search, diff and log compare.
    public var description: String
    public var fields: TaskFields

    public init(description: String, fields: TaskFields = TaskFields()) {
        self.description = description
        self.fields = fields
    }

    public init(parsing written: String) {
        guard TaskText.mayHoldFields(written) else {
            description = written.trimmingBlanks
            fields = TaskFields()
            return
        }
        var reader = FieldReader(Array(written.unicodeScalars))
        fields = reader.readSignedFields()
        var words = reader.description
        if let (time, endTime, rest) = TaskText.leadingTime(of: words) {
            fields.time = time
            fields.endTime = endTime
            words = rest
        }
        description = words
    }

    /// How many scalars at the end of `scalars` its fields and trailing tags take (from the first
    /// to the end), or nil when it ends in neither: where an occurrence's marker goes, so that
    /// taking a field or a tag away, in Obsidian or by hand, leaves it found.
    package static func tailLength(of scalars: [Unicode.Scalar]) -> Int? {
        var reader = FieldReader(scalars)
        _ = reader.readSignedFields()
        guard reader.end < scalars.count, reader.foundField || !reader.tags.isEmpty else { return nil }
        var start = reader.end
        while start < scalars.count, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
        return scalars.count - start
    }

    /// False when no field can be read: no sign (every one is outside ASCII) and no leading
    /// digit (a time). Most texts are so, and are then never taken apart.
    private static func mayHoldFields(_ text: String) -> Bool {
        if text.utf8.first(where: { $0 != 32 && $0 != 9 }).map({ (48...57).contains($0) }) == true { return true }
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return text.unicodeScalars.contains(where: FieldReader.signs.contains)
    }

    /// The text as journal writes it: time, description, then the fields in Obsidian's order.
    public var written: String {
        ([fields.timeSpan, description.isEmpty ? nil : description].compactMap { $0 } + fields.signed).joined(separator: " ")
    }

    /// `HH:MM` or `HH:MM - HH:MM` (also `-` or `–` without spaces) and white space, before words.
    private static func leadingTime(of text: String) -> (TimeOfDay, TimeOfDay?, String)? {
        let scalars = Array(text.unicodeScalars)
        var position = 0
        func time() -> TimeOfDay? {
            var end = position
            while end < scalars.count, end - position < 5, scalars[end] == ":" || ("0"..."9").contains(scalars[end]) { end += 1 }
            guard let found = TimeOfDay(Substring(String(String.UnicodeScalarView(scalars[position..<end])))) else { return nil }
            position = end
            return found
        }
        func skipSpaces() { while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 } }
        guard let start = time() else { return nil }
        var end: TimeOfDay?
        let afterStart = position
        skipSpaces()
        if position < scalars.count, scalars[position] == "-" || scalars[position] == "–" {
            position += 1
            skipSpaces()
            end = time()
            if end == nil { position = afterStart }
        } else {
            position = afterStart
        }
        let beforeWords = position
        skipSpaces()
        guard position > beforeWords, position < scalars.count else { return nil }
        return (start, end, String(String.UnicodeScalarView(scalars[position...])))
    }
}

/// Reads Obsidian Tasks' fields off the end of a text, as its `DefaultTaskSerializer` does: each
/// pass tries every field at the end, and passes go on while one matches. A variation selector
/// (U+FE0F) after a sign is accepted on every sign, as emoji pickers write them.
private struct FieldReader {
    let scalars: [Unicode.Scalar]
    /// The unread text is `scalars[..<end]`, without trailing white space.
    var end: Int
    var tags: [String] = []
    var foundField = false

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        end = scalars.count
        trim()
    }

    var description: String {
        guard foundField else { return String(String.UnicodeScalarView(scalars)).trimmingBlanks }
        let words = String(String.UnicodeScalarView(scalars[..<end])).trimmingBlanks
        return ([words] + tags).filter { !$0.isEmpty }.joined(separator: " ")
    }

    mutating func readSignedFields() -> TaskFields {
        var fields = TaskFields()
        for _ in 0..<20 {
            var matched = false
            if let priority = signAtEnd(FieldReader.prioritySigns).flatMap(TaskPriority.init(sign:)) {
                fields.priority = priority
                matched = true
            }
            for (signs, field) in FieldReader.dateFields {
                if let day = dateAtEnd(signs) {
                    fields[keyPath: field] = day
                    matched = true
                }
            }
            if let rule = ruleAtEnd() {
                fields.recurrence = rule
                matched = true
            }
            foundField = foundField || matched
            if tagAtEnd() { matched = true }
            if let id = valueAtEnd("🆔", allowed: FieldReader.isIDCharacter) {
                fields.obsidianID = id
                matched = true
            }
            if let ids = valueAtEnd("⛔", allowed: { FieldReader.isIDCharacter($0) || $0 == "," || $0 == " " }, isValid: FieldReader.isIDList) {
                fields.dependsOn = String(ids.unicodeScalars.filter { $0 != " " }.map(Character.init))
                matched = true
            }
            foundField = foundField || fields.obsidianID != nil || fields.dependsOn != nil
            if !matched { break }
        }
        return fields
    }

    /// The order Obsidian tries them in; a field written twice keeps the one nearer the words.
    /// (Key paths are immutable, but not marked `Sendable`: hence `nonisolated(unsafe)`.)
    private nonisolated(unsafe) static let dateFields: [(Set<Unicode.Scalar>, WritableKeyPath<TaskFields, Day?>)] = [
        (["✅"], \.done), (["❌"], \.cancelled), (["📅", "📆", "🗓"], \.due),
        (["⏳", "⌛"], \.scheduled), (["🛫"], \.start), (["➕"], \.created),
    ]

    private static let prioritySigns = Set(TaskPriority.allCases.map(\.sign))

    /// Every sign a field can start with.
    static let signs = prioritySigns.union(dateFields.flatMap(\.0)).union(["🔁", "🆔", "⛔"])

    private mutating func trim() {
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
    }

    /// Where a sign ends that stands right before `position`, a variation selector allowed.
    private func sign(before position: Int, in signs: Set<Unicode.Scalar>) -> Int? {
        var index = position
        if index > 0, scalars[index - 1] == "\u{FE0F}" { index -= 1 }
        guard index > 0, signs.contains(scalars[index - 1]) else { return nil }
        return index - 1
    }

    private mutating func signAtEnd(_ signs: Set<Unicode.Scalar>) -> Unicode.Scalar? {
        guard let at = sign(before: end, in: signs) else { return nil }
        let found = scalars[at]
        end = at
        trim()
        return found
    }

    /// `📅 2025-01-24` (any number of spaces between, none too) at the end, when it is a real day.
    private mutating func dateAtEnd(_ signs: Set<Unicode.Scalar>) -> Day? {
        guard end >= 11 else { return nil }
        let date = String(String.UnicodeScalarView(scalars[(end - 10)..<end]))
        guard let day = Day(iso: date) else { return nil }
        var index = end - 10
        while index > 0, scalars[index - 1] == " " { index -= 1 }
        guard let at = sign(before: index, in: signs) else { return nil }
        end = at
        trim()
        return day
    }

    /// `🔁 every weekday`: the last `🔁` with only letters, digits, commas, spaces and `!` after it.
    private mutating func ruleAtEnd() -> String? {
        guard let at = scalars[..<end].lastIndex(of: "🔁") else { return nil }
        var start = at + 1
        if start < end, scalars[start] == "\u{FE0F}" { start += 1 }
        let rule = scalars[start..<end]
        guard rule.contains(where: { $0 != " " }),
              rule.allSatisfy({ $0.isASCII && (Character($0).isLetter || Character($0).isNumber || ", !".unicodeScalars.contains($0)) })
        else { return nil }
        end = at
        trim()
        return String(String.UnicodeScalarView(rule)).trimmingBlanks
    }

    /// `🆔 abc123`, `⛔ abc, def`: a sign, spaces, and allowed characters to the end.
    private mutating func valueAtEnd(_ signScalar: Unicode.Scalar, allowed: (Unicode.Scalar) -> Bool,
                                     isValid: (String) -> Bool = { _ in true }) -> String? {
        var index = end
        while index > 0, allowed(scalars[index - 1]) { index -= 1 }
        let valueStart = index
        guard valueStart < end else { return nil }
        while index > 0, scalars[index - 1] == " " { index -= 1 }
        guard let at = sign(before: index, in: [signScalar]) else { return nil }
        let value = String(String.UnicodeScalarView(scalars[valueStart..<end])).trimmingBlanks
        guard !value.isEmpty, let first = value.unicodeScalars.first, FieldReader.isIDCharacter(first), isValid(value) else { return nil }
        end = at
        trim()
        return value
    }

    /// A `#tag` ending the text, which goes back to the description after the fields are read.
    private mutating func tagAtEnd() -> Bool {
        var index = end
        while index > 0, scalars[index - 1] != " ", scalars[index - 1] != "\t" { index -= 1 }
        guard index < end, scalars[index] == "#", end - index > 1,
              !scalars[(index + 1)..<end].contains(where: { FieldReader.endsTag.contains($0) }) else { return false }
        tags.insert(String(String.UnicodeScalarView(scalars[index..<end])), at: 0)
        end = index
        trim()
        return true
    }

    private static let endsTag = Set(" !@#$%^&*(),.?\":{}|<>".unicodeScalars)

    /// `abc, def`: ids with spaces only beside the commas, as Obsidian reads `⛔`'s value.
    private static func isIDList(_ value: String) -> Bool {
        value.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { id in
            let trimmed = String(id).trimmingBlanks
            return !trimmed.isEmpty && !trimmed.contains(" ")
        }
    }

    private static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (Character(scalar).isLetter || Character(scalar).isNumber || scalar == "-" || scalar == "_")
    }
}
