import Glibc
import JournalStore

public struct HookListing: Equatable {
    public struct Entry: Equatable {
        public let name: String
        public let installed: Bool
        /// Installed and executable: journal runs it.
        public let runs: Bool
        /// journal's ready set has a hook of this name.
        public let ready: Bool
        /// Installed, and byte for byte the ready one.
        public let installedIsReady: Bool
        /// What the ready hook does.
        public let summary: String
    }

    /// The folder journal runs hooks from.
    public let directory: String
    /// Where the ready hooks were found; nil when they were not.
    public let readySet: String?
    public let hooks: [Entry]
}

public struct ManageHooks {
    let store: Journal

    public init(_ store: Journal) {
        self.store = store
    }

    /// `journal hooks list`: the hooks journal would run, and the ready ones it offers.
    public func list(readySet explicit: String?) throws -> HookListing {
        let settings = try store.hookSettings()
        let set = explicit == nil ? try? HookSet(explicit: nil) : try HookSet(explicit: explicit)
        let installed = Hook.allCases.filter { FileSystem.exists(settings.directory + $0.rawValue) }.map(\.rawValue)
        let ready = set?.names ?? []
        let entries = Set(installed + ready).sorted().map { name in
            let readyPath = set.flatMap { ready.contains(name) ? $0.directory + name : nil }
            return HookListing.Entry(name: name, installed: installed.contains(name),
                                     runs: settings.executable(Hook(rawValue: name)!, ignored: { _ in }) != nil, ready: readyPath != nil,
                                     installedIsReady: readyPath.map { installed.contains(name) && sameContent(settings.directory + name, $0) } ?? false,
                                     summary: set.map { $0.summary(of: name) } ?? "")
        }
        return HookListing(directory: settings.directory, readySet: set?.directory, hooks: entries)
    }

    public enum HookInstallation: Equatable { case installed, alreadyInstalled, replaced }

    /// `journal hooks install NAME`: copies a ready hook into the journal's hooks folder,
    /// executable by its owner. A different hook already there stays unless `force`.
    /// Returns what happened and the installed path.
    public func install(_ name: String, readySet explicit: String?, force: Bool) throws -> (HookInstallation, String) {
        let settings = try store.hookSettings()
        let set = try HookSet(explicit: explicit)
        guard set.names.contains(name) else { throw JournalError.noSuchHook(name, set.names) }
        let target = settings.directory + name
        let present = FileSystem.exists(target)
        if present {
            if sameContent(target, set.directory + name) { return (.alreadyInstalled, target) }
            guard force else { throw JournalError.hookExists(target) }
        }
        try FileSystem.makeDirectory(settings.directory)
        let folder = WorkingTree(root: settings.directory)
        guard let script = try WorkingTree(root: set.directory).read(name) else { throw JournalError.noSuchHook(name, set.names) }
        try folder.write(script, to: name, scratch: settings.directory)
        guard chmod(target, 0o700) == 0 else { throw JournalError.storage("cannot make \(target) executable: \(String(cString: strerror(errno)))") }
        return (present ? .replaced : .installed, target)
    }

    private func sameContent(_ first: String, _ second: String) -> Bool {
        let read = { (path: String) in try? WorkingTree(root: "").read(path) }
        return read(first) == read(second)
    }
}
