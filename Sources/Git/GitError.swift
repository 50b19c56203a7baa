import CLibgit2

/// A failed libgit2 call: what journal was doing, libgit2's own message, and its error code.
public struct GitError: Error, CustomStringConvertible, Equatable {
    public enum Code: Equatable {
        case notFound, exists, ambiguous, locked, modified, unbornBranch, nonFastForward, other(Int32)

        init(_ raw: Int32) {
            switch raw {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_ELOCKED.rawValue: self = .locked
            case GIT_EMODIFIED.rawValue: self = .modified
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_ENONFASTFORWARD.rawValue: self = .nonFastForward
            default: self = .other(raw)
            }
        }
    }

    public let code: Code
    public let operation: String
    public internal(set) var message: String
    /// The repository itself is damaged (an object, a reference, the index), rather than the
    /// operation refused.
    public var indicatesDamage = false

    public var description: String { "\(operation): \(message)" }
}

/// Turns a libgit2 return code into a thrown error, reading `git_error_last` at once,
/// before any other libgit2 call can replace it.
@discardableResult
func check(_ result: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
    guard result < 0 else { return result }
    var error = GitError(code: GitError.Code(result), operation: operation(), message: "libgit2 error \(result)")
    if let last = git_error_last(), let text = last.pointee.message {
        error.message = String(cString: text)
        let category = git_error_t(UInt32(last.pointee.klass))
        error.indicatesDamage = [GIT_ERROR_ODB, GIT_ERROR_ZLIB, GIT_ERROR_INDEX].contains(category)
            || (category == GIT_ERROR_REFERENCE && error.message.contains("corrupt"))
    }
    if let damaged = GuardedObjectReads.lastDamage {
        GuardedObjectReads.lastDamage = nil
        error.message = damaged.description
        error.indicatesDamage = true
    }
    throw error
}
