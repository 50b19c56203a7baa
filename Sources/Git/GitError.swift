import CLibgit2

/// A failed libgit2 call: what journal was doing, libgit2's own message, and its error code.
public struct GitError: Error, CustomStringConvertible, Equatable {
    public enum Code: Equatable, Sendable {
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

/// Turns a libgit2 return code into a thrown error. libgit2's message is read first, before
/// anything else can replace it, and cleared after reading (as git2-rs does), so that it never
/// leaks into the error of a later call that sets none.
@discardableResult
func check(_ result: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
    guard result < 0 else {
        // Damage is attached only to the failure of the call that met it, never to a later one.
        GuardedObjectReads.forgetDamage()
        return result
    }
    let last = git_error_last()?.pointee
    let message = last?.message.map { String(cString: $0) }
    let category = last.map { git_error_t(UInt32($0.klass)) }
    git_error_clear()
    var error = GitError(code: GitError.Code(result), operation: operation(), message: message ?? "libgit2 error \(result)")
    if let category, let message {
        error.indicatesDamage = [GIT_ERROR_ODB, GIT_ERROR_ZLIB, GIT_ERROR_INDEX].contains(category)
            || (category == GIT_ERROR_REFERENCE && message.contains("corrupt"))
    }
    if let damaged = GuardedObjectReads.forgetDamage() {
        error.message = damaged.description
        error.indicatesDamage = true
    }
    throw error
}

/// True when libgit2 answered that what was asked for does not exist, one of `codes`: an answer,
/// not a failure, so its message is cleared at once.
func isAbsent(_ result: Int32, _ codes: git_error_code...) -> Bool {
    guard codes.contains(where: { $0.rawValue == result }) else { return false }
    git_error_clear()
    GuardedObjectReads.forgetDamage()
    return true
}
