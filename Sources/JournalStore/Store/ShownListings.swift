import JournalModel

/// The numbering each day's list had when journal last printed it (`show`, `status`, `new`,
/// `agenda`), so that a number typed afterwards is checked against the task it named then: a
/// task added ahead or removed since must not turn `journal done 1` onto another task.
/// Kept in `.git/journal/shown`, one line a day (`2025-01-22 k7f3q m2d8a -`), for the days
/// printed most recently; losing it costs only the check.
package struct ShownListings: Equatable {
    private static let fileName = "shown"
    private static let daysKept = 31

    /// Each day's ids by number; nil for a task that had no id yet.
    private var listings: [(day: Day, ids: [TaskID?])]

    package static func == (lhs: ShownListings, rhs: ShownListings) -> Bool { lhs.text == rhs.text }

    package static func load(from state: WorkingTree) -> ShownListings {
        let text = (try? state.read(fileName)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let listings = text.split(separator: "\n").compactMap { line -> (Day, [TaskID?])? in
            let words = line.split(separator: " ")
            guard let first = words.first, let day = Day(iso: first) else { return nil }
            return (day, words.dropFirst().map { TaskID(String($0)) })
        }
        return ShownListings(listings: listings)
    }

    package func listing(for day: Day) -> [TaskID?]? { listings.last { $0.day == day }?.ids }

    /// Records `file`'s numbering for `day`, the most recent last; nothing is written when it is
    /// what the record says already.
    package static func record(_ file: DayFile, for day: Day, in state: WorkingTree) {
        let old = load(from: state)
        var new = old
        new.listings.removeAll { $0.day == day }
        new.listings.append((day, file.entries.map(\.task.id)))
        new.listings = Array(new.listings.suffix(daysKept))
        guard new != old else { return }
        try? state.write(Array(new.text.utf8), to: fileName, scratch: state.root, durable: false)
    }

    private var text: String {
        listings.map { ([$0.day.iso] + $0.ids.map { $0?.value ?? "-" }).joined(separator: " ") + "\n" }.joined()
    }
}
