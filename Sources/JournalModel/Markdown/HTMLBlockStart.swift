/// The seven kinds of HTML block of CommonMark 0.29 (§4.6), as cmark-gfm's scanners read them:
/// kinds 1 to 5 end at a line holding their closing text, kinds 6 and 7 at a blank line, and
/// kind 7 cannot interrupt a paragraph.
enum HTMLBlockStart {
    static func kind(_ line: MarkdownLine, at start: Int, interruptsParagraph: Bool) -> Int {
        guard line[start] == UInt8(ascii: "<") else { return 0 }
        let rest = Array(line.suffix(from: start + 1))
        if startsWithName(rest, among: ["script", "pre", "style"], endedBy: isSpaceOrClose) { return 1 }
        if rest.starts(with: Array("!--".utf8)) { return 2 }
        if rest.first == UInt8(ascii: "?") { return 3 }
        if rest.count >= 2, rest[0] == UInt8(ascii: "!"), (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(rest[1]) { return 4 }
        if rest.count >= 8, zip(rest, "![cdata[".utf8).allSatisfy({ lowercased($0) == $1 }) { return 5 }
        let name = rest.first == UInt8(ascii: "/") ? Array(rest.dropFirst()) : rest
        if startsWithName(name, among: blockTagNames, endedBy: isSpaceOrTagEnd) { return 6 }
        if !interruptsParagraph, TagScanner(line, at: start + 1).isCompleteTagAlone { return 7 }
        return 0
    }

    /// Whether a line (from the block's start, or from where the line's text begins) closes a
    /// block of kind 1 to 5.
    static func ends(kind: Int, _ bytes: ArraySlice<UInt8>) -> Bool {
        switch kind {
        case 1: return ["</script>", "</pre>", "</style>"].contains { contains(bytes, $0, caseInsensitive: true) }
        case 2: return contains(bytes, "-->", caseInsensitive: false)
        case 3: return contains(bytes, "?>", caseInsensitive: false)
        case 4: return bytes.contains(UInt8(ascii: ">"))
        case 5: return contains(bytes, "]]>", caseInsensitive: false)
        default: return false
        }
    }

    /// The text that ends a block of kind 1 to 5.
    enum Closing: String {
        case none = "", script = "</script>", pre = "</pre>", style = "</style>"
        case comment = "-->", instruction = "?>", declaration = ">", cdata = "]]>"
    }

    /// What ends a block of `kind` that `opening` opens at its first non-space.
    static func closing(kind: Int, opening: MarkdownLine) -> Closing {
        switch kind {
        case 1:
            let rest = opening.suffix(from: opening.firstNonspace + 1)
            let tag = [Closing.script, .pre, .style].first { closing in
                let name = closing.rawValue.utf8.dropFirst(2).dropLast()
                return rest.count >= name.count && zip(rest, name).allSatisfy { lowercased($0) == $1 }
            }
            return tag ?? .pre
        case 2: return .comment
        case 3: return .instruction
        case 4: return .declaration
        case 5: return .cdata
        default: return .none
        }
    }

    static let blockTagNames = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "section", "source", "title", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "track", "ul",
    ]

    /// Whether the bytes start with one of `names` (case-insensitively) and `ended` accepts what follows.
    private static func startsWithName(_ bytes: [UInt8], among names: [String], endedBy ended: ([UInt8]) -> Bool) -> Bool {
        names.contains { name in
            let name = Array(name.utf8)
            guard bytes.count >= name.count, zip(bytes, name).allSatisfy({ lowercased($0) == $1 }) else { return false }
            return ended(Array(bytes[name.count...]))
        }
    }

    private static func isSpaceOrClose(_ after: [UInt8]) -> Bool {
        guard let next = after.first else { return true }
        return MarkdownLine.isSpace(next) || next == UInt8(ascii: ">")
    }

    private static func isSpaceOrTagEnd(_ after: [UInt8]) -> Bool {
        guard let next = after.first else { return true }
        if MarkdownLine.isSpace(next) || next == UInt8(ascii: ">") { return true }
        return next == UInt8(ascii: "/") && after.dropFirst().first == UInt8(ascii: ">")
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ text: String, caseInsensitive: Bool) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while index <= bytes.endIndex - needle.count {
            var matches = true
            for (offset, byte) in needle.enumerated() {
                let found = bytes[index + offset]
                if (caseInsensitive ? lowercased(found) : found) != byte { matches = false; break }
            }
            if matches { return true }
            index += 1
        }
        return false
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
