import Git
import Glibc

/// Proof that the index still holds HEAD's tree exactly as journal left it: HEAD and the index
/// file's identity (inode, size, modification time) recorded right after journal wrote both.
/// While it holds, looking for hand edits needs only the working tree compared with the index;
/// anything else (a `git add`, a commit made with git, a crash before the index was written)
/// changes one of them and brings back the full comparison.
package struct IndexStamp: Equatable {
    private let text: String
    private static let fileName = "index-stamp"

    private init?(head: ObjectID?, indexPath: String) {
        var info = stat()
        guard let head, lstat(indexPath, &info) == 0 else { return nil }
        text = "\(head.hex) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\n"
    }

    package static func holds(in state: WorkingTree, head: ObjectID?, indexPath: String) -> Bool {
        guard let current = IndexStamp(head: head, indexPath: indexPath), let saved = try? state.read(fileName) else { return false }
        return saved == Array(current.text.utf8)
    }

    package static func record(in state: WorkingTree, head: ObjectID?, indexPath: String) throws {
        guard let current = IndexStamp(head: head, indexPath: indexPath) else { return }
        try state.write(Array(current.text.utf8), to: fileName, scratch: state.root, durable: false)
    }
}
