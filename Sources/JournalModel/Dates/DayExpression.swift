/// The ways a user names a day on the command line.
public enum DayExpression {
    public static let accepted = "today, yesterday, tomorrow, YYYY-MM-DD from 1900-01-01 to 2999-12-31, -N or +N days, a weekday (the most recent one), 'next WEEKDAY' or 'last WEEKDAY'"

    /// `ahead`: a weekday alone names the coming one (today or later), as a due date means it.
    public static func resolve(_ text: String, today: Day, ahead: Bool = false) throws -> Day {
        let words = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        if ahead, words.count == 1, let weekday = Weekday(rawValue: String(words[0])) {
            return today.adding(days: (weekday.index - today.weekday.index + 7) % 7) ?? today
        }
        guard let day = resolve(words, today: today) else {
            throw InvalidDate(text, accepted: accepted)
        }
        return day
    }

    private static func resolve(_ words: [Substring], today: Day) -> Day? {
        switch words.count {
        case 1:
            let word = words[0]
            switch word {
            case "today": return today
            case "yesterday": return today.adding(days: -1)
            case "tomorrow": return today.adding(days: 1)
            default: break
            }
            if let day = Day(iso: word) { return day }
            if let first = word.first, first == "+" || first == "-" || first == "\u{2212}", let offset = Int(word.dropFirst()), word.count <= 7 {
                return today.adding(days: first == "+" ? offset : -offset)
            }
            if let weekday = Weekday(rawValue: String(word)) {
                let back = (today.weekday.index - weekday.index + 7) % 7
                return today.adding(days: -back)
            }
        case 2 where words[0] == "next" || words[0] == "last":
            guard let weekday = Weekday(rawValue: String(words[1])) else { return nil }
            if words[0] == "next" {
                let ahead = (weekday.index - today.weekday.index + 7) % 7
                return today.adding(days: ahead == 0 ? 7 : ahead)
            }
            let back = (today.weekday.index - weekday.index + 7) % 7
            return today.adding(days: back == 0 ? -7 : -back)
        default:
            break
        }
        return nil
    }
}

extension Weekday {
    package var index: Int { Weekday.allCases.firstIndex(of: self)! }
}
