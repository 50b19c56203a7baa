import Foundation
import TestSupport
import Testing

/// Three machines and one bare remote, driven by random sequences from fixed seeds: adds, state
/// changes, hand rewording (on old days too), hand deletion, notes, subtasks, `journal new` on days
/// of each machine's own, syncs, plain `git commit -am` and undo. After every machine has synced to
/// convergence, the journal must be one journal: the same files everywhere, each task in one place,
/// nothing finished come back, nothing lost that was not deleted.
///
/// `JOURNAL_MODEL_SEQUENCES=500 swift test --filter ModelBasedSyncTests` runs more.
@Suite struct ModelBasedSyncTests {
    @Test(arguments: 0..<ModelRun.sequences)
    func machinesThatSyncInAnyOrderConvergeWithEveryTaskInOnePlace(seed: Int) throws {
        var fleet = try Fleet(seed: UInt64(seed))
        for _ in 0..<ModelRun.steps { try fleet.step() }
        try fleet.converge()
        let problems = try fleet.broken()
        #expect(problems.isEmpty, "seed \(seed): \(problems.joined(separator: "\n"))\nsteps:\n\(fleet.log.joined(separator: "\n"))")
    }
}

private enum ModelRun {
    static let sequences = Int(ProcessInfo.processInfo.environment["JOURNAL_MODEL_SEQUENCES"] ?? "") ?? 16
    static let steps = 40
}

/// The machines of one sequence and what they did.
private struct Fleet {
    var machines: [JournalRunner] = []
    let remote: String
    var random: SeededGenerator
    /// Each machine's today, as days after 2025-01-01.
    var days = [14, 14, 14]
    /// Every id any machine had, and those a machine deleted (by hand or by undo).
    var seen: Set<String> = []
    var deleted: Set<String> = []
    /// Ids of which a machine deleted a line by hand (an arrow, say): the arrows to it may dangle.
    var arrowsCut: Set<String> = []
    /// Ids finished by `done` or `cancel`, and ids given any other state by a command.
    var finished: Set<String> = []
    var changedOtherwise: Set<String> = []
    var undone = false
    var log: [String] = []
    var counter = 0

    init(seed: UInt64) throws {
        random = SeededGenerator(seed: seed &* 7_919 &+ 1)
        var first = try JournalRunner()
        first.today = Fleet.iso(days[0])
        remote = first.sandbox.path("hub.git")
        try first.sandbox.git("init", "-q", "--bare", "-b", "main", remote, in: first.sandbox.root.path)
        try first.ok("init")
        try first.ok("add", "First task")
        try first.ok("remote", "add", "origin", remote)
        try first.ok("sync")
        machines = [first]
        for _ in 1...2 {
            var machine = try JournalRunner()
            machine.today = first.today
            try machine.ok("clone", remote, machine.directory)
            machines.append(machine)
        }
        // One machine starts its days offline; the others bring in what the remote has first.
        try machines[2].ok("config", "journal.autoSync", "off")
    }

    static func iso(_ day: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: day, to: calendar.date(from: DateComponents(year: 2025, month: 1, day: 1))!)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    mutating func step() throws {
        let index = Int.random(in: 0..<machines.count, using: &random)
        let before = try ids(in: machines[index], standingOnly: true)
        let roll = Int.random(in: 0..<100, using: &random)
        var removes = false
        counter += 1
        switch roll {
        case 0..<18: try run(index, ["add", "Task \(counter)"])
        case 18..<36: try changeState(index)
        case 36..<44: try reword(index)
        case 44..<49:
            removes = true
            var cut: String?
            try editToday(index) { lines, random in
                guard let position = Fleet.taskPositions(lines).randomElement(using: &random) else { return "" }
                cut = Fleet.id(in: lines[position])
                return "deleted: " + lines.remove(at: position)
            }
            if let cut { arrowsCut.insert(cut) }
        case 49..<54:
            let note = "Note \(counter)"
            try editToday(index) { lines, _ in lines.append(note); return "note" }
        case 54..<61:
            let subtask = "  - [ ] Sub \(counter)"
            try editToday(index) { lines, random in
                let tops = Fleet.taskPositions(lines).filter { !lines[$0].hasPrefix(" ") && lines[$0].contains("] ") && !lines[$0].contains("[>]") }
                guard let parent = tops.randomElement(using: &random) else { return "" }
                lines.insert(subtask, at: parent + 1)
                return "subtask under: \(lines[parent])"
            }
        case 61..<71:
            days[index] += Int.random(in: 1...2, using: &random)
            machines[index].today = Fleet.iso(days[index])
            try run(index, ["new"])
        case 71..<94: try run(index, ["sync"])
        case 94..<98:
            _ = try machines[index].git("add", "-A")
            let committed = try ProcessResult.run("/usr/bin/git", ["commit", "-qam", "by hand"], in: machines[index].directory,
                                                  environment: machines[index].environment)
            log.append("machine \(index): git commit -am → \(committed.status)")
        default:
            removes = true
            undone = true
            try run(index, ["undo"], mustSucceed: false)
        }
        seen.formUnion(try ids(in: machines[index]))
        if removes { deleted.formUnion(before.subtracting(try ids(in: machines[index], standingOnly: true))) }
    }

