/// One task line of a day file, split into the parts journal reads and writes.
/// A day file keeps the bytes of every line it read and renders a task anew only once a
/// command has changed it, so odd spacing in an untouched line is never normalised away.
public struct TaskLine: Equatable, Sendable {
    /// Leading spaces and tabs as written.
    public var indent: String
    /// The list marker: `-`, `*`, `+`, or a number and `.` or `)` (`1.`, `2)`).
    public var bullet: String
    /// The white space between the marker and the box, as written (one space by default).
    package var gap: String
    public var state: TaskState
    /// The marker as written (`x` or `X` for done), kept so an untouched line renders as it was.
    package var marker: Character
    /// The white space after the box (a space by default; GitHub needs one, and accepts a tab).
    package var separator: Character
    /// Logseq's word for the state (`TODO`, `DONE`…), written in place of the box; nil for a box.
    package var keyword: String?
    public var text: String
    /// For a carried task: the day it was carried to.
    public var carriedTo: Day?
    /// For an occurrence of a recurring task of the day template: the template task's id,
    /// written ` 🔁 ^k7f3q` after the text.
    public var occurrenceOf: TaskID?
    public var id: TaskID?
    /// White space after the last part, as written.
    package var trailing: String
    /// The text's bytes where they are not UTF-8, written back as they were while the text is
    /// unchanged (rather than as U+FFFD, which is how `text` reads them).
    package var textBytes = OriginalBytes()

    /// A `- [ ]` item, nested `depth` levels (two spaces a level: the text column of the `- [ ]` above).
    public init(state: TaskState, text: String, id: TaskID? = nil, depth: Int = 0) {
        indent = String(repeating: "  ", count: depth)
        bullet = "-"
        gap = " "
        self.state = state
        marker = state.marker
        separator = " "
        self.text = text
        self.id = id
        trailing = ""
    }

    /// The column the item's text starts at (a tab advancing to the next multiple of four), where
    /// the lines that belong to the task (and the tasks nested under it) are indented to.
    public var contentColumn: Int {
        (indent + bullet + gap).utf8.reduce(0, MarkdownLine.column(after:_:))
    }

    /// A box and white space alone: GitHub's item then holds no paragraph.
    package var hasNothingAfterBox: Bool { text.isEmpty && carriedTo == nil && id == nil && occurrenceOf == nil }

    /// Indentation that nests a line under this task.
    public var childIndent: String { String(repeating: " ", count: contentColumn) }

    public var tags: [String] { TaskLine.words(in: text, after: "#") }
    public var people: [String] { TaskLine.words(in: text, after: "@") }

    public mutating func setState(_ newState: TaskState) {
        state = newState
        marker = newState.marker
        if keyword != nil { keyword = TaskWords.logseqWord(for: newState, after: keyword) }
        if newState != .carried { carriedTo = nil }
    }

    public var rendered: String { String(decoding: renderedBytes, as: UTF8.self) }

    /// The line as journal writes it.
    package var renderedBytes: [UInt8] {
        var line = Array(prefix.utf8)
        var body = text
        var parts: [String] = []
        if let occurrenceOf {
            // Before the fields: Obsidian reads fields only at the end of the line.
            let marker = "\(TaskLine.occurrenceSign) ^\(occurrenceOf.value)"
            if let (words, gap, tail) = TaskLine.splitTail(text) {
                body = words
                parts.append(marker + gap + tail)
            } else {
                parts.append(marker)
            }
        }
        if occurrenceOf == nil, let original = textBytes.bytes, String(decoding: original, as: UTF8.self) == text {
            line += original
        } else {
            line += body.utf8
        }
        if let carriedTo { parts.append("→ \(carriedTo.iso)") }
        if let id { parts.append("^\(id.value)") }
        if !parts.isEmpty { line += Array(((body.isEmpty ? "" : " ") + parts.joined(separator: " ")).utf8) }
        return line + trailing.utf8
    }

