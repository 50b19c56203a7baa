/// The day a Markdown file written elsewhere is about, read from the file itself.
public enum ImportDate {
    /// The date of a `Date:` line (`**Date:** January 15, 2025`, `date: 2025-01-15` in front
    /// matter), else the first date in the first heading, else in the file's name; nil if none.
    public static func find(in text: String, fileName: String) -> Day? {
        let lines = text.split(whereSeparator: \.isNewline)
        for line in lines {
            if let value = dateField(line), let day = WrittenDate.first(in: value) { return day }
        }
        if let heading = lines.first(where: { $0.drop(while: \.isWhitespace).hasPrefix("#") }),
           let day = WrittenDate.first(in: heading) {
            return day
        }
        return WrittenDate.first(in: fileName)
    }

    /// What follows `Date:` on a line that starts with it, emphasis and a list bullet aside.
    private static func dateField(_ line: Substring) -> Substring? {
        var plain = Substring(line.filter { $0 != "*" && $0 != "_" }).drop(while: \.isWhitespace)
        if plain.hasPrefix("- ") { plain = plain.dropFirst(2).drop(while: \.isWhitespace) }
        guard plain.lowercased().hasPrefix("date:") else { return nil }
        return plain.dropFirst(5)
    }
}
