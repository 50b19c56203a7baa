/// An HTML open or closing tag alone on its line, which starts an HTML block of kind 7. It follows
/// the `opentag` and `closetag` rules of cmark-gfm's `scanners.re`.
struct TagScanner {
    private let line: MarkdownLine
    private var index: Int

    init(_ line: MarkdownLine, at index: Int) {
        self.line = line
        self.index = index
    }

    var isCompleteTagAlone: Bool {
        var scanner = self
        guard scanner.scanTag() else { return false }
        // Then tabs, form feeds and spaces alone up to the line's end.
        while scanner.index < line.count, [UInt8(ascii: "\t"), 0x0C, UInt8(ascii: " ")].contains(scanner.current) {
            scanner.index += 1
        }
        return scanner.index >= line.count
    }

    private var current: UInt8 { line[index] }

    private mutating func scanTag() -> Bool {
        if current == UInt8(ascii: "/") {
            index += 1
            guard scanTagName() else { return false }
            skipSpaces()
            return take(UInt8(ascii: ">"))
        }
        guard scanTagName() else { return false }
        while true {
            let beforeSpaces = index
            guard skipSpaces() > 0, scanAttributeName() else {
                index = beforeSpaces
                break
            }
            let afterName = index
            skipSpaces()
            if take(UInt8(ascii: "=")) {
                skipSpaces()
                guard scanAttributeValue() else { return false }
            } else {
                index = afterName
            }
        }
        skipSpaces()
        _ = take(UInt8(ascii: "/"))
        return take(UInt8(ascii: ">"))
    }

    private mutating func scanTagName() -> Bool {
        guard isLetter(current) else { return false }
        while isLetter(current) || isDigit(current) || current == UInt8(ascii: "-") { index += 1 }
        return true
    }

    private mutating func scanAttributeName() -> Bool {
        guard isLetter(current) || current == UInt8(ascii: "_") || current == UInt8(ascii: ":") else { return false }
        while isLetter(current) || isDigit(current) || Array(":._-".utf8).contains(current) { index += 1 }
        return true
    }

    private mutating func scanAttributeValue() -> Bool {
        let quote = current
        if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
            index += 1
            while index < line.count, current != quote { index += 1 }
            return take(quote)
        }
        let start = index
        while index < line.count, !MarkdownLine.isSpace(current), !Array("\"'=<>`".utf8).contains(current) { index += 1 }
        return index > start
    }

    /// Spaces, tabs, vertical tabs and form feeds (a tag here never spans lines); how many.
    @discardableResult
    private mutating func skipSpaces() -> Int {
        let start = index
        while index < line.count, MarkdownLine.isSpace(current) { index += 1 }
        return index - start
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < line.count, current == byte else { return false }
        index += 1
        return true
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(HTMLBlockStart.lowercased(byte))
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