    /// Keeps the bytes of the text of `line`, the bytes this task was read from as UTF-8 with
    /// replacements: the parts before and after the text are ASCII, so the text is what lies between.
    package mutating func keepTextBytes(of line: [UInt8]) {
        let before = prefix.utf8.count
        let after = String(decoding: line, as: UTF8.self).utf8.count - before - text.utf8.count
        guard before + after <= line.count else { return }
        textBytes = OriginalBytes(bytes: Array(line[before..<(line.count - after)]))
    }

    /// What comes before the text: the indent, the list marker, the box or Logseq's word, and
    /// the white space after it.
    private var prefix: String { "\(indent)\(bullet)\(gap)\(keyword ?? "[\(marker)]")\(separator)" }

    /// Reads a task line (without its line ending); nil when the line is not shaped as a task
    /// item: spaces or tabs, a list marker, white space, a box GitHub or journal knows, and
    /// white space (cmark-gfm's `tasklist` scanner, with journal's `[/]`, `[-]` and `[>]`); with
    /// Logseq's words, one of them in place of the box.
    /// Whether the line is a task where it stands is the file's `BlockOutline` to say.
    public init?(line: String, words: TaskWords = .checkboxes) {
        let scalars = line.unicodeScalars
        var position = scalars.startIndex
        func skip(while accepted: (Unicode.Scalar) -> Bool) {
            while position < scalars.endIndex, accepted(scalars[position]) { position = scalars.index(after: position) }
        }
        skip { $0 == " " || $0 == "\t" }
        let afterIndent = position
        if position < scalars.endIndex, "-*+".unicodeScalars.contains(scalars[position]) {
            position = scalars.index(after: position)
        } else {
            skip { ("0"..."9").contains($0) }
            let digits = scalars.distance(from: afterIndent, to: position)
            guard (1...9).contains(digits), position < scalars.endIndex, scalars[position] == "." || scalars[position] == ")" else { return nil }
            position = scalars.index(after: position)
        }
        let afterBullet = position
        skip(while: TaskLine.isSpaceCharacter)
        let open = position
        guard open > afterBullet, open < scalars.endIndex else { return nil }
        let separatorIndex: String.UnicodeScalarView.Index
        if words == .logseq, scalars[open] != "[", let word = TaskWords.logseqWord(startingWith: Substring(scalars[open...]).utf8) {
            separatorIndex = scalars.index(open, offsetBy: word.count)
            state = TaskWords.logseqStates[word]!
            marker = state.marker
            keyword = word
        } else {
            // "[ ]" and a white space after it.
            guard scalars.distance(from: open, to: scalars.endIndex) >= 4 else { return nil }
            let markerIndex = scalars.index(after: open)
            let close = scalars.index(after: markerIndex)
            separatorIndex = scalars.index(after: close)
            guard scalars[open] == "[", scalars[close] == "]", TaskLine.isSpaceCharacter(scalars[separatorIndex]),
                  scalars[markerIndex].isASCII, let state = TaskState(marker: UInt8(scalars[markerIndex].value))
            else { return nil }
            self.state = state
            marker = Character(scalars[markerIndex])
        }
        indent = String(scalars[..<afterIndent])
        bullet = String(scalars[afterIndent..<afterBullet])
        gap = String(scalars[afterBullet..<open])
        separator = Character(scalars[separatorIndex])
        // The rest is read scalar by scalar, not by Character: a grapheme cluster can join a
        // space to the character before it (U+0600 before a space is one Character), which would
        // hide the space before an id or an arrow that the renderer wrote.
        let rest = scalars[scalars.index(after: separatorIndex)...]
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
        occurrenceOf = nil
        if let (sign, rule) = TaskLine.trailingOccurrence(of: text) {
            occurrenceOf = rule
            text = text[..<sign].trimmingTrailing([" "])
        } else if text.contains(TaskLine.occurrenceSign), let tailLength = TaskText.tailLength(of: Array(text)) {
            // The marker before the fields and trailing tags, as journal writes it.
            let tailStart = text.index(text.endIndex, offsetBy: -tailLength)
            let beforeTail = text[..<tailStart].trimmingTrailing([" ", "\t"])
            if let (sign, rule) = TaskLine.trailingOccurrence(of: beforeTail) {
                occurrenceOf = rule
                // The words, and the blanks that stood between them and the tail.
                let words = String(text[..<sign].trimmingTrailing([" "]))
                self.text = words.isEmpty ? String(text[tailStart...]) : words + String(text[beforeTail.endIndex...])
                return
            }
        }
        self.text = String(text)
    }

