/// A date as people write it in notes: `2025-01-15`, `January 15, 2025`, `Jan. 15th 2025`,
/// `15 January 2025`, `15th of Jan 2025`, with or without a weekday around it.
package enum WrittenDate {
    /// The first date in `text`, or nil when it holds none.
    package static func first(in text: some StringProtocol) -> Day? {
        let tokens = Token.split(text)
        for start in tokens.indices {
            for pattern in [yearMonthDay, monthDayYear, dayMonthYear] {
                var reader = Reader(tokens: tokens[start...])
                if let day = pattern(&reader) { return day }
            }
        }
        return nil
    }

    private static func yearMonthDay(_ reader: inout Reader) -> Day? {
        guard let year = reader.number(digits: 4...4), let separator = reader.mark(in: ["-", "/", "."]),
              let month = reader.number(digits: 1...2), reader.mark(in: [separator]) != nil,
              let day = reader.number(digits: 1...2) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func monthDayYear(_ reader: inout Reader) -> Day? {
        guard let month = reader.month() else { return nil }
        reader.skip(mark: ".")
        guard let day = reader.number(digits: 1...2) else { return nil }
        reader.skipOrdinalSuffix()
        reader.skip(mark: ",")
        guard let year = reader.number(digits: 4...4) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func dayMonthYear(_ reader: inout Reader) -> Day? {
        guard let day = reader.number(digits: 1...2) else { return nil }
        reader.skipOrdinalSuffix()
        reader.skip(word: "of")
        guard let month = reader.month() else { return nil }
        reader.skip(mark: ".")
        reader.skip(mark: ",")
        guard let year = reader.number(digits: 4...4) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case mark(Character)

        /// Runs of digits, runs of letters (lowercased) and single punctuation marks; white space
        /// only separates.
        static func split(_ text: some StringProtocol) -> [Token] {
            var tokens: [Token] = []
            var index = text.startIndex
            while index < text.endIndex {
                let character = text[index]
                if character.isWhitespace {
                    index = text.index(after: index)
                } else if character.isASCIIDigit || character.isLetter {
                    let isDigits = character.isASCIIDigit
                    let end = text[index...].firstIndex { isDigits ? !$0.isASCIIDigit : !$0.isLetter } ?? text.endIndex
                    let run = text[index..<end]
                    tokens.append(isDigits ? .number(Int(run) ?? -1, digits: run.count) : .word(run.lowercased()))
                    index = end
                } else {
                    tokens.append(.mark(character))
                    index = text.index(after: index)
                }
            }
            return tokens
        }
    }

    private struct Reader {
        var tokens: ArraySlice<Token>

        mutating func number(digits: ClosedRange<Int>) -> Int? {
            guard case .number(let value, let count)? = tokens.first, digits.contains(count) else { return nil }
            tokens = tokens.dropFirst()
            return value
        }

        mutating func mark(in marks: Set<Character>) -> Character? {
            guard case .mark(let mark)? = tokens.first, marks.contains(mark) else { return nil }
            tokens = tokens.dropFirst()
            return mark
        }

        mutating func month() -> Int? {
            guard case .word(let word)? = tokens.first, let month = WrittenDate.month(named: word) else { return nil }
            tokens = tokens.dropFirst()
            return month
        }

        mutating func skip(mark: Character) { _ = self.mark(in: [mark]) }

        mutating func skip(word: String) {
            if tokens.first == .word(word) { tokens = tokens.dropFirst() }
        }

        mutating func skipOrdinalSuffix() {
            for suffix in ["st", "nd", "rd", "th"] { skip(word: suffix) }
        }
    }

    private static let months = monthNames.map { $0.lowercased() }

    /// 1 to 12 for a month's English name or its abbreviation of three letters or more (`sept`).
    private static func month(named word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isNumber }
}
