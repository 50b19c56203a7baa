/// Lines GitHub reads differently from how they look: a task-shaped line that is code, HTML,
/// part of a paragraph or quoted; a task indented under another that GitHub does not nest
/// there; a code block or HTML block that runs to the end of the file.
enum MarkdownWarnings {
    struct Warning {
        /// 0-based.
        let line: Int
        let message: String
    }

    /// In line order.
    static func find(in file: DayFile) -> [Warning] {
        let outline = file.outline
        let frontMatter = file.frontMatterLines
        var warnings: [Warning] = []
        var previousTask: (line: Int, column: Int)?
        for (index, line) in file.lines.enumerated() where !frontMatter.contains(index) {
            if let unclosed = outline.unclosed, unclosed.line == index {
                warnings.append(Warning(line: index, message: unclosedMessage(unclosed)))
            }
            if let task = line.task {
                let column = line.leadingColumns
                // Indented more than the task above, yet in no list item from that task on.
                let item = outline.items[outline.taskItem(onLine: index)!]
                let enclosingLine = item.parent.map { outline.items[$0].line } ?? -1
                if let previous = previousTask, column > previous.column, enclosingLine < previous.line {
                    warnings.append(Warning(line: index, message: "indented under line \(previous.line + 1), but GitHub does not nest it there: indent it to column \(file.lines[previous.line].task!.contentColumn) to nest it, or not at all"))
                }
                previousTask = (index, column)
                continue
            }
            guard let place = hiddenTaskPlace(line, kind: outline.kinds[index]) else { continue }
            warnings.append(Warning(line: index, message: "shaped like a task, but \(place), so GitHub shows no checkbox and journal keeps it as a note"))
        }
        return warnings
    }

    /// Where a task-shaped line that is not a task sits.
    private static func hiddenTaskPlace(_ line: DayFile.Line, kind: BlockOutline.LineKind) -> String? {
        // Most notes are prose: a look at the first byte spares reading them as tasks.
        guard let first = line.content.first(where: { !Array(" \t>".utf8).contains($0) }),
              Array("-*+0123456789".utf8).contains(first) else { return nil }
        var text = Substring(line.text)
        var quoted = false
        while let first = text.drop(while: { $0 == " " || $0 == "\t" }).first, first == ">" {
            text = text.drop(while: { $0 == " " || $0 == "\t" }).dropFirst()
            quoted = true
        }
        guard TaskLine(line: String(text.drop(while: { $0 == " " }))) != nil else { return nil }
        switch kind {
        case .fencedCode, .indentedCode: return "it is inside a code block"
        case .html: return "it is inside an HTML block"
        case .continuation: return "it continues the paragraph above (a blank line before it makes it a task)"
        default: return quoted ? "it is in a block quote" : "GitHub reads it as text"
        }
    }

    private static func unclosedMessage(_ block: UnclosedBlock) -> String {
        let closing = String(decoding: block.closing, as: UTF8.self)
        let what = block.isFence ? "a code block" : "an HTML block"
        return "\(what) opens here and is never closed, so GitHub takes the rest of the file into it; end it with '\(closing)'"
    }
}
