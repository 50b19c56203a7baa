import JournalModel
import JournalStore

/// `journal init`: a new journal in an empty folder, or the notes already in a folder (a Git
/// repository of days, an Obsidian vault, a Logseq graph) made a journal in place.
public struct InitializeJournal {
    public struct Outcome {
        public let journal: Journal
        /// False for a new, empty journal.
        public let adopted: Bool
        /// True when the layout was not given but found: the one most Markdown files follow.
        public let layoutFound: Bool
        public let days: Int
        /// Files beside the days, left as they are.
        public let otherFiles: Int
        /// What `journal check` finds in the adopted days.
        public let check: CheckDays.DayCheck?
    }

    let path: String
    let environment: [String: String]

    public init(at path: String, environment: [String: String]) {
        self.path = path
        self.environment = environment
    }

    /// `layout` nil: the standard one for a new journal, the one found for notes; `taskWords` nil:
    /// Logseq's words for a Logseq graph, else GitHub's boxes.
    public func run(layout: DayLayout?, taskWords: TaskWords?, mode: String?) throws -> Outcome {
        guard !FileSystem.isEmptyOrMissing(path) || FileSystem.exists(path + "/.git") else {
            let marker = JournalMarker(layout: layout ?? .standard, taskWords: taskWords ?? .checkboxes)
            let journal = try Journal.create(at: path, environment: environment, mode: mode, marker: marker)
            return Outcome(journal: journal, adopted: false, layoutFound: false, days: 0, otherFiles: 0, check: nil)
        }
        let files = FileSystem.files(below: path.hasSuffix("/") ? path : path + "/") { $0 != ".git" }
        let found = DayLayout.mostFollowed(by: files)?.layout
        if layout == nil, found == nil, files.contains(where: { $0.hasSuffix(".md") }) {
            // Notes whose days follow no known layout: a guess would start a second set of days.
            let known = DayLayout.known.map(\.pattern).joined(separator: ", ")
            throw JournalError.refusedRequest("no Markdown file in \(path) is named as a day in a known layout (\(known)); "
                + "say where its days are with --layout PATTERN, such as --layout 'Journal/YYYY-MM-DD.md'; nothing was changed")
        }
        let chosen = layout ?? found ?? .standard
        let words = taskWords ?? (chosen == .logseq || FileSystem.exists(path + "/logseq/config.edn") ? .logseq : .checkboxes)
        let journal = try Journal.adopt(at: path, environment: environment, marker: JournalMarker(layout: chosen, taskWords: words))
        if let mode { try journal.store(.fileMode, mode) }
        // Counted in what was committed: files a `.gitignore` leaves out were not adopted.
        let journalFiles: Set = [JournalMarker.path, Journal.attributesPath, Journal.ignorePath]
        let committed = try journal.repository.changedPaths(from: nil, to: try journal.repository.headCommit()?.tree())
            .filter { !journalFiles.contains($0) }
        let days = committed.count { chosen.day(at: $0) != nil }
        return Outcome(journal: journal, adopted: true, layoutFound: layout == nil && days > 0, days: days,
                       otherFiles: committed.count - days, check: try CheckDays(journal).run(days: [], changedOnly: false))
    }

}
