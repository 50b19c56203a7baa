/// GFM tables (the `table` extension GitHub runs): how many cells a line holds, read as
/// cmark-gfm's `row_from_string` reads it, and whether a line is a delimiter row. A paragraph
/// line followed by a delimiter row with as many cells becomes a table, which then takes every
/// following line that starts no other block, until a blank line.
enum TableRow {
    /// The cells of a row: pipes divide them, `\|` is text; nil for a line that is no row.
    static func cellCount(_ line: MarkdownLine, from start: Int) -> Int? {
        var index = start + pipeAndSpaces(line, at: start)
        var count = 0
        while !MarkdownLine.isLineEnd(line[index]) {
            let cell = cellLength(line, at: index)
            let pipe = pipeAndSpaces(line, at: index + cell)
            if cell > 0 || pipe > 0 { count += 1 }
            index += cell + pipe
            if pipe == 0 {
                while MarkdownLine.isExtensionSpace(line[index]) { index += 1 }
                guard MarkdownLine.isLineEnd(line[index]) else { return nil }
            }
        }
        return count > 0 ? count : nil
    }

    /// `|---|:--:|`, with optional outer pipes: its cell count, or nil.
    static func delimiterCells(_ line: MarkdownLine, at start: Int) -> Int? {
        var index = start
        if line[index] == UInt8(ascii: "|") { index += 1 }
        var cells = 0
        while true {
            while MarkdownLine.isExtensionSpace(line[index]) { index += 1 }
            if line[index] == UInt8(ascii: ":") { index += 1 }
            let dashes = index
            while line[index] == UInt8(ascii: "-") { index += 1 }
            guard index > dashes else { return nil }
            if line[index] == UInt8(ascii: ":") { index += 1 }
            while MarkdownLine.isExtensionSpace(line[index]) { index += 1 }
            cells += 1
            guard line[index] == UInt8(ascii: "|") else { break }
            index += 1
            var next = index
            while MarkdownLine.isExtensionSpace(line[next]) { next += 1 }
            if MarkdownLine.isLineEnd(line[next]) {
                index = next
                break
            }
        }
        return MarkdownLine.isLineEnd(line[index]) ? cellCount(line, from: start) : nil
    }

    /// A run of text and escaped characters up to a pipe or the line's end.
    private static func cellLength(_ line: MarkdownLine, at start: Int) -> Int {
        var index = start
        while true {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), escapable.contains(line[index + 1]) {
                index += 2
            } else if byte == UInt8(ascii: "|") || MarkdownLine.isLineEnd(byte) {
                return index - start
            } else {
                index += 1
            }
        }
    }

    private static func pipeAndSpaces(_ line: MarkdownLine, at start: Int) -> Int {
        guard line[start] == UInt8(ascii: "|") else { return 0 }
        var index = start + 1
        while MarkdownLine.isExtensionSpace(line[index]) { index += 1 }
        return index - start
    }

    private static let escapable = Set(Array("|!\"#$%&'()*+,./:;<=>?@[\\]^_`{}~-".utf8))
}
