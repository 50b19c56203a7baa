import CLibgit2
import Glibc
import Synchronization

/// An object database backend placed before libgit2's own, which reads loose objects through
/// `LooseObject`: a truncated object (after a power cut, a full disk, a damaged copy) becomes an
/// error naming it instead of the endless loop libgit2 1.5 falls into (libgit2 issue #7342).
/// Objects it does not hold loose go on to libgit2's backends (packs), and libgit2 still checks
/// every object's hash after reading it.
enum GuardedObjectReads {
    /// The damaged object the last failed read met. libgit2 replaces the backend's message with
    /// its own on some paths ("cannot be peeled"), so `check` puts the object back in the error.
    /// Kept like libgit2's own last error, which it stands beside; guarded so that any thread may ask.
    private static let lastDamage = Mutex<DamagedObject?>(nil)

    /// The damage the last failed read met, taken: it belongs to one failure only.
    @discardableResult
    static func forgetDamage() -> DamagedObject? {
        lastDamage.withLock { damage in
            defer { damage = nil }
            return damage
        }
    }

    /// Above libgit2's packed (2) and loose (1) backends: asked first.
    private static let priority: Int32 = 3

    static func install(in repository: OpaquePointer, objectsDirectory: String) throws {
        var database: OpaquePointer?
        try check(git_repository_odb(&database, repository), "cannot open the object database")
        defer { git_odb_free(database) }
        let backend = UnsafeMutablePointer<journal_guarded_backend>.allocate(capacity: 1)
        backend.initialize(to: journal_guarded_backend())
        git_odb_init_backend(&backend.pointee.parent, UInt32(GIT_ODB_BACKEND_VERSION))
        backend.pointee.objects_directory = strdup(objectsDirectory)
        backend.pointee.parent.read = { data, length, type, backend, oid in
            GuardedObjectReads.read(backend, oid) { object in
                guard let buffer = git_odb_backend_data_alloc(backend, object.content.count) else { return -1 }
                object.content.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                data?.pointee = buffer
                length?.pointee = object.content.count
                type?.pointee = object.type
                return 0
            }
        }
        backend.pointee.parent.read_header = { length, type, backend, oid in
            GuardedObjectReads.read(backend, oid) { object in
                length?.pointee = object.content.count
                type?.pointee = object.type
                return 0
            }
        }
        // libgit2 calls every backend's foreach without checking for one; the loose objects this
        // backend reads are listed by libgit2's own loose backend.
        backend.pointee.parent.foreach = { _, _, _ in 0 }
        backend.pointee.parent.free = { backend in
            let guarded = UnsafeMutableRawPointer(backend!).assumingMemoryBound(to: journal_guarded_backend.self)
            free(guarded.pointee.objects_directory)
            guarded.deallocate()
        }
        let parent = UnsafeMutableRawPointer(backend).assumingMemoryBound(to: git_odb_backend.self)
        let result = git_odb_add_backend(database, parent, priority)
        if result < 0 { parent.pointee.free(parent) }
        try check(result, "cannot guard reads of loose objects")
    }

    /// Reads the loose object and hands it to `deliver`; GIT_ENOTFOUND when it is not loose, so
    /// that libgit2 asks its other backends.
    private static func read(_ backend: UnsafeMutablePointer<git_odb_backend>?, _ oid: UnsafePointer<git_oid>?,
                             deliver: (LooseObject) -> Int32) -> Int32 {
        guard let backend, let oid else { return GIT_ENOTFOUND.rawValue }
        let guarded = UnsafeMutableRawPointer(backend).assumingMemoryBound(to: journal_guarded_backend.self)
        let id = ObjectID(oid)
        let path = LooseObject.path(of: id, in: String(cString: guarded.pointee.objects_directory))
        do {
            guard let object = try LooseObject.read(at: path) else { return GIT_ENOTFOUND.rawValue }
            return deliver(object)
        } catch {
            let damaged = DamagedObject(id: id, path: path, damage: error)
            lastDamage.withLock { $0 = damaged }
            git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), damaged.description)
            return GIT_ERROR.rawValue
        }
    }
}
