/// The block starts of CommonMark 0.29 as cmark-gfm scans them (`scanners.re`), each read at a
/// position of a line.
enum BlockStarts {
    /// `#` to `######` and a space, tab or the end of the line.
    static func atxHeading(_ line: MarkdownLine, at start: Int) -> Bool {
        var index = start
        while line[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - start
        return (1...6).contains(level) && (MarkdownLine.isSpaceOrTab(line[index]) || MarkdownLine.isLineEnd(line[index]))
    }

    /// `===` or `---` alone (trailing spaces allowed), under a paragraph: a heading's underline.
    static func setextUnderline(_ line: MarkdownLine, at start: Int) -> Bool {
        let character = line[start]
        guard character == UInt8(ascii: "=") || character == UInt8(ascii: "-") else { return false }
        var index = start
        while line[index] == character { index += 1 }
        while MarkdownLine.isSpaceOrTab(line[index]) { index += 1 }
        return MarkdownLine.isLineEnd(line[index])
    }

    /// Three or more `*`, `-` or `_`, with spaces or tabs between them and nothing else.
    static func thematicBreak(_ line: MarkdownLine, at start: Int) -> Bool {
        let character = line[start]
        guard character == UInt8(ascii: "*") || character == UInt8(ascii: "-") || character == UInt8(ascii: "_") else { return false }
        var count = 0
        var index = start
        while true {
            let byte = line[index]
            if byte == character {
                count += 1
            } else if !MarkdownLine.isSpaceOrTab(byte) {
                return count >= 3 && MarkdownLine.isLineEnd(byte)
            }
            index += 1
        }
    }

    /// A fence opening: three or more backticks (with no backtick after them) or tildes; its length.
    static func openingFence(_ line: MarkdownLine, at start: Int) -> Int {
        let length = run(of: line[start], in: line, at: start)
        guard length >= 3 else { return 0 }
        if line[start] == UInt8(ascii: "`") {
            var index = start + length
            while !MarkdownLine.isLineEnd(line[index]) {
                if line[index] == UInt8(ascii: "`") { return 0 }
                index += 1
            }
        }
        return length
    }

    /// A fence closing: the fence's character three or more times, then spaces or tabs alone; its length.
    static func closingFence(_ line: MarkdownLine, at start: Int) -> Int {
        let length = run(of: line[start], in: line, at: start)
        guard length >= 3 else { return 0 }
        var index = start + length
        while MarkdownLine.isSpaceOrTab(line[index]) { index += 1 }
        return MarkdownLine.isLineEnd(line[index]) ? length : 0
    }

    private static func run(of character: UInt8, in line: MarkdownLine, at start: Int) -> Int {
        guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return 0 }
        var index = start
        while line[index] == character { index += 1 }
        return index - start
    }

