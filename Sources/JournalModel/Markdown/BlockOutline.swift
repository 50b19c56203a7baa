/// The block structure of a Markdown file as GitHub reads it: which lines open list items, what
/// each item holds, and where every other line's text went (code, HTML, a paragraph).
///
/// It is CommonMark 0.29's block parsing (spec §§4–5, appendix "A parsing strategy") as
/// cmark-gfm implements it, line by line over open blocks, without inline parsing: the tests
/// hold it to `cmark-gfm --extension tasklist` on thousands of inputs.
public struct BlockOutline: Sendable {
    public struct Item: Sendable {
        /// 0-based line the item's marker is on.
        public let line: Int
        /// The enclosing list item, if any, as an index into `items`.
        public let parent: Int?
        /// The last line with text that belongs to the item (its own lines and nested blocks).
        public internal(set) var lastLine: Int
        let markerOffset: Int
        let padding: Int
    }

    /// Where a line's text went: `paragraph` opens one, `continuation` goes on with one (lazily
    /// or not); `other` is a heading, a rule, a table row, or a task's box alone.
    public enum LineKind: UInt8, Sendable {
        case blank, paragraph, continuation, fencedCode, indentedCode, html, other
    }

    public private(set) var items: [Item] = []
    /// For each line, the task-list item it opens, as an index into `items`; -1 elsewhere.
    private var taskItemOnLine: [Int32]
    public private(set) var kinds: [LineKind]
    /// A code fence or an HTML block still open at the end of the file, which takes in any
    /// line added after it.
    public private(set) var unclosed: UnclosedBlock?

    private var open: [Block] = [Block(kind: .document)]
    /// Whether the open paragraph holds link reference definitions alone so far.
    private var paragraphHoldsReferencesOnly = false
    /// The open paragraph's last line and where its text starts: a delimiter row must have
    /// as many cells.
    private var paragraphLastLine: (line: MarkdownLine, start: Int)?

    /// True where a list item whose text starts with one of Logseq's task words is a task too.
    private let readsLogseqWords: Bool

    /// `line(i)` gives line i's content and the first byte of its ending (`\n` for none).
    public init(count: Int, words: TaskWords = .checkboxes, line: (Int) -> (content: ArraySlice<UInt8>, ending: UInt8)) {
        readsLogseqWords = words == .logseq
        taskItemOnLine = Array(repeating: -1, count: count)
        kinds = Array(repeating: .blank, count: count)
        for index in 0..<count {
            let (content, ending) = line(index)
            var reader = LineReader(number: index, line: MarkdownLine(content, ending: ending))
            // Blocks start after a byte-order mark; a task's box is looked for before it, so
            // none is found on such a line (as cmark-gfm does).
            if index == 0, content.starts(with: [0xEF, 0xBB, 0xBF]) { reader.line.skipByteOrderMark() }
            readLine(&reader)
        }
        unclosed = open.lazy.compactMap(\.unclosed).last
    }

    /// The task-list item that opens on the line, as an index into `items`.
    public func taskItem(onLine line: Int) -> Int? {
        taskItemOnLine[line] >= 0 ? Int(taskItemOnLine[line]) : nil
    }

    /// The nearest item around `item` that `isWanted` accepts.
    public func nearestAncestor(of item: Int, where isWanted: (Int) -> Bool) -> Int? {
        var ancestor = items[item].parent
        while let candidate = ancestor, !isWanted(candidate) { ancestor = items[candidate].parent }
        return ancestor
    }

    private mutating func readLine(_ reader: inout LineReader) {
        guard let lastMatched = continueOpenBlocks(&reader) else {
            finishLine(reader.number, kind: .fencedCode)
            return
        }
        let tipWasParagraph = open.last?.kind == .paragraph
        openNewBlocks(&reader, lastMatched: lastMatched, maybeLazy: tipWasParagraph)
        let kind = addText(&reader, lastMatched: lastMatched)
        if let item = reader.taskItem {
            taskItemOnLine[reader.number] = Int32(item)
            finishLine(reader.number, kind: kind == .blank ? .other : kind)
        } else {
            finishLine(reader.number, kind: kind)
        }
    }

