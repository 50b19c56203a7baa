/// A remote that is a folder on this machine, named by a path or a `file://` URL. libgit2 writes
/// into such a repository itself, so what a killed sync leaves there is journal's to find.
package enum LocalRemote {
    /// The URL as a path, `file://` taken off.
    package static func path(of url: String) -> String {
        url.hasPrefix("file://") ? String(url.dropFirst(7)) : url
    }

    /// The remote's Git folder, ending in `/`; nil when the URL is not a path.
    package static func gitFolder(of url: String) -> String? {
        let path = path(of: url)
        guard path.hasPrefix("/") || path.hasPrefix(".") else { return nil }
        let folder = path.hasSuffix("/") ? path : path + "/"
        return FileSystem.isDirectory(folder + ".git") ? folder + ".git/" : folder
    }
}