    /// A list marker (`-`, `+`, `*`, or up to nine digits and `.` or `)`) followed by white
    /// space. Where it would interrupt a paragraph, a number must be 1 and the item must not be empty.
    static func listMarker(_ line: MarkdownLine, at start: Int, interruptsParagraph: Bool) -> ListMarker? {
        let first = line[start]
        var index = start
        let marker: ListMarker
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            index += 1
            marker = ListMarker(length: 1, bullet: first, delimiter: 0)
        } else if isDigit(first) {
            var number = 0
            repeat {
                number = number * 10 + Int(line[index] - UInt8(ascii: "0"))
                index += 1
            } while index - start < 9 && isDigit(line[index])
            let delimiter = line[index]
            guard !interruptsParagraph || number == 1,
                  delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return nil }
            index += 1
            marker = ListMarker(length: index - start, bullet: 0, delimiter: delimiter)
        } else {
            return nil
        }
        guard MarkdownLine.isSpace(line[index]) else { return nil }
        if interruptsParagraph {
            var next = index
            while MarkdownLine.isSpaceOrTab(line[next]) { next += 1 }
            if MarkdownLine.isLineEnd(line[next]) { return nil }
        }
        return marker
    }

    /// A link reference definition on one line (`[label]: destination "title"`, §4.7). A
    /// paragraph of these alone is no paragraph, so an underline after it makes no heading.
    /// Definitions spread over several lines are not recognised.
    static func linkReferenceDefinition(_ line: MarkdownLine, at start: Int) -> Bool {
        var index = start
        guard line[index] == UInt8(ascii: "[") else { return false }
        index += 1
        var hasText = false
        while line[index] != UInt8(ascii: "]") {
            let byte = line[index]
            if MarkdownLine.isLineEnd(byte) || byte == UInt8(ascii: "[") || index - start > 1000 { return false }
            if byte == UInt8(ascii: "\\") { index += 1 }
            if !MarkdownLine.isSpace(byte) { hasText = true }
            index += 1
        }
        guard hasText, line[index + 1] == UInt8(ascii: ":") else { return false }
        index += 2
        while MarkdownLine.isSpaceOrTab(line[index]) { index += 1 }
        guard let afterDestination = destinationEnd(line, at: index) else { return false }
        index = afterDestination
        let beforeTitle = index
        while MarkdownLine.isSpaceOrTab(line[index]) { index += 1 }
        if index > beforeTitle, let close = titleCloser(line[index]) {
            index += 1
            while line[index] != close {
                if MarkdownLine.isLineEnd(line[index]) { return false }
                index += 1
            }
            index += 1
            while MarkdownLine.isSpaceOrTab(line[index]) { index += 1 }
        }
        return MarkdownLine.isLineEnd(line[index])
    }

    private static func destinationEnd(_ line: MarkdownLine, at start: Int) -> Int? {
        var index = start
        if line[index] == UInt8(ascii: "<") {
            index += 1
            while line[index] != UInt8(ascii: ">") {
                if MarkdownLine.isLineEnd(line[index]) || line[index] == UInt8(ascii: "<") { return nil }
                index += 1
            }
            return index + 1
        }
        var depth = 0
        while !MarkdownLine.isSpace(line[index]) && line[index] >= 0x20 {
            if line[index] == UInt8(ascii: "(") { depth += 1 }
            if line[index] == UInt8(ascii: ")") { depth -= 1 }
            if depth < 0 { return nil }
            index += 1
        }
        return index > start && depth == 0 ? index : nil
    }

    private static func titleCloser(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return byte
        case UInt8(ascii: "("): return UInt8(ascii: ")")
        default: return nil
        }
    }

    /// The whole line shaped as a task item, as cmark-gfm's `tasklist` scanner reads it: white
    /// space, a bullet or digits and one more character, white space, a box, and white space.
    /// Journal's own boxes `[/]`, `[-]` and `[>]` count as GitHub's `[ ]` and `[x]` do.
    static func taskItem(_ line: MarkdownLine) -> Bool {
        guard let index = itemText(line) else { return false }
        guard line[index] == UInt8(ascii: "["), line[index + 2] == UInt8(ascii: "]"), MarkdownLine.isExtensionSpace(line[index + 3]),
              Array(" xX/->".utf8).contains(line[index + 1]) else { return false }
        return true
    }

    /// A list item whose text starts with one of Logseq's task words (`- TODO …`): a task in a
    /// journal that writes tasks in Logseq's words, an item like any other to GitHub.
    static func logseqTaskItem(_ line: MarkdownLine) -> Bool {
        guard let index = itemText(line) else { return false }
        return TaskWords.logseqWord(startingWith: line.suffix(from: index)) != nil
    }

    /// Where the text of the list item the line opens starts, after its marker and the white
    /// space after it (cmark-gfm's tasklist scanner); nil when the line opens no item.
    private static func itemText(_ line: MarkdownLine) -> Int? {
        var index = 0
        while MarkdownLine.isExtensionSpace(line[index]) { index += 1 }
        let first = line[index]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            index += 1
        } else {
            guard isDigit(first) else { return nil }
            while isDigit(line[index]) { index += 1 }
            // Any one character after the digits, a line ending aside (re2c's `.`).
            guard line[index] != UInt8(ascii: "\n") else { return nil }
            index += 1
        }
        guard MarkdownLine.isExtensionSpace(line[index]) else { return nil }
        while MarkdownLine.isExtensionSpace(line[index]) { index += 1 }
        return index
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}

/// What a list item's marker says about the list it belongs to.
struct ListMarker: Equatable {
    let length: Int
    /// `-`, `+` or `*`; 0 for a number.
    let bullet: UInt8
    /// `.` or `)`; 0 for a bullet.
    let delimiter: UInt8

    /// Items join one list only with the same bullet or the same delimiter.
    func continuesList(of other: ListMarker) -> Bool { bullet == other.bullet && delimiter == other.delimiter }
}