    private mutating func finishLine(_ number: Int, kind: LineKind) {
        kinds[number] = kind
        guard kind != .blank else { return }
        for block in open { if case .item(let index) = block.kind { items[index].lastLine = number } }
    }

    // MARK: Continuing the blocks open from the lines above

    /// The index in `open` of the last block this line continues; nil when the line closed a fence.
    private mutating func continueOpenBlocks(_ reader: inout LineReader) -> Int? {
        var line = reader.line
        defer { reader.line = line }
        for index in open.indices.dropFirst() {
            line.findFirstNonspace()
            switch open[index].kind {
            case .document, .list, .singleLine:
                continue
            case .quote:
                guard line.indent <= 3, line.first == UInt8(ascii: ">") else { return index - 1 }
                line.advance(line.indent + 1, columns: true)
                if MarkdownLine.isSpaceOrTab(line[line.offset]) { line.advance(1, columns: true) }
            case .item(let item):
                let width = items[item].markerOffset + items[item].padding
                if line.indent >= width {
                    line.advance(width, columns: true)
                } else if line.isBlank && open[index].hasChildren {
                    line.advanceToFirstNonspace()
                } else {
                    return index - 1
                }
            case .fence(let fence):
                if line.indent <= 3, line.first == fence.character,
                   BlockStarts.closingFence(line, at: line.firstNonspace) >= fence.length {
                    open.removeSubrange(index...)
                    return nil
                }
                var spaces = fence.offset
                while spaces > 0, MarkdownLine.isSpaceOrTab(line[line.offset]) {
                    line.advance(1, columns: true)
                    spaces -= 1
                }
            case .indentedCode:
                if line.isIndentedCode {
                    line.advance(4, columns: true)
                } else if line.isBlank {
                    line.advanceToFirstNonspace()
                } else {
                    return index - 1
                }
            case .html(let html):
                if html.kind >= 6 && line.isBlank { return index - 1 }
            case .paragraph:
                if line.isBlank { return index - 1 }
            case .table:
                if TableRow.cellCount(line, from: line.firstNonspace) == nil { return index - 1 }
            }
        }
        reader.allMatched = true
        return open.count - 1
    }

    // MARK: Opening the blocks this line starts

    private mutating func openNewBlocks(_ reader: inout LineReader, lastMatched: Int, maybeLazy: Bool) {
        var maybeLazy = maybeLazy
        reader.container = lastMatched
        while !open[reader.container].kind.holdsLinesOnly {
            reader.line.findFirstNonspace()
            guard let opened = openBlock(&reader, maybeLazy: maybeLazy) else {
                if !reader.underlineIsText && !readTable(&reader) { readTaskBox(&reader) }
                break
            }
            if opened.acceptsLines { break }
            maybeLazy = false
        }
    }

    /// GFM's table extension, where no other block starts: a delimiter row turns the paragraph
    /// above into a table, and a table takes a line as a row.
    private mutating func readTable(_ reader: inout LineReader) -> Bool {
        let line = reader.line
        guard !line.isIndentedCode else { return false }
        switch open[reader.container].kind {
        case .paragraph:
            guard let cells = TableRow.delimiterCells(line, at: line.firstNonspace), let header = paragraphLastLine,
                  cells == TableRow.cellCount(header.line, from: header.start) else { return false }
            open[reader.container] = Block(kind: .table)
        case .table:
            guard !line.isBlank else { return false }
        default:
            return false
        }
        reader.line.advanceToEnd()
        reader.settled = .other
        return true
    }

    /// GFM's task-list extension, where no other block starts: the item the line is in is a
    /// task when the whole line reads as a task item, and its box is not part of its text
    /// (so an item with a box alone has no paragraph).
    private mutating func readTaskBox(_ reader: inout LineReader) {
        guard let item = open[reader.container].kind.itemIndex else { return }
        if BlockStarts.taskItem(reader.line) {
            reader.line.advance(3, columns: false)
            if items[item].line == reader.number { reader.taskItem = item }
        } else if readsLogseqWords, items[item].line == reader.number, BlockStarts.logseqTaskItem(reader.line) {
            // The word is the paragraph's first word, not a box: the item reads as before.
            reader.taskItem = item
        }
    }

