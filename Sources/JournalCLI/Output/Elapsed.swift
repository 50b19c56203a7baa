import JournalModel

/// A length of time as a message says it: `40 seconds`, `12 minutes`, `3 hours`, `2 days`.
enum Elapsed {
    static func words(seconds: Int64) -> String {
        let units: [(Int64, String)] = [(86_400, "day"), (3600, "hour"), (60, "minute")]
        guard let (size, name) = units.first(where: { seconds >= $0.0 }) else { return counted(Int(max(0, seconds)), "second") }
        return counted(Int(seconds / size), name)
    }
}
