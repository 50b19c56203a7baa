/// Where each day lives in the repository: a pattern of `YYYY`, `MM`, `DD` and literal text,
/// such as `YYYY/MM/YYYY-MM-DD.md` (journal's own), `Daily/YYYY-MM-DD.md` (Obsidian's daily
/// notes) or `journals/YYYY_MM_DD.md` (Logseq's). Files that do not match it are notes beside
/// the days, which journal leaves alone.
public struct DayLayout: Equatable, Sendable, CustomStringConvertible {
    public static let standard = try! DayLayout(pattern: "YYYY/MM/YYYY-MM-DD.md")
    public static let obsidian = try! DayLayout(pattern: "Daily/YYYY-MM-DD.md")
    public static let logseq = try! DayLayout(pattern: "journals/YYYY_MM_DD.md")
    public static let flat = try! DayLayout(pattern: "YYYY-MM-DD.md")
    /// The layouts `journal init` looks for in a folder it adopts, the standard one first.
    public static let known = [standard, obsidian, logseq, flat]

    public let pattern: String
    /// Every component of the pattern but the last, then the file name's.
    private let folders: [Component]
    private let file: Component
    /// True when each folder names the date by its larger parts first (a year, then its month):
    /// folders sorted by name are then in the days' order, and a search for the first or the
    /// latest day can stop at the first folder that has one.
    private let foldersRunInOrder: Bool

    public var description: String { pattern }

    /// The pattern says all there is to a layout.
    public static func == (lhs: DayLayout, rhs: DayLayout) -> Bool { lhs.pattern == rhs.pattern }

    public init(pattern: String) throws {
        func refuse(_ reason: String) -> DayLayoutError { DayLayoutError(pattern: pattern, reason: reason) }
        guard pattern.hasSuffix(".md") else { throw refuse("a day file must end in .md") }
        guard !pattern.hasPrefix("/") else { throw refuse("it must be a path inside the journal, not an absolute one") }
        let names = pattern.split(separator: "/", omittingEmptySubsequences: false)
        for name in names {
            if name.isEmpty { throw refuse("it has an empty folder name") }
            if name == "." || name == ".." || name.lowercased() == ".git" { throw refuse("'\(name)' cannot be a folder of the journal") }
        }
        let components = names.map { Component(String($0)) }
        for token in Token.allCases where !components.contains(where: { $0.tokens.contains(token) }) {
            // Without all three, two dates would share one path.
            throw refuse("it has no \(token.rawValue): every day needs a path of its own (use YYYY, MM and DD)")
        }
        guard !components.last!.tokens.isEmpty else { throw refuse("the file name must hold part of the date") }
        self.pattern = pattern
        folders = Array(components.dropLast())
        file = components.last!
        var known: [Token] = []
        var inOrder = true
        for folder in folders {
            known = Token.allCases.filter { known.contains($0) || folder.tokens.contains($0) }
            inOrder = inOrder && known == Array(Token.allCases.prefix(known.count))
        }
        foldersRunInOrder = inOrder
    }

    /// The pattern as a Git attribute's glob: each digit of the date `[0-9]`, a blank
    /// `[[:space:]]` (a blank would end the pattern there), and what a glob reads as more than a
    /// character (`*`, `?`, `[`, `\`, a leading `#` or `!`) escaped.
    public var glob: String {
        (folders + [file]).map { component in
            component.pieces.map { piece in
                switch piece {
                case .text(let text): return DayLayout.escaped(String(decoding: text, as: UTF8.self))
                case .token(let token): return String(repeating: "[0-9]", count: token.width)
                }
            }.joined()
        }.joined(separator: "/")
    }

    private static func escaped(_ text: String) -> String {
        text.map { character in
            if character == " " || character == "\t" { return "[[:space:]]" }
            return "*?[\\#!".contains(character) ? "\\" + String(character) : String(character)
        }.joined()
    }

    /// The known layout that most of `paths` follow, with how many days it finds there; nil
    /// when no path is a day of any of them. A tie goes to the earlier one in `known`.
    public static func mostFollowed(by paths: [String]) -> (layout: DayLayout, days: Int)? {
        let counts = known.map { layout in (layout, paths.count { layout.day(at: $0) != nil }) }
        guard let best = counts.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
        return counts.first { $0.1 == best.1 }
    }

