// Writes a synthetic journal as a `git fast-import` stream on standard output, through the
// project's own day-file model and carry rules, so the files are exactly what `journal` writes.
//
//   journal-generate --years 10 [--seed 1] [--start 2015-01-01] | git fast-import --quiet
//
// Every day: `new` (carrying the unfinished tasks of the day before), three `add` commits, and an
// end-of-day edit that adds one more task and starts, finishes or cancels some: five commits and
// four new tasks a day, about 18,000 commits and 14,600 task ids over ten years.
import Glibc
import JournalModel

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Options {
    var years = 1
    var seed: UInt64 = 1
    var start = Day(iso: "2015-01-01")!

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--years": years = Int(value) ?? years
            case "--seed": seed = UInt64(value) ?? seed
            case "--start": start = Day(iso: value) ?? start
            default:
                let usage = Array("usage: journal-generate --years N [--seed S] [--start YYYY-MM-DD]\n".utf8)
                _ = usage.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
                exit(2)
            }
        }
    }
}

/// Task ids without repeats: a counter scrambled by a multiplier coprime to 36^5.
struct IDSequence {
    private var counter = 0
    private static let space = 60_466_176 // 36^5
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    mutating func next() -> TaskID {
        counter += 1
        var value = (counter &* 1_000_003) % IDSequence.space
        var characters: [Character] = []
        for _ in 0..<5 {
            characters.append(IDSequence.alphabet[value % 36])
            value /= 36
        }
        return TaskID(String(characters))!
    }
}

/// The fast-import stream: one branch, each commit on top of the last, written to standard
/// output byte for byte.
struct FastImportWriter {
    private var time: Int64 = 0
    private var pending: [UInt8] = []

    mutating func commit(at seconds: Int64, message: CommitMessage, files: [(String, [UInt8])]) {
        time = seconds
        var header = "commit refs/heads/main\n"
        header += "author Bench Mark <bench@example.org> \(seconds) +0000\n"
        header += "committer Bench Mark <bench@example.org> \(seconds) +0000\n"
        write(header)
        data(Array(message.text.utf8))
        for (path, bytes) in files {
            write("M 100644 inline \(path)\n")
            data(bytes)
        }
        write("\n")
    }

    private mutating func data(_ bytes: [UInt8]) {
        write("data \(bytes.count)\n")
        pending += bytes
        write("\n")
    }

    private mutating func write(_ text: String) {
        pending += Array(text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        var written = 0
        while written < pending.count {
            let count = pending[written...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { exit(1) }
            written += count
        }
        pending.removeAll(keepingCapacity: true)
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
var random = SplitMix64(state: options.seed)
var ids = IDSequence()
var writer = FastImportWriter()

let verbs = ["Review", "Prepare", "Write", "Update", "Discuss", "Fix", "Plan", "Present", "Follow up on", "Draft"]
let subjects = ["the authentication module", "the data ingestion docs", "the customer enrichment pipeline",
                "the quarterly roadmap", "the on-call runbook", "the postmortem of the outage", "the API gateway design",
                "the observability vendor contract", "the stand-up notes", "the migration plan for the billing service"]
let extras = ["", "", "", " #security", " #review", " #ops", " with @maria", " with @devops", " #blocked"]

@MainActor func newTask(depth: Int) -> TaskLine {
    let text = verbs.randomElement(using: &random)! + " " + subjects.randomElement(using: &random)! + extras.randomElement(using: &random)!
    return TaskLine(state: .open, text: text, id: ids.next(), depth: depth)
}

func seconds(_ day: Day, hour: Int) -> Int64 { Int64(day.ordinal) * 86_400 + Int64(hour * 3600) }

writer.commit(at: seconds(options.start, hour: 8), message: CommitMessage(command: .initialize, subject: "init journal"), files: [
    (".journal", Array("This Git repository is a work journal kept by `journal` (day-file format 1).\n".utf8)),
    (".gitattributes", Array("*.md merge=journal\n".utf8)),
])

var previous: (day: Day, file: DayFile)?
let dayCount = options.years * 365
for offset in 0..<dayCount {
    let day = options.start.adding(days: offset)!
    var today = DayFile.new(for: day)
    var files: [(String, [UInt8])] = []
    var subject = "new \(day.iso)"
    if let (sourceDay, sourceFile) = previous {
        let carried = CarryForward.carry(from: [(sourceDay, sourceFile)], into: today, on: day)
        today = carried.target
        if let source = carried.changedSources[sourceDay] {
            files.append((DayLayout.standard.path(for: sourceDay), source.bytes))
            subject += ": carried \(carried.carriedCount) from \(sourceDay.iso)"
        }
    }
    files.append((DayLayout.standard.path(for: day), today.bytes))
    writer.commit(at: seconds(day, hour: 8), message: CommitMessage(command: .new, subject: subject, day: day), files: files)

    for hour in 9...11 {
        let nested = !today.tasks.isEmpty && Int.random(in: 0..<5, using: &random) == 0
        let task = newTask(depth: nested ? 1 : 0)
        today.appendTasks([task])
        writer.commit(at: seconds(day, hour: hour), message: CommitMessage(command: .add, subject: "add ^\(task.id!.value) \(task.text)", day: day, tasks: [task.id!]),
                      files: [(DayLayout.standard.path(for: day), today.bytes)])
    }

    today.appendTasks([newTask(depth: 0)])
    for entry in today.entries where entry.task.state.isUnfinished {
        let roll = Int.random(in: 0..<100, using: &random)
        let state: TaskState? = roll < 45 ? .done : roll < 50 ? .cancelled : roll < 60 ? .inProgress : nil
        if let state { today.updateTask(atLine: entry.lineIndex) { $0.setState(state) } }
    }
    writer.commit(at: seconds(day, hour: 17), message: CommitMessage(command: .edit, subject: "edit \(day.iso)", day: day),
                  files: [(DayLayout.standard.path(for: day), today.bytes)])
    previous = (day, today)
}
writer.flush()
