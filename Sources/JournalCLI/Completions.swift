import ArgumentParser
import FoundationEssentials
import JournalModel
import JournalStore
import JournalUseCases

/// What the shell offers on Tab (`journal done <Tab>`), read from the journal the command would
/// open. A journal that cannot be opened offers nothing rather than an error.
enum Completions {
    /// DATE words; `next` and `last` take a weekday after them.
    static let date = CompletionKind.list(
        ["today", "yesterday", "tomorrow", "next", "last"] + Weekday.allCases.map(\.rawValue))

    static let setting = CompletionKind.list(
        Settings.Key.allCases.flatMap { [$0.rawValue, String($0.rawValue.dropFirst("journal.".count))] })

    static let hook = CompletionKind.list(Hook.allCases.map(\.rawValue))

    /// Today's tasks that are not carried away: their numbers, then their ids.
    static let task = CompletionKind.custom { words, _, _ in
        guard let journal = openJournal(words), let today = try? Clock(environment: environment).today(),
              let view = try? ViewDay(journal).run(of: today, recording: false) else { return [] }
        let standing = view.tasks.filter { $0.state != .carried }
        return standing.map { String($0.number) } + standing.compactMap { $0.id.map { "^" + $0 } }
    }

    static let remote = CompletionKind.custom { words, _, _ in
        (try? openJournal(words).map { try ManageRemotes($0).list().map(\.name) }) ?? []
    }

    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The journal `--dir` on the line being typed names, else the one the command would find.
    private static func openJournal(_ words: [String]) -> Journal? {
        let explicit = words.firstIndex(of: "--dir").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        guard let location = try? Settings.journalLocation(explicit: explicit, explicitOrigin: "--dir", environment: environment) else { return nil }
        return try? Journal.open(at: location.value, environment: environment)
    }
}
