import Foundation
import TestSupport
import Testing

/// Day files written by hand that no editor of journal's would write. `journal check` names each
/// problem as `FILE:LINE: message`, and the commands that rewrite a day keep every line the user
/// wrote (journal only adds ids, changes boxes and marks carries).
@Suite struct MalformedInputTests {
    struct HandWrittenDay: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        /// What `journal check` prints for the day, each after `2025/01/2025-01-15.md:`; empty when valid.
        let problems: [String]
        var testDescription: String { name }
    }

    static let heading = "# 2025-01-15 Wednesday\n\n"

    /// A distinct valid id for every number below 36^5.
    static func id(_ number: Int) -> String {
        let digits = String(number, radix: 36)
        return String(repeating: "0", count: 5 - digits.count) + digits
    }

    static let days: [HandWrittenDay] = [
        HandWrittenDay(
            name: "invalid UTF-8, CRLF",
            bytes: Array("# 2025-01-15 Wednesday\r\n\r\n".utf8) + Array("- [ ] Caf".utf8) + [0xE9] + Array(" au lait ^lat01\r\n- [ ] Fine ^fine1\r\n".utf8)
                + [0xFF, 0xFE] + Array(" broken note\r\n".utf8),
            problems: ["3: not valid UTF-8; kept byte for byte", "5: not valid UTF-8; kept byte for byte"]),
        HandWrittenDay(
            name: "NUL bytes",
            bytes: Array((heading + "- [ ] Has a \u{0} inside ^nul01\n\u{0}\u{0}\n- [ ] After ^nul02\n").utf8),
            problems: ["3: contains the control character U+0000; kept byte for byte, but Git and editors may take the file for binary",
                       "4: contains the control character U+0000; kept byte for byte, but Git and editors may take the file for binary"]),
        HandWrittenDay(
            name: "a 10 MB line",
            bytes: Array((heading + "- [ ] " + String(repeating: "long ", count: 2_000_000) + "^big01\n- [ ] Short ^sml01\n").utf8),
            problems: []),
        HandWrittenDay(
            name: "100,000 tasks",
            bytes: Array((heading + (0..<100_000).map { "- [ ] Task \($0) ^\(id($0))\n" }.joined()).utf8),
            problems: []),
        HandWrittenDay(
            name: "1,000 nesting levels",
            bytes: Array((heading + (0..<1_000).map { String(repeating: "  ", count: $0) + "- [ ] Level \($0) ^\(id($0))\n" }.joined()).utf8),
            problems: []),
        HandWrittenDay(
            name: "duplicate ids",
            bytes: Array((heading + "- [ ] One ^aaaaa\n- [x] Two ^aaaaa\n- [ ] Three ^aaaaa\n").utf8),
            problems: ["4: task id ^aaaaa is also on line 3", "5: task id ^aaaaa is also on line 3"]),
        HandWrittenDay(
            name: "ids of the wrong shape",
            bytes: Array((heading + "- [ ] Upper ^ABCDE\n- [ ] Long ^abcdefg\n- [ ] Short ^abc\n- [ ] Dash ^ab-cd\n").utf8),
            problems: ["'^ABCDE'", "'^abcdefg'", "'^abc'", "'^ab-cd'"].enumerated().map {
                "\($0.offset + 3): \($0.element) is not a task id (^ and 5 lowercase letters or digits); journal will add an id after it"
            }),
        HandWrittenDay(
            name: "a heading date that disagrees with the path",
            bytes: Array("# 2025-01-14 Tuesday\n\n- [ ] Misdated ^mis01\n".utf8),
            problems: ["1: the heading date says 2025-01-14; expected '# 2025-01-15 …'"]),
    ]

    @Test(arguments: days)
    func checkNamesEachProblemAndTheCommandsKeepEveryLine(_ day: HandWrittenDay) throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay(bytes: day.bytes, at: Self.path)

        let check = try journal.run("check")
        #expect(check.status == (day.problems.isEmpty ? 0 : 1))
        #expect(check.stdout.split(separator: "\n").dropLast().map(String.init) == day.problems.map { Self.path + ":" + $0 })
        #expect(check.stderr.isEmpty)

        let show = try journal.run("show")
        #expect(show.status == 0 && show.stderr.isEmpty)

        try journal.ok("add", "Added after the hand-written lines")
        var committed = try journal.committed(Self.path)
        #expect(MalformedInputTests.keepsEveryLine(of: day.bytes, in: committed))
        #expect(committed.lines.contains { $0.starts(with: Array("- [ ] Added after the hand-written lines ^".utf8)) })

        try journal.ok("done", "1")
        committed = try journal.committed(Self.path)
        #expect(MalformedInputTests.keepsEveryLine(of: day.bytes, in: committed))

        var tomorrow = journal
        tomorrow.today = "2025-01-16"
        try tomorrow.ok("new")
        committed = try journal.committed(Self.path)
        #expect(MalformedInputTests.keepsEveryLine(of: day.bytes, in: committed))
        let carriedAway = committed.lines.filter { $0.contains(Array(" → 2025-01-16".utf8)) }.count
        #expect(carriedAway > 0)
        #expect(try journal.committed("2025/01/2025-01-16.md").lines.filter { Self.boxIndex($0) != nil }.count == carriedAway)
        try journal.assertClean()
    }

    @Test func pastedCopiesAndMalformedIdsGetFreshIdsWithTheirTextKept() throws {
        let journal = try JournalRunner()
        try journal.ok("init")
        try journal.writeDay(bytes: Array((Self.heading + "- [ ] One ^aaaaa\n- [ ] Two ^aaaaa\n- [ ] Upper ^ABCDE\n").utf8), at: Self.path)
        try journal.ok("add", "Next")
        let lines = try journal.committed(Self.path).lines.map { String(decoding: $0, as: UTF8.self) }
        #expect(lines[2] == "- [ ] One ^aaaaa")
        #expect(lines[3].hasPrefix("- [ ] Two ^") && lines[3] != "- [ ] Two ^aaaaa" && lines[3].count == "- [ ] Two ^aaaaa".count)
        #expect(lines[4].hasPrefix("- [ ] Upper ^ABCDE ^") && lines[4].count == "- [ ] Upper ^ABCDE ^aaaaa".count)
        #expect(try journal.ok("check") == "1 day file checked: no problems\n")
    }

    static let path = "2025/01/2025-01-15.md"

    /// Every line of `original` is in `committed`, in order: byte for byte, or, for a task line,
    /// with only its box, a carry date or an id that journal added being different.
    static func keepsEveryLine(of original: [UInt8], in committed: CommittedFile) -> Bool {
        let kept = committed.lines.map(withoutJournalsChanges)
        var next = kept.startIndex
        for line in CommittedFile(bytes: original).lines {
            guard let found = kept[next...].firstIndex(of: withoutJournalsChanges(line)) else { return false }
            next = found + 1
        }
        return true
    }

    /// A task line with its box blanked and a trailing carry date and id removed: what a command
    /// may change. Other lines as they are.
    static func withoutJournalsChanges(_ line: [UInt8]) -> [UInt8] {
        guard let box = boxIndex(line) else { return line }
        var result = line
        let carriageReturn = result.last == UInt8(ascii: "\r") ? result.removeLast() : nil
        result[box] = UInt8(ascii: "_")
        let idBytes = Set("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        if result.count >= box + 9, Array(result.suffix(7).prefix(2)) == Array(" ^".utf8), result.suffix(5).allSatisfy(idBytes.contains) {
            result.removeLast(7)
        }
        let arrow = Array(" → ".utf8)
        if result.count >= box + 2 + arrow.count + 10, Array(result.suffix(arrow.count + 10).prefix(arrow.count)) == arrow {
            result.removeLast(arrow.count + 10)
        }
        return result + (carriageReturn.map { [$0] } ?? [])
    }

    /// Where the state character of a task-shaped line (`- [ ]`, indented or not) is.
    static func boxIndex(_ line: [UInt8]) -> Int? {
        guard let start = line.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              line.count >= start + 5, Array("-*+".utf8).contains(line[start]),
              line[start + 1] == UInt8(ascii: " "), line[start + 2] == UInt8(ascii: "["), line[start + 4] == UInt8(ascii: "]")
        else { return nil }
        return start + 3
    }
}

/// A file's bytes as lines without their `\n`.
struct CommittedFile {
    let lines: [[UInt8]]

    init(bytes: [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }
}

extension JournalRunner {
    func writeDay(bytes: [UInt8], at path: String) throws {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The file as HEAD holds it, byte for byte (git's output goes to a file: the runner's
    /// captured output is text).
    func committed(_ path: String) throws -> CommittedFile {
        let copy = sandbox.path("committed-copy")
        let result = try ProcessResult.run("/bin/sh", ["-c", "git show \"HEAD:$0\" > \"$1\"", path, copy], in: directory, environment: environment)
        guard result.status == 0 else { throw ProcessFailure(description: "git show HEAD:\(path) failed: \(result.stderr)") }
        return CommittedFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: copy))))
    }
}
