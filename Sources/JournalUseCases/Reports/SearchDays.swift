import Glibc
import JournalModel
import JournalStore

/// `journal search`: tasks and notes across the days, newest first, with their day.
public struct SearchHit: Equatable {
    public enum Kind: String, Sendable { case task, note }

    public let kind: Kind
    public let date: String
    /// 1-based line in the day's file.
    public let line: Int
    public let text: String
    /// For a task: its id and state.
    public let id: String?
    public let state: TaskState?
}

public struct SearchQuery: Sendable {
    /// Every word must appear in the text, in any case.
    public var words: [String]
    public var tag: String?
    public var person: String?
    /// Only tasks in one of these states; notes are left out.
    public var states: Set<TaskState>?
    public var since: Day?
    public var until: Day?
    /// Only tasks due before this day (`📅`); notes are left out.
    public var dueBefore: Day?
    /// Only tasks of this priority; notes are left out.
    public var priority: TaskPriority?
    /// The ASCII words, `#tag` and `@person` a day's bytes must hold, lowercased.
    private let needles: [[UInt8]]

    public init(words: [String], tag: String? = nil, person: String? = nil, states: Set<TaskState>? = nil, since: Day? = nil, until: Day? = nil) {
        self.words = words.map { $0.lowercased() }
        self.tag = tag.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        self.person = person.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        self.states = states
        self.since = since
        self.until = until
        needles = (self.words + [self.tag.map { "#" + $0 }, self.person.map { "@" + $0 }].compactMap { $0 }.map { $0.lowercased() })
            .filter { $0.allSatisfy(\.isASCII) && !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// Whether a task's fields pass the filters on them: asked of the newest copy of a task only,
    /// whose fields are the task's (an older `[>]` record keeps the ones it was carried with).
    func admitsFields(of task: TaskLine) -> Bool {
        guard dueBefore != nil || priority != nil else { return true }
        let fields = task.fields
        if let dueBefore, !(fields.due.map { $0 < dueBefore } ?? false) { return false }
        return priority.map { fields.priority == $0 } ?? true
    }

    /// Notes have no state or fields: a filter on those leaves them out.
    var includesNotes: Bool { states == nil && dueBefore == nil && priority == nil }

    /// Whether a file's bytes can hold a hit at all: every ASCII word, `#tag` and `@person`
    /// somewhere in it, in any case. Most days hold none, and are then never parsed.
    func mayMatch(_ bytes: [UInt8]) -> Bool {
        guard !needles.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { haystack in
            needles.allSatisfy { SearchQuery.contains(haystack, foldedNeedle: $0) }
        }
    }

    /// A byte scan for a lowercase ASCII needle in any case, without copying the haystack (the
    /// generic collection search costs about as much as reading the journal). Candidates are
    /// found with `memchr`, in both cases of the needle's first byte: most of a journal's bytes
    /// are then never looked at one by one.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, foldedNeedle needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count, let base = haystack.baseAddress else { return needle.isEmpty }
        let upper = first &- 97 < 26 ? first & ~0x20 : first
        let last = haystack.count - needle.count
        var nextLower = -1
        var nextUpper = upper == first ? Int.max : -1
        var start = 0
        while start <= last {
            if nextLower < start { nextLower = position(of: first, in: base, from: start, through: last) }
            if nextUpper < start { nextUpper = position(of: upper, in: base, from: start, through: last) }
            let candidate = min(nextLower, nextUpper)
            guard candidate <= last else { return false }
            var offset = 1
            while offset < needle.count && fold(haystack[candidate + offset]) == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
            start = candidate + 1
        }
        return false
    }

    /// Where `byte` is first found from `start` through `last`; `Int.max` when it is not.
    private static func position(of byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, through last: Int) -> Int {
        guard let found = memchr(base + start, Int32(byte), last - start + 1) else { return Int.max }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always) private static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }

    /// `tags`: a task's own and its parents'; nil for a note, whose tags are in its text.
    func matches(_ text: String, tags: [String]? = nil) -> Bool {
        let lowered = text.lowercased()
        return words.allSatisfy(lowered.contains)
            && (tag.map { (tags ?? TaskLine.words(in: text, after: "#")).contains($0) } ?? true)
            && (person.map { TaskLine.words(in: text, after: "@").contains($0) } ?? true)
    }
}

public struct SearchDays {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// A task carried across days is one hit, on the newest day it appears in the period.
    public func run(_ query: SearchQuery) throws -> [SearchHit] {
        var seen: Set<String> = []
        var hits: [SearchHit] = []
        for day in store.workingTreeDays.days(from: query.since, through: query.until).reversed() {
            guard let bytes = try store.files.read(store.layout.path(for: day)), query.mayMatch(bytes) else { continue }
            let file = DayFile(bytes: bytes, words: store.marker.taskWords)
            let headingLine = file.headingLine ?? -1
            let tags = file.tagsWithParents
            for (index, line) in file.lines.enumerated() where index != headingLine {
                if let task = line.task {
                    guard query.states.map({ $0.contains(task.state) }) ?? true, query.matches(task.description, tags: tags[index]),
                          seen.insert(TaskTimeline.key(of: task)).inserted, query.admitsFields(of: task) else { continue }
                    hits.append(SearchHit(kind: .task, date: day.iso, line: index + 1, text: task.text, id: task.id?.value, state: task.state))
                } else if query.includesNotes, query.matches(line.text), !line.text.allSatisfy(\.isWhitespace) {
                    hits.append(SearchHit(kind: .note, date: day.iso, line: index + 1, text: line.text, id: nil, state: nil))
                }
            }
        }
        return hits
    }
}