    public func path(for day: Day) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pattern.utf8.count)
        for component in folders {
            component.write(day, into: &bytes)
            bytes.append(UInt8(ascii: "/"))
        }
        file.write(day, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The day a repository path names, or nil when it is not a day file of this layout.
    public func day(at path: String) -> Day? {
        let names = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard names.count == folders.count + 1 else { return nil }
        var parts = DateParts()
        for (index, name) in names.enumerated() {
            guard let matched = (index < folders.count ? folders[index] : file).match(name, adding: parts) else { return nil }
            parts = matched
        }
        // Every token is read at its fixed width, and one read twice must agree: a path that
        // names a valid day is exactly the path of that day.
        return parts.day
    }

    /// True for a path anywhere under a folder that only days belong in, the first one a date
    /// names (`2025/…` in the standard layout, however deep): a file there that is no day is a
    /// mistake, not a note. A layout whose folders name no date has no such folder.
    public func isInDayFolder(_ path: String) -> Bool {
        guard let first = folders.firstIndex(where: { !$0.tokens.isEmpty }) else { return false }
        let names = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast()
        return names.count > first && mayHoldDays(names.prefix(first + 1))
    }

    /// True when days may lie in `folder` or below it (`""`: the top of the journal).
    public func mayHoldDays(inFolder folder: String) -> Bool {
        folder.isEmpty || mayHoldDays(folder.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false))
    }

    private func mayHoldDays<Names: Collection<Substring.UTF8View>>(_ names: Names) -> Bool {
        guard names.count <= folders.count else { return false }
        var parts = DateParts()
        for (component, name) in zip(folders, names) {
            guard let matched = component.match(name, adding: parts) else { return false }
            parts = matched
        }
        return true
    }

    /// The days a tree of folders holds, oldest first, within the bounds when given; `names`
    /// lists a folder (`""` for the top), its subfolders when asked for folders, else its files.
    /// Only folders whose names may hold days in the bounds are listed.
    public func days(from start: Day? = nil, through end: Day? = nil,
                     names: (_ folder: String, _ folders: Bool) throws -> [String]) rethrows -> [Day] {
        var found: [Day] = []
        try walk(Bounds(start: start, end: end), newestFirst: false, limit: nil, names: names, into: &found)
        return found.sorted()
    }

    /// The earliest day, or with `newestFirst` the latest, within the bounds, listing as few
    /// folders as the layout allows.
    public func firstDay(from start: Day? = nil, through end: Day? = nil, newestFirst: Bool,
                         names: (_ folder: String, _ folders: Bool) throws -> [String]) rethrows -> Day? {
        var found: [Day] = []
        let bounds = Bounds(start: start, end: end)
        guard foldersRunInOrder else {
            try walk(bounds, newestFirst: newestFirst, limit: nil, names: names, into: &found)
            return newestFirst ? found.max() : found.min()
        }
        try walk(bounds, newestFirst: newestFirst, limit: 1, names: names, into: &found)
        return found.first
    }

    private func walk(_ bounds: Bounds, newestFirst: Bool, limit: Int?, level: Int = 0, folder: String = "",
                      parts: DateParts = DateParts(), names: (String, Bool) throws -> [String], into found: inout [Day]) rethrows {
        let isFile = level == folders.count
        let component = isFile ? file : folders[level]
        var matches: [(name: String, parts: DateParts)] = try names(folder, !isFile).compactMap { name in
            guard let matched = component.match(Substring(name).utf8, adding: parts), bounds.admit(matched) else { return nil }
            return (name, matched)
        }
        if foldersRunInOrder {
            matches.sort { newestFirst ? $1.parts.key < $0.parts.key : $0.parts.key < $1.parts.key }
        }
        for (name, matched) in matches {
            if isFile {
                guard let day = matched.day else { continue }
                found.append(day)
            } else {
                let path = folder.isEmpty ? name : folder + "/" + name
                try walk(bounds, newestFirst: newestFirst, limit: limit, level: level + 1, folder: path, parts: matched, names: names, into: &found)
            }
            if let limit, found.count >= limit { return }
        }
    }
}

