/// One line as CommonMark's block parser walks it: a byte offset and a column, where a tab
/// advances to the next multiple of four and may be consumed in part.
/// It follows cmark-gfm's `S_find_first_nonspace` and `S_advance_offset`, the reference GitHub runs.
struct MarkdownLine {
    /// The line's content, indexed from 0 by the subscript below.
    let bytes: ArraySlice<UInt8>
    /// What a look past the content sees: the line's own ending (`\n` or `\r`), as cmark does.
    let end: UInt8
    private(set) var offset = 0
    private(set) var column = 0
    private(set) var firstNonspace = 0
    private(set) var firstNonspaceColumn = 0
    private var partiallyConsumedTab = false

    init(_ bytes: ArraySlice<UInt8>, ending: UInt8) {
        self.bytes = bytes
        end = ending
    }

    var count: Int { bytes.count }

    /// The content from `index` on.
    func suffix(from index: Int) -> ArraySlice<UInt8> { bytes[(bytes.startIndex + min(index, count))...] }

    /// The byte at `index`, the line ending past the content. A NUL reads as an ordinary
    /// character: cmark replaces it with U+FFFD before parsing.
    subscript(index: Int) -> UInt8 {
        guard index < bytes.count else { return end }
        let byte = bytes[bytes.startIndex + index]
        return byte == 0 ? 0xEF : byte
    }

    var indent: Int { firstNonspaceColumn - column }
    var isIndentedCode: Bool { indent >= 4 }
    var isBlank: Bool { MarkdownLine.isLineEnd(self[firstNonspace]) }
    var first: UInt8 { self[firstNonspace] }

    mutating func findFirstNonspace() {
        guard firstNonspace <= offset else { return }
        firstNonspace = offset
        firstNonspaceColumn = column
        var charsToTab = 4 - column % 4
        while firstNonspace < bytes.count {
            switch bytes[bytes.startIndex + firstNonspace] {
            case UInt8(ascii: " "):
                firstNonspaceColumn += 1
                charsToTab = charsToTab == 1 ? 4 : charsToTab - 1
            case UInt8(ascii: "\t"):
                firstNonspaceColumn += charsToTab
                charsToTab = 4
            default:
                return
            }
            firstNonspace += 1
        }
    }

    /// Moves on `count` columns (a tab may be split) or `count` bytes.
    mutating func advance(_ count: Int, columns: Bool) {
        var count = count
        while count > 0, offset < bytes.count {
            if bytes[bytes.startIndex + offset] == UInt8(ascii: "\t") {
                let charsToTab = 4 - column % 4
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let step = min(count, charsToTab)
                    column += step
                    if !partiallyConsumedTab { offset += 1 }
                    count -= step
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    /// Past the three bytes of a byte-order mark, which take no column.
    mutating func skipByteOrderMark() { offset = 3 }

    mutating func advanceToFirstNonspace() { advance(firstNonspace - offset, columns: false) }

    mutating func advanceToEnd() { advance(bytes.count - offset, columns: false) }

    /// For a list item whose padding must be undone.
    struct Position { let offset: Int, column: Int, partiallyConsumedTab: Bool }

    var position: Position { Position(offset: offset, column: column, partiallyConsumedTab: partiallyConsumedTab) }

    mutating func restore(_ position: Position) {
        offset = position.offset
        column = position.column
        partiallyConsumedTab = position.partiallyConsumedTab
    }

    /// The column after `byte` (ASCII: the bytes before a line's text are) written at `column`.
    static func column(after column: Int, _ byte: UInt8) -> Int {
        byte == UInt8(ascii: "\t") ? column + 4 - column % 4 : column + 1
    }

    static func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// The `spacechar` of cmark-gfm's extensions (tables, task lists): space, tab, vertical tab, form feed.
    static func isExtensionSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 11 || byte == 12 }

    /// cmark's `cmark_isspace`: space, tab, line endings, vertical tab and form feed.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (9...13).contains(byte) }
}
