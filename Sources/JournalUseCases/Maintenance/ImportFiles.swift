import JournalModel
import JournalStore

public struct ImportFiles {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    public struct ImportedFile: Equatable {
        /// As given on the command line.
        public let name: String
        public let day: Day
        public let added: Int
        public let alreadyThere: Int
    }

    /// `journal import`: Markdown files written elsewhere become days (see `ImportedList`), each
    /// on `date` or the date found in it. Every file is read and checked before anything is
    /// written, so a missing, unreadable, non-UTF-8 or undated file stops the import whole; then
    /// all of them are one commit, which `journal undo` takes back at once. `progress` hears
    /// (files read, files) as it goes.
    public func run(_ names: [String], date: Day?, progress: ((Int, Int) -> Void)? = nil) throws -> [ImportedFile] {
        var lists: [(name: String, day: Day, list: ImportedList)] = []
        for name in names {
            let text = try ImportFiles.importText(name)
            guard let day = date ?? ImportDate.find(in: text, fileName: ImportFiles.baseName(name)) else { throw JournalError.noDateFound(name) }
            lists.append((name, day, ImportedList(markdown: text)))
            progress?(lists.count, names.count)
        }
        return try store.write { draft in
            var imported: [ImportedFile] = []
            for (name, day, list) in lists {
                let merged = (try draft.file(for: day) ?? DayFile.new(for: day, words: store.marker.taskWords)).importing(list)
                if merged.file != (try draft.file(for: day)) { draft.write(merged.file, for: day) }
                imported.append(ImportedFile(name: name, day: day, added: merged.added, alreadyThere: merged.alreadyThere))
            }
            let days = Set(imported.map(\.day))
            let added = imported.reduce(0) { $0 + $1.added }
            let source = imported.count == 1 ? ImportFiles.baseName(imported[0].name) : "\(imported.count) files"
            let target = days.count == 1 ? days.first!.iso : "\(days.count) days"
            draft.message = CommitMessage(command: .import, subject: "import \(target): \(counted(added, "task")) from \(source)",
                                          day: days.count == 1 ? days.first : nil)
            return imported
        }
    }

    private static func baseName(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

    /// A file's text, refused unless it is a readable regular file of valid UTF-8.
    private static func importText(_ name: String) throws -> String {
        let bytes: [UInt8]?
        do {
            bytes = try WorkingTree(root: "").read(FileSystem.absolute(name), followingLinks: true)
        } catch JournalError.unsafePath(_, let reason) {
            throw JournalError.importRefused(name, reason)
        } catch {
            throw JournalError.importRefused(name, "cannot be read")
        }
        guard let bytes else { throw JournalError.importRefused(name, "no such file") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = DayFile(bytes: bytes).firstLineNotUTF8 ?? 1
            throw JournalError.importRefused(name, "not valid UTF-8 (line \(line))")
        }
        return text
    }
}
