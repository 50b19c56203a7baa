/// Where a day lives inside the journal repository: `YYYY/MM/YYYY-MM-DD.md`.
public enum DayPath {
    public static func path(for day: Day) -> String {
        let iso = day.iso
        return "\(iso.prefix(4))/\(iso.dropFirst(5).prefix(2))/\(iso).md"
    }

    /// A path under a year's folder (`2025/…`), where only day files belong.
    public static func isInDayFolder(_ path: String) -> Bool {
        guard let first = path.split(separator: "/").first, path.contains("/") else { return false }
        return first.count == 4 && first.allSatisfy(\.isNumber)
    }

    /// The day a repository path names, or nil when it is not a day path.
    public static func day(at path: String) -> Day? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasSuffix(".md"), let day = Day(iso: parts[2].dropLast(3)),
              path == self.path(for: day) else { return nil }
        return day
    }
}
