import CLibgit2
import Glibc

/// A loose object file (`objects/ab/cdef…`) read with zlib directly. libgit2 1.5 loops forever
/// inflating a truncated one (libgit2 issue #7342), so journal reads loose objects itself: a
/// stream that stops before its end, a header that does not match the content, or content whose
/// hash is not the file's name is an error, never a hang.
public struct LooseObject {
    public enum Damage: Error, Equatable, CustomStringConvertible {
        case unreadable(String), truncated, notCompressed, trailingBytes, badHeader, wrongSize(declared: Int, actual: Int), wrongHash

        public var description: String {
            switch self {
            case .unreadable(let reason): return "cannot be read (\(reason))"
            case .truncated: return "is truncated (its compressed data stops before the end)"
            case .notCompressed: return "is not zlib data"
            case .trailingBytes: return "has bytes after its compressed data"
            case .badHeader: return "has no valid object header"
            case .wrongSize(let declared, let actual): return "declares \(declared) bytes but holds \(actual)"
            case .wrongHash: return "holds content whose hash is not its name"
            }
        }
    }

    let type: git_object_t
    let content: [UInt8]

    /// Where Git keeps the object loose: `objects/ab/cdef…`.
    static func path(of id: ObjectID, in objectsDirectory: String) -> String {
        let hex = id.hex
        return objectsDirectory + hex.prefix(2) + "/" + hex.dropFirst(2)
    }

    /// The object in the file at `path`; nil when there is no such file.
    static func read(at path: String) throws(Damage) -> LooseObject? {
        guard let compressed = try readFile(path) else { return nil }
        let inflated = try inflate(compressed)
        guard let end = inflated.firstIndex(of: 0), let space = inflated[..<end].firstIndex(of: UInt8(ascii: " ")),
              let declared = Int(String(decoding: inflated[inflated.index(after: space)..<end], as: UTF8.self))
        else { throw .badHeader }
        let type = git_object_string2type(String(decoding: inflated[..<space], as: UTF8.self))
        guard [GIT_OBJECT_BLOB, GIT_OBJECT_TREE, GIT_OBJECT_COMMIT, GIT_OBJECT_TAG].contains(type) else { throw .badHeader }
        let actual = inflated.count - end - 1
        guard declared == actual else { throw .wrongSize(declared: declared, actual: actual) }
        return LooseObject(type: type, content: Array(inflated[(end + 1)...]))
    }

    /// Reads the object and checks that its content hashes to `id`.
    static func verify(_ id: ObjectID, at path: String) throws(Damage) {
        guard let object = try read(at: path) else { return }
        var computed = git_oid()
        let result = object.content.withUnsafeBytes { git_odb_hash(&computed, $0.baseAddress, $0.count, object.type) }
        guard result == 0, ObjectID(computed) == id else { throw .wrongHash }
    }

    private static func readFile(_ path: String) throws(Damage) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .unreadable(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(String(cString: strerror(errno))) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// The whole zlib stream, which must end exactly where the file ends.
    private static func inflate(_ compressed: [UInt8]) throws(Damage) -> [UInt8] {
        var stream = z_stream()
        guard journal_inflate_init(&stream) == Z_OK else { throw .unreadable("zlib cannot start") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(4096, compressed.count * 4))
        var status = Z_OK
        var remaining = 0
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            // All the input is there from the start: Z_BUF_ERROR means it ran out before the end.
            while status == Z_OK {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = CLibgit2.inflate(&stream, Z_NO_FLUSH)
                    output += out[..<(out.count - Int(stream.avail_out))]
                }
            }
            remaining = Int(stream.avail_in)
        }
        switch status {
        case Z_STREAM_END: guard remaining == 0 else { throw .trailingBytes }
        case Z_BUF_ERROR: throw .truncated
        default: throw .notCompressed
        }
        return output
    }
}

/// A loose object that cannot be read whole.
public struct DamagedObject: Equatable, Error, CustomStringConvertible {
    public let id: ObjectID
    /// The object's file, from the repository's top: `.git/objects/ab/cdef…`.
    public let path: String
    public let damage: LooseObject.Damage

    public var description: String { "object \(id.hex) (\(path)) \(damage)" }
}

extension Repository {
    var objectsDirectory: String { gitDirectory + "objects/" }

    func looseObjectPath(_ id: ObjectID) -> String { LooseObject.path(of: id, in: objectsDirectory) }

    /// The loose objects that are not whole: every one, or those whose file was modified at or
    /// after `since` (written around a crash).
    public func damagedLooseObjects(modifiedSince since: timespec? = nil) -> [DamagedObject] {
        var damaged: [DamagedObject] = []
        for id in allObjectIDs() {
            let path = looseObjectPath(id)
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if let since, (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) < (since.tv_sec, since.tv_nsec) { continue }
            do {
                try LooseObject.verify(id, at: path)
            } catch {
                let shown = workingDirectory.map { path.hasPrefix($0) ? String(path.dropFirst($0.count)) : path } ?? path
                damaged.append(DamagedObject(id: id, path: shown, damage: error))
            }
        }
        return damaged
    }

    /// The ids of every object, loose or packed, listed without reading any of them.
    private func allObjectIDs() -> [ObjectID] {
        var database: OpaquePointer?
        guard git_repository_odb(&database, pointer) == 0 else { return [] }
        defer { git_odb_free(database) }
        var ids: [ObjectID] = []
        _ = withUnsafeMutablePointer(to: &ids) { list in
            git_odb_foreach(database, { oid, payload in
                payload!.assumingMemoryBound(to: [ObjectID].self).pointee.append(ObjectID(oid!))
                return 0
            }, list)
        }
        return ids
    }
}
