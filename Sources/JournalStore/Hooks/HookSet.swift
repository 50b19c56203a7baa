/// The ready hooks that come with journal: the project's `hooks/` folder, found from the
/// running executable (`../share/journal/hooks` beside an installed `bin/journal`, or the
/// source checkout a `.build` folder belongs to) unless a folder is given.
package struct HookSet {
    package let directory: String

    package init(explicit: String?) throws {
        if let explicit {
            guard FileSystem.isDirectory(explicit, followingLinks: true) else { throw JournalError.noHookSet([explicit]) }
            directory = FileSystem.absolute(explicit) + (explicit.hasSuffix("/") ? "" : "/")
            return
        }
        var candidates: [String] = []
        if let folder = Journal.executableFolder() {
            if let slash = folder.lastIndex(of: "/") { candidates.append(folder[..<slash] + "/share/journal/hooks") }
            var ancestor = folder
            while let slash = ancestor.lastIndex(of: "/"), slash != ancestor.startIndex {
                ancestor = String(ancestor[..<slash])
                if FileSystem.exists(ancestor + "/Package.swift") { candidates.append(ancestor + "/hooks") }
            }
        }
        guard let found = candidates.first(where: { FileSystem.isDirectory($0, followingLinks: true) }) else { throw JournalError.noHookSet(candidates) }
        directory = found + "/"
    }

    /// The hooks the set offers, by name.
    package var names: [String] { (FileSystem.names(in: directory) ?? []).filter { Hook(rawValue: $0) != nil } }

    /// What the script says it does: its first comment line after the `#!` line.
    package func summary(of name: String) -> String {
        guard let bytes = try? WorkingTree(root: directory).read(name) else { return "" }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst()
        guard let comment = lines.first(where: { $0.hasPrefix("# ") }) else { return "" }
        return String(comment.dropFirst(2))
    }
}