/// A layout pattern journal cannot use.
public struct DayLayoutError: Error, Equatable, CustomStringConvertible {
    public let pattern: String
    public let reason: String
    public var description: String { "cannot use the layout '\(pattern)': \(reason)" }
}

private enum Token: String, CaseIterable {
    case year = "YYYY", month = "MM", day = "DD"

    var width: Int { self == .year ? 4 : 2 }
}

/// One folder or file name of a pattern: literal text and tokens.
private struct Component: Equatable {
    enum Piece: Equatable {
        case text([UInt8])
        case token(Token)
    }

    let pieces: [Piece]

    var tokens: [Token] {
        pieces.compactMap { piece in
            if case .token(let token) = piece { return token }
            return nil
        }
    }

    init(_ name: String) {
        var pieces: [Piece] = []
        var rest = Substring(name).utf8
        var text: [UInt8] = []
        while let byte = rest.first {
            if let token = Token.allCases.first(where: { rest.starts(with: $0.rawValue.utf8) }) {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = []
                pieces.append(.token(token))
                rest = rest.dropFirst(token.width)
            } else {
                text.append(byte)
                rest = rest.dropFirst()
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    func write(_ day: Day, into bytes: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .text(let text): bytes += text
            case .token(.year): Component.append(day.year, width: 4, to: &bytes)
            case .token(.month): Component.append(day.month, width: 2, to: &bytes)
            case .token(.day): Component.append(day.day, width: 2, to: &bytes)
            }
        }
    }

    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// The date parts `name` holds added to `parts`; nil when it does not match, or names
    /// another date than `parts` does.
    func match(_ name: Substring.UTF8View, adding parts: DateParts) -> DateParts? {
        // In place: a walk over a long journal matches thousands of names.
        if let matched = name.withContiguousStorageIfAvailable({ match($0, adding: parts) }) { return matched }
        return Array(name).withUnsafeBufferPointer { match($0, adding: parts) }
    }

    private func match(_ name: UnsafeBufferPointer<UInt8>, adding parts: DateParts) -> DateParts? {
        var position = 0
        var parts = parts
        for piece in pieces {
            switch piece {
            case .text(let text):
                guard name.count - position >= text.count, name[position..<position + text.count].elementsEqual(text) else { return nil }
                position += text.count
            case .token(let token):
                guard name.count - position >= token.width else { return nil }
                var value = 0
                for byte in name[position..<position + token.width] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                guard parts.set(token, value) else { return nil }
                position += token.width
            }
        }
        return position == name.count ? parts : nil
    }
}

/// The parts of a date read from a path so far.
private struct DateParts {
    var year: Int?
    var month: Int?
    var dayOfMonth: Int?

    /// False when the part was read already with another value.
    mutating func set(_ token: Token, _ value: Int) -> Bool {
        switch token {
        case .year: return DateParts.store(value, in: &year)
        case .month: return DateParts.store(value, in: &month)
        case .day: return DateParts.store(value, in: &dayOfMonth)
        }
    }

    private static func store(_ value: Int, in part: inout Int?) -> Bool {
        if let part { return part == value }
        part = value
        return true
    }

    var day: Day? {
        guard let year, let month, let dayOfMonth else { return nil }
        return Day(year: year, month: month, day: dayOfMonth)
    }

    /// Orders folders of one level, which all hold the same parts.
    var key: Int { (year ?? 0) * 10_000 + (month ?? 0) * 100 + (dayOfMonth ?? 0) }
}

/// The days asked for, applied to a folder as soon as its name says enough.
private struct Bounds {
    let start: Day?
    let end: Day?

    func admit(_ parts: DateParts) -> Bool {
        guard let year = parts.year else { return true }
        // The known leading parts, compared with the same parts of the bounds.
        var known = [year]
        if let month = parts.month {
            known.append(month)
            if let day = parts.dayOfMonth { known.append(day) }
        }
        let prefix = { (day: Day) in Array([day.year, day.month, day.day].prefix(known.count)) }
        if let start, known.lexicographicallyPrecedes(prefix(start)) { return false }
        if let end, prefix(end).lexicographicallyPrecedes(known) { return false }
        return true
    }
}