    /// Opens the block the line starts at its first non-space, if any; the kind opened.
    private mutating func openBlock(_ reader: inout LineReader, maybeLazy: Bool) -> Block.Kind? {
        let line = reader.line
        let start = line.firstNonspace
        let containerKind = open[reader.container].kind
        let isParagraph = containerKind == .paragraph
        guard !line.isIndentedCode else {
            guard !maybeLazy, !line.isBlank else { return nil }
            reader.line.advance(4, columns: true)
            return add(.indentedCode, &reader)
        }
        if line.first == UInt8(ascii: ">") {
            reader.line.advance(start + 1 - line.offset, columns: false)
            if MarkdownLine.isSpaceOrTab(reader.line[reader.line.offset]) { reader.line.advance(1, columns: true) }
            return add(.quote, &reader)
        }
        if BlockStarts.atxHeading(line, at: start) {
            reader.settled = .other
            return add(.singleLine, &reader)
        }
        let fenceLength = BlockStarts.openingFence(line, at: start)
        if fenceLength > 0 {
            let fence = Fence(character: line.first, length: fenceLength, offset: start - line.offset, line: reader.number)
            reader.line.advance(start + fenceLength - line.offset, columns: false)
            return add(.fence(fence), &reader)
        }
        let html = HTMLBlockStart.kind(line, at: start, interruptsParagraph: isParagraph)
        if html > 0 {
            let closing = HTMLBlockStart.closing(kind: html, opening: line)
            return add(.html(HTMLBlock(kind: html, line: reader.number, closing: closing)), &reader)
        }
        if isParagraph && BlockStarts.setextUnderline(line, at: start) {
            // cmark then adds the underline to the paragraph as text, trying nothing else.
            if paragraphHoldsReferencesOnly {
                reader.underlineIsText = true
                return nil
            }
            open.removeLast()
            reader.container = open.count - 1
            reader.line.advanceToEnd()
            reader.settled = .other
            return .singleLine
        }
        if !(isParagraph && !reader.allMatched) && BlockStarts.thematicBreak(line, at: start) {
            reader.line.advanceToEnd()
            _ = add(.singleLine, &reader)
            reader.settled = .other
            return .singleLine
        }
        if let marker = BlockStarts.listMarker(line, at: start, interruptsParagraph: isParagraph) {
            return openItem(marker, &reader)
        }
        return nil
    }

    private mutating func openItem(_ marker: ListMarker, _ reader: inout LineReader) -> Block.Kind {
        let markerOffset = reader.line.indent
        reader.line.advance(reader.line.firstNonspace + marker.length - reader.line.offset, columns: false)
        let afterMarker = reader.line.position
        var spaces = 0
        while spaces <= 5, MarkdownLine.isSpaceOrTab(reader.line[reader.line.offset]) {
            reader.line.advance(1, columns: true)
            spaces = reader.line.column - afterMarker.column
        }
        var padding = marker.length + spaces
        if spaces >= 5 || spaces < 1 || MarkdownLine.isLineEnd(reader.line[reader.line.offset]) {
            padding = marker.length + 1
            reader.line.restore(afterMarker)
            if spaces > 0 { reader.line.advance(1, columns: true) }
        }
        if case .list(let list) = open[reader.container].kind, marker.continuesList(of: list) {} else {
            _ = add(.list(marker), &reader)
        }
        let parent = open[...reader.container].last { $0.kind.isItem }?.kind.itemIndex
        items.append(Item(line: reader.number, parent: parent, lastLine: reader.number, markerOffset: markerOffset, padding: padding))
        return add(.item(items.count - 1), &reader)
    }

    /// Adds a block under the container, closing what cannot hold it and what the line did not continue.
    private mutating func add(_ kind: Block.Kind, _ reader: inout LineReader) -> Block.Kind {
        open.removeSubrange((reader.container + 1)...)
        while !open[open.count - 1].kind.canContain(kind) { open.removeLast() }
        open[open.count - 1].hasChildren = true
        if kind.staysOpen { open.append(Block(kind: kind)) }
        reader.container = open.count - 1
        return kind
    }

    // MARK: The line's text