    /// A journal command on one machine; only `add`, `new` and `sync` must always succeed.
    @discardableResult
    mutating func run(_ index: Int, _ arguments: [String], mustSucceed: Bool? = nil) throws -> Int32 {
        let machine = machines[index]
        let result = try ProcessResult.run(JournalRunner.binary, arguments, in: machine.sandbox.root.path, environment: machine.environment)
        log.append("machine \(index) on \(machine.today): journal \(arguments.joined(separator: " ")) → \(result.status) \(result.stderr)")
        let required = mustSucceed ?? ["add", "new", "sync"].contains(arguments[0])
        if required && result.status != 0 {
            throw ProcessFailure(description: "journal \(arguments.joined(separator: " ")) failed: \(result.stderr)\n\(log.joined(separator: "\n"))")
        }
        #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.stderr)")
        return result.status
    }

    mutating func changeState(_ index: Int) throws {
        let lines = try todayLines(index)
        let candidates = Fleet.taskPositions(lines).compactMap { Fleet.id(in: lines[$0]) }
        guard let id = candidates.randomElement(using: &random) else { return }
        let command = ["done", "start", "cancel", "reopen"].randomElement(using: &random)!
        let finishes = command == "done" || command == "cancel"
        if try run(index, [command, id]) == 0 {
            if finishes { finished.insert(id) } else { changedOtherwise.insert(id) }
        }
    }

    /// Rewords an unfinished task on any day of the machine, as an editor would.
    mutating func reword(_ index: Int) throws {
        let files = try dayFiles(of: machines[index])
        guard let path = files.randomElement(using: &random) else { return }
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let open = Fleet.taskPositions(lines).filter { lines[$0].contains("- [ ] ") || lines[$0].contains("- [/] ") }
        guard let position = open.randomElement(using: &random), let caret = lines[position].range(of: " ^", options: .backwards) else { return }
        lines[position].insert(contentsOf: " r\(counter)", at: caret.lowerBound)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        log.append("machine \(index): reworded \(path.suffix(13)): \(lines[position])")
    }

    mutating func editToday(_ index: Int, _ change: (inout [String], inout SeededGenerator) -> String) throws {
        var lines = try todayLines(index)
        guard !lines.isEmpty else { return }
        let what = change(&lines, &random)
        try lines.joined(separator: "\n").write(toFile: todayPath(index), atomically: true, encoding: .utf8)
        log.append("machine \(index) on \(machines[index].today): \(what)")
    }

    func todayPath(_ index: Int) -> String {
        let today = machines[index].today
        return machines[index].directory + "/\(today.prefix(4))/\(today.dropFirst(5).prefix(2))/\(today).md"
    }

    func todayLines(_ index: Int) throws -> [String] {
        guard let text = try? String(contentsOfFile: todayPath(index), encoding: .utf8) else { return [] }
        return text.components(separatedBy: "\n")
    }

