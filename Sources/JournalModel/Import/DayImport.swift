extension DayFile {
    public struct Imported: Equatable {
        public let file: DayFile
        public let added: Int
        /// Tasks whose text the day already had: not added again.
        public let alreadyThere: Int
    }

    /// The day with `list` merged in, without duplicates: a task whose text the day already has is
    /// left out (new subtasks of it go under the day's own copy, after its subtasks), and so is a
    /// note line the day already has. Everything else goes after the day's last line, a blank line
    /// before it, in the order written. Importing the same list twice changes nothing.
    public func importing(_ list: ImportedList) -> Imported {
        let entries = self.entries
        var existingTasks: [String: Entry] = [:]
        for entry in entries where existingTasks[entry.task.text] == nil { existingTasks[entry.task.text] = entry }
        let existingNotes = Set(lines.filter { $0.task == nil }.map { String($0.text.trimmingTrailingWhitespace()) })

        enum Place { case existing(Entry), new(under: Entry?, indent: String) }
        var places: [Int: Place] = [:]
        var atEnd: [String] = []
        var underExisting: [Int: (parent: Entry, lines: [String])] = [:]
        var added = 0
        for (position, line) in list.lines.enumerated() {
            switch line {
            case .note(let text):
                let key = String(text.trimmingTrailingWhitespace())
                if key.isEmpty || !existingNotes.contains(key) { atEnd.append(text) }
            case .task(let imported):
                if let entry = existingTasks[imported.task.text] {
                    places[position] = .existing(entry)
                    continue
                }
                let under: Entry?, indent: String
                switch imported.parent.flatMap({ places[$0] }) {
                case .existing(let parent)?: (under, indent) = (parent, parent.task.childIndent)
                case .new(let parentUnder, let parentIndent)?: (under, indent) = (parentUnder, parentIndent + "  ")
                case nil: (under, indent) = (nil, "")
                }
                places[position] = .new(under: under, indent: indent)
                var task = imported.task
                task.indent = indent
                if let under {
                    underExisting[under.lineIndex, default: (under, [])].lines.append(task.rendered)
                } else {
                    atEnd.append(task.rendered)
                }
                added += 1
            }
        }

        var file = self
        // From the bottom, so that earlier positions stay valid; under one line, the outer
        // parent's tasks first, so that the inner parent's end up right after its own subtasks.
        let insertions = underExisting.values.map { (at: DayFile.endOfSubtree($0.parent, in: entries) + 1, $0) }
            .sorted { ($0.at, -$0.1.parent.lineIndex) > ($1.at, -$1.1.parent.lineIndex) }
        for insertion in insertions { file.insertLines(insertion.1.lines, at: insertion.at) }
        let block = DayFile.withoutExtraBlankLines(atEnd)
        if block.contains(where: { !$0.isEmpty }) {
            let endsBlank = file.lines.last.map { $0.text.allSatisfy(\.isWhitespace) } ?? true
            file.insertLines((endsBlank ? [] : [""]) + block, at: file.lines.count)
        }
        return Imported(file: file, added: added, alreadyThere: list.tasks.count - added)
    }

    /// The line of the last task nested (at any depth) under `entry`, or its own.
    private static func endOfSubtree(_ entry: Entry, in entries: [Entry]) -> Int {
        var last = entry.lineIndex
        for other in entries where other.lineIndex > entry.lineIndex {
            guard other.depth > entry.depth else { break }
            last = other.lineIndex
        }
        return last
    }

    /// No blank line first or last, and never two in a row.
    private static func withoutExtraBlankLines(_ texts: [String]) -> [String] {
        var result: [String] = []
        for text in texts {
            let blank = text.allSatisfy(\.isWhitespace)
            if blank && (result.last?.isEmpty ?? true) { continue }
            result.append(blank ? "" : text)
        }
        if result.last == "" { result.removeLast() }
        return result
    }
}