    /// Notes what a paragraph line (from `start`, where cmark takes its text from) means for a
    /// heading underline or a table delimiter row after it.
    private mutating func continueParagraph(_ line: MarkdownLine, from start: Int) -> LineKind {
        paragraphHoldsReferencesOnly = paragraphHoldsReferencesOnly && BlockStarts.linkReferenceDefinition(line, at: line.firstNonspace)
        paragraphLastLine = (line, start)
        return .continuation
    }

    private mutating func addText(_ reader: inout LineReader, lastMatched: Int) -> LineKind {
        if let settled = reader.settled { return settled }
        reader.line.findFirstNonspace()
        let isLazy = reader.container == lastMatched && open.count - 1 != lastMatched
            && open.last?.kind == .paragraph && !reader.line.isBlank
        if isLazy { return continueParagraph(reader.line, from: reader.line.offset) }
        open.removeSubrange((reader.container + 1)...)
        switch open[reader.container].kind {
        case .fence:
            return .fencedCode
        case .indentedCode:
            return .indentedCode
        case .html(let html):
            if html.kind <= 5, HTMLBlockStart.ends(kind: html.kind, reader.line.suffix(from: reader.line.firstNonspace)) {
                open.removeLast()
            }
            return .html
        case _ where reader.line.isBlank:
            return .blank
        case .paragraph:
            return continueParagraph(reader.line, from: reader.line.firstNonspace)
        default:
            _ = add(.paragraph, &reader)
            paragraphHoldsReferencesOnly = true
            _ = continueParagraph(reader.line, from: reader.line.firstNonspace)
            return .paragraph
        }
    }
}

/// What one line's reading carries from step to step.
private struct LineReader {
    let number: Int
    var line: MarkdownLine
    var allMatched = false
    /// The index in `open` of the block new blocks go under.
    var container = 0
    /// The task-list item this line opened.
    var taskItem: Int?
    /// The line's kind when a block start took the whole line (a rule, a heading's underline).
    var settled: BlockOutline.LineKind?
    /// An underline under link reference definitions alone: paragraph text, and nothing more is tried.
    var underlineIsText = false
}

/// A block that runs to the end of the file unless a line closes it.
public struct UnclosedBlock: Sendable, Equatable {
    /// 0-based line the block opens on.
    public let line: Int
    public let isFence: Bool
    /// A line that closes it: the fence again, or the HTML block's closing text.
    public let closing: [UInt8]
}

private struct HTMLBlock: Equatable {
    let kind: Int
    let line: Int
    /// What ends a block of kind 1 to 5 (a plain value: blocks are copied on every line).
    let closing: HTMLBlockStart.Closing
}

private struct Fence: Equatable {
    let character: UInt8
    let length: Int
    /// Spaces before the opening fence, which each content line may drop.
    let offset: Int
    let line: Int
}

private struct Block {
    enum Kind: Equatable {
        case document, quote, list(ListMarker), item(Int), paragraph, singleLine, fence(Fence), indentedCode, html(HTMLBlock), table

        /// Code and HTML take every line given to them as it is.
        var holdsLinesOnly: Bool {
            switch self {
            case .fence, .indentedCode, .html: return true
            default: return false
            }
        }

        var acceptsLines: Bool {
            switch self {
            case .paragraph, .singleLine, .table, .fence, .indentedCode, .html: return true
            default: return false
            }
        }

        /// A heading or a rule (`singleLine`) is complete on its line.
        var staysOpen: Bool { self != .singleLine }

        var isItem: Bool { itemIndex != nil }

        var itemIndex: Int? {
            if case .item(let index) = self { return index }
            return nil
        }

        func canContain(_ child: Kind) -> Bool {
            switch self {
            case .document, .quote, .item: return !child.isItem
            case .list: return child.isItem
            default: return false
            }
        }
    }

    let kind: Kind
    var hasChildren = false

    var unclosed: UnclosedBlock? {
        switch kind {
        case .fence(let fence):
            return UnclosedBlock(line: fence.line, isFence: true, closing: Array(repeating: fence.character, count: fence.length))
        case .html(let html) where html.kind <= 5:
            return UnclosedBlock(line: html.line, isFence: false, closing: Array(html.closing.rawValue.utf8))
        default:
            return nil
        }
    }
}
