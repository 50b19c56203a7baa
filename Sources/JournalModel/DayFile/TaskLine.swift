/// One task line of a day file, split into the parts journal reads and writes.
/// A day file keeps the bytes of every line it read and renders a task anew only once a
/// command has changed it, so odd spacing in an untouched line is never normalised away.
public struct TaskLine: Equatable, Sendable {
    /// Leading white space as written; its width gives the nesting.
    public var indent: String
    /// `-`, `*` or `+`.
    public var bullet: Character
    public var state: TaskState
    /// The marker as written (`x` or `X` for done), kept so an untouched line renders as it was.
    package var marker: Character
    public var text: String
    /// For a carried task: the day it was carried to.
    public var carriedTo: Day?
    public var id: TaskID?
    /// White space after the last part, as written.
    package var trailing: String

    public init(state: TaskState, text: String, id: TaskID? = nil, depth: Int = 0) {
        indent = String(repeating: "  ", count: depth)
        bullet = "-"
        self.state = state
        marker = state.marker
        self.text = text
        self.id = id
        trailing = ""
    }

    /// Nesting width: a tab counts as one level, like two spaces.
    public var indentWidth: Int { indent.reduce(0) { $0 + ($1 == "\t" ? 2 : 1) } }

    public var tags: [String] { TaskLine.words(in: text, after: "#") }
    public var people: [String] { TaskLine.words(in: text, after: "@") }

    public mutating func setState(_ newState: TaskState) {
        state = newState
        marker = newState.marker
        if newState != .carried { carriedTo = nil }
    }

    public mutating func setDepth(_ depth: Int) {
        indent = String(repeating: "  ", count: depth)
    }

    public var rendered: String {
        var line = "\(indent)\(bullet) [\(marker)]"
        if !text.isEmpty { line += " \(text)" }
        if let carriedTo { line += " → \(carriedTo.iso)" }
        if let id { line += " ^\(id.value)" }
        return line + trailing
    }

    /// Reads a task line (without its line ending); nil when the line is not a task.
    public init?(line: String) {
        let scalars = line.unicodeScalars
        var position = scalars.startIndex
        while position < scalars.endIndex, scalars[position] == " " || scalars[position] == "\t" {
            position = scalars.index(after: position)
        }
        let afterIndent = position
        // "- [ ]" is five scalars at least.
        guard scalars.distance(from: position, to: scalars.endIndex) >= 5 else { return nil }
        let bulletScalar = scalars[position]
        guard bulletScalar == "-" || bulletScalar == "*" || bulletScalar == "+" else { return nil }
        let open = scalars.index(position, offsetBy: 2)
        let markerIndex = scalars.index(after: open)
        let close = scalars.index(after: markerIndex)
        guard scalars[scalars.index(after: position)] == " ", scalars[open] == "[", scalars[close] == "]",
              scalars[markerIndex].isASCII, let state = TaskState(marker: UInt8(scalars[markerIndex].value))
        else { return nil }
        // The rest is read scalar by scalar, not by Character: a grapheme cluster can join a
        // space to the character before it (U+0600 before a space is one Character), which would
        // hide the space before an id or an arrow that the renderer wrote.
        var rest = scalars[scalars.index(after: close)...]
        if !rest.isEmpty {
            // An empty box followed by white space alone is still a task: a stray `\r` there must
            // not stop being one when a newline is written after it and makes it a CRLF ending.
            guard rest.first == " " || rest.trimmingTrailing(TaskLine.whitespace).isEmpty else { return nil }
            // After an empty box, all the white space is trailing: the renderer writes the space
            // before the text only when there is text.
            if !rest.trimmingTrailing(TaskLine.whitespace).isEmpty { rest = rest.dropFirst() }
        }
        indent = String(scalars[..<afterIndent])
        bullet = Character(bulletScalar)
        self.state = state
        marker = Character(scalars[markerIndex])

        let body = rest.trimmingTrailing(TaskLine.whitespace)
        trailing = String(rest[body.endIndex...])
        var text = body
        id = nil
        if let (caret, id) = TaskLine.trailingID(of: text) {
            self.id = id
            text = text[..<caret].trimmingTrailing([" "])
        }
        carriedTo = nil
        if state == .carried, let arrow = text.lastIndex(of: "→"),
           let day = Day(iso: Substring(text[text.index(after: arrow)...].drop(while: { $0 == " " }))) {
            carriedTo = day
            text = text[..<arrow].trimmingTrailing([" "])
            // An id written before the date is the id too: left in the text, it would come last
            // once a state change drops the date, and read back as the id then.
            if id == nil, let (caret, id) = TaskLine.trailingID(of: text) {
                self.id = id
                text = text[..<caret].trimmingTrailing([" "])
            }
        }
        self.text = String(text)
    }

    /// The id a text ends with (` ^k7f3q`, or `^k7f3q` alone) and where its caret is.
    private static func trailingID(of text: Substring.UnicodeScalarView) -> (Substring.UnicodeScalarView.Index, TaskID)? {
        guard let caret = text.lastIndex(of: "^"), let id = TaskID(Substring(text[text.index(after: caret)...])),
              caret == text.startIndex || text[text.index(before: caret)] == " " else { return nil }
        return (caret, id)
    }

    /// Trailing white space: spaces, tabs, and carriage returns, since a stray `\r` (a last line
    /// ending in one) must not hide the id before it, or the line would read as another task
    /// once a newline follows it.
    private static let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\r"]

    /// The `#tags` or `@people` of a text. A tag starts with a letter (`#4821` is an issue number,
    /// not a tag); a name may hold inner dots (`@sara.k`), but a dot at its end ends the sentence.
    package static func words(in text: String, after sigil: Character) -> [String] {
        var found: [String] = []
        var previous: Character = " "
        var index = text.startIndex
        let isName = sigil == "@"
        while index < text.endIndex {
            if text[index] == sigil, previous == " " || previous == "(" {
                let start = text.index(after: index)
                let end = text[start...].firstIndex(where: { !(TaskLine.isWordCharacter($0) || isName && $0 == ".") }) ?? text.endIndex
                var word = text[start..<end]
                while isName && word.last == "." { word = word.dropLast() }
                if let first = word.first, isName || first.isLetter { found.append(String(word)) }
                index = end
                previous = sigil
                continue
            }
            previous = text[index]
            index = text.index(after: index)
        }
        return found
    }

    package static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_" || character == "/"
    }
}

extension Substring.UnicodeScalarView {
    package func trimmingTrailing(_ scalars: Set<Unicode.Scalar>) -> Substring.UnicodeScalarView {
        var end = endIndex
        while end > startIndex, scalars.contains(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
