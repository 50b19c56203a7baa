import JournalModel

/// The task merge on three files cut from one input at the ASCII record separator (0x1E):
/// base, ours, theirs. With fewer cuts there is no base, and ours stands for what is missing.
enum MergeProperties {
    static let separator: UInt8 = 0x1E

    static func check(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: separator, maxSplits: 2, omittingEmptySubsequences: false).map { DayFile(bytes: Array($0)) }
        let (base, ours, theirs) = parts.count == 3 ? (parts[0], parts[1], parts[2]) : (nil, parts[0], parts.last!)
        checkNothingLost(base: base, ours: ours, theirs: theirs)
        require(DayMerge.merge(base: base, ours: ours, theirs: ours).file.bytes == ours.bytes,
                "merging a file with an identical copy changed it")
        if let base {
            require(DayMerge.merge(base: base, ours: ours, theirs: base).file.bytes == ours.bytes,
                    "merging with a side that changed nothing changed ours")
        }
    }

    /// Every task on either side is in the merged file as written to disk, unless one side
    /// deleted it and the other left it as it was, or the other side's lines put it inside code
    /// or HTML (an unclosed fence above it), where it stays as a line, or it is an occurrence of
    /// a template task the merged file has another occurrence of (the same occurrence, which
    /// both sides added); and no conflict marker appears that neither side wrote.
    private static func checkNothingLost(base: DayFile?, ours: DayFile, theirs: DayFile) {
        let merged = DayFile(bytes: DayMerge.merge(base: base, ours: ours, theirs: theirs).file.bytes)
        let mergedIDs = Set(merged.tasks.compactMap(\.id))
        // Read as a task line wherever it stands: a task both sides changed is written anew.
        let hiddenIDs = Set(merged.lines.indices.filter { [.fencedCode, .indentedCode, .html].contains(merged.outline.kinds[$0]) }
            .compactMap { TaskLine(line: merged.lines[$0].text)?.id })
        let mergedOccurrences = Set(merged.tasks.compactMap(\.occurrenceOf))
        for id in Set(ours.tasks.compactMap(\.id)).union(theirs.tasks.compactMap(\.id)) where !mergedIDs.contains(id) && !hiddenIDs.contains(id) {
            let templateTask = (ours.tasks + theirs.tasks).first { $0.id == id }?.occurrenceOf
            if let templateTask, mergedOccurrences.contains(templateTask) { continue }
            require(deletedOnOneSide(id, base: base, ours: ours, theirs: theirs), "the merge lost task ^\(id)")
        }
        let written = Set(([base].compactMap { $0 } + [ours, theirs]).flatMap { $0.lines.map(\.content) })
        for line in merged.lines where conflictMarkers.contains(where: line.content.starts(with:)) {
            require(written.contains(line.content), "the merge wrote a conflict marker")
        }
    }

    /// Copies of a task (one id twice in a file) are matched in order, so "left as it was" means
    /// each copy as the same copy was in base.
    private static func deletedOnOneSide(_ id: TaskID, base: DayFile?, ours: DayFile, theirs: DayFile) -> Bool {
        func copies(in file: DayFile) -> [[UInt8]] { file.lines.filter { $0.task?.id == id }.map(\.content) }
        guard let base else { return false }
        let original = copies(in: base)
        let kept = [copies(in: ours), copies(in: theirs)]
        let unchanged = { (side: [[UInt8]]) in side.indices.allSatisfy { $0 < original.count && side[$0] == original[$0] } }
        return kept.contains { $0.isEmpty } && kept.allSatisfy(unchanged)
    }

    private static let conflictMarkers = ["<<<<<<<", "=======", ">>>>>>>"].map { Array($0.utf8) }
}