    /// A text split where an occurrence's marker goes: its words (without the blanks after
    /// them), those blanks, and the fields and tags it ends with, all as written; nil when it
    /// ends in neither, or has no words before them (the marker then goes last, as it always did).
    private static func splitTail(_ text: String) -> (words: String, gap: String, tail: String)? {
        let scalars = Array(text.unicodeScalars)
        guard let length = TaskText.tailLength(of: scalars) else { return nil }
        var wordsEnd = scalars.count - length
        while wordsEnd > 0, scalars[wordsEnd - 1] == " " || scalars[wordsEnd - 1] == "\t" { wordsEnd -= 1 }
        guard wordsEnd > 0, scalars[..<wordsEnd].contains(where: { $0 != " " && $0 != "\t" }) else { return nil }
        let string = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
        return (string(0..<wordsEnd), string(wordsEnd..<(scalars.count - length)), string((scalars.count - length)..<scalars.count))
    }

    private static func isSpaceCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && MarkdownLine.isExtensionSpace(UInt8(scalar.value))
    }

    /// The id a text ends with (` ^k7f3q`, or `^k7f3q` alone) and where its caret is; not the
    /// template task's id an occurrence names (` 🔁 ^k7f3q`), which it has before its own.
    private static func trailingID(of text: Substring.UnicodeScalarView) -> (Substring.UnicodeScalarView.Index, TaskID)? {
        guard let (caret, id) = trailingReference(in: text), sign(before: caret, in: text) == nil else { return nil }
        return (caret, id)
    }

    /// The ` 🔁 ^k7f3q` a text ends with: where the sign is, and the template task's id. The
    /// caret is looked for at its one place, six scalars from the end, as every task line is read.
    private static func trailingOccurrence(of text: Substring.UnicodeScalarView) -> (Substring.UnicodeScalarView.Index, TaskID)? {
        guard let caret = text.index(text.endIndex, offsetBy: -(TaskID.length + 1), limitedBy: text.startIndex),
              text[caret] == "^", let (found, id) = trailingReference(in: text), found == caret,
              let sign = sign(before: caret, in: text) else { return nil }
        return (sign, id)
    }

    /// The `^id` a text ends with, at its start or after a space.
    private static func trailingReference(in text: Substring.UnicodeScalarView) -> (Substring.UnicodeScalarView.Index, TaskID)? {
        guard let caret = text.lastIndex(of: "^"), let id = TaskID(Substring(text[text.index(after: caret)...])),
              caret == text.startIndex || text[text.index(before: caret)] == " " else { return nil }
        return (caret, id)
    }

    /// Where `🔁` stands before a caret, spaces between (a line written by hand may have two:
    /// read otherwise, the text would end in the sign and be written back as an occurrence).
    private static func sign(before caret: Substring.UnicodeScalarView.Index, in text: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView.Index? {
        let before = text[..<caret]
        guard before.last == " " else { return nil }
        let words = before.trimmingTrailing([" "])
        guard words.last == occurrenceSign else { return nil }
        return text.index(before: words.endIndex)
    }

    /// Obsidian Tasks' sign for recurrence, which an occurrence writes before its rule's id.
    package static let occurrenceSign: Unicode.Scalar = "🔁"

    /// Trailing white space: spaces, tabs, and carriage returns (a line read on its own may
    /// still hold one).
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

/// Bytes kept beside a value that do not make it another value: a task read from bytes that
/// are not UTF-8 is the same task as one read from their replacement.
package struct OriginalBytes: Equatable, Sendable {
    var bytes: [UInt8]?

    package static func == (lhs: OriginalBytes, rhs: OriginalBytes) -> Bool { true }
}

extension Substring.UnicodeScalarView {
    package func trimmingTrailing(_ scalars: Set<Unicode.Scalar>) -> Substring.UnicodeScalarView {
        var end = endIndex
        while end > startIndex, scalars.contains(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