    static func taskPositions(_ lines: [String]) -> [Int] {
        lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("- [") }
    }

    static func id(in line: String) -> String? {
        guard let caret = line.range(of: " ^", options: .backwards) else { return nil }
        let id = String(line[caret.upperBound...])
        return id.count == 5 ? id : nil
    }

    func dayFiles(of machine: JournalRunner) throws -> [String] {
        let found = FileManager.default.enumerator(atPath: machine.directory)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasPrefix("20") && $0.hasSuffix(".md") }.sorted().map { machine.directory + "/" + $0 }
    }

    /// The ids of the machine's task lines; with `standingOnly`, not those of arrows (`[>]`).
    func ids(in machine: JournalRunner, standingOnly: Bool = false) throws -> Set<String> {
        var result = Set<String>()
        for path in try dayFiles(of: machine) {
            for line in try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n") {
                guard line.contains("- ["), !(standingOnly && line.contains("- [>]")) else { continue }
                if let id = Fleet.id(in: line) { result.insert(id) }
            }
        }
        return result
    }

    /// Every machine syncs, round after round, until all hold the same commit.
    mutating func converge() throws {
        for _ in 1...3 {
            for index in machines.indices { try run(index, ["sync"]) }
        }
        seen.formUnion(try ids(in: machines[0]))
    }

    /// What is wrong with the converged journal, one line each.
    func broken() throws -> [String] {
        var problems: [String] = []
        let reference = try snapshot(machines[0])
        for machine in machines.dropFirst() where try snapshot(machine) != reference {
            problems.append("\(machine.directory) differs from the first machine")
        }
        _ = try machines[0].sandbox.git("--git-dir", remote, "fsck", "--strict", "--no-dangling", in: machines[0].sandbox.root.path)
        var copies: [String: [(day: String, state: Character, line: String)]] = [:]
        for (path, text) in reference where path.hasPrefix("20") {
            if text.contains("<<<<<<<") || text.contains(">>>>>>>") { problems.append("\(path): conflict markers") }
            let day = String(path.suffix(13).prefix(10))
            for line in text.components(separatedBy: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("- [") {
                guard let id = Fleet.id(in: line), let open = line.firstIndex(of: "[") else { continue }
                copies[id, default: []].append((day, line[line.index(after: open)], line))
            }
        }
        for (id, list) in copies {
            let sorted = list.sorted { $0.day < $1.day }
            let unfinished = sorted.filter { $0.state == " " || $0.state == "/" }
            if Set(unfinished.map(\.day)).count > 1 { problems.append("^\(id) unfinished on \(unfinished.map(\.day))") }
            if let finished = sorted.first(where: { $0.state == "x" || $0.state == "-" }), let later = unfinished.first(where: { $0.day > finished.day }) {
                problems.append("^\(id) finished on \(finished.day) but unfinished on \(later.day)")
            }
            // A line deleted by hand leaves the arrows of earlier days to it: the user's edit.
            for copy in sorted where copy.state == ">" && !deleted.contains(id) && !arrowsCut.contains(id) {
                guard let arrow = copy.line.range(of: "→ ") else { continue }
                let target = String(copy.line[arrow.upperBound...].prefix(10))
                if !list.contains(where: { $0.day == target }) {
                    problems.append("^\(id) on \(copy.day) points to \(target), where it is not: \(sorted.map { "\($0.day): \($0.line)" })")
                    problems.append(try machines[0].git("log", "-p", "--format=%h %p %s%n%b", "-S", id, "--", "2025"))
                }
            }
            if sorted.filter({ $0.state != ">" }).count > 1 { problems.append("^\(id) stands more than once: \(sorted.map(\.line))") }
        }
        for id in seen.subtracting(deleted) where copies[id] == nil { problems.append("^\(id) was lost") }
        // Only finished, never reopened or started, nothing undone: it must still be finished somewhere.
        for id in finished.subtracting(changedOtherwise).subtracting(deleted) where !undone {
            if copies[id]?.contains(where: { $0.state == "x" || $0.state == "-" }) != true {
                problems.append("^\(id) was finished, and is not now: \(copies[id]?.map(\.line) ?? [])")
            }
        }
        let check = try machines[0].run("check")
        for line in check.stdout.split(separator: "\n") where line.contains("stands") || line.contains("is also on line") {
            problems.append("check: \(line)")
        }
        return problems
    }

    /// Every file of the working tree but `.git`, by path.
    func snapshot(_ machine: JournalRunner) throws -> [String: String] {
        let found = FileManager.default.enumerator(atPath: machine.directory)?.compactMap { $0 as? String } ?? []
        var result: [String: String] = [:]
        for path in found where !path.hasPrefix(".git/") && path != ".git" {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: machine.directory + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { result[path] = try String(contentsOfFile: machine.directory + "/" + path, encoding: .utf8) }
        }
        return result
    }
}
