import CLibgit2

/// Who made a commit and when, in the form Git stores it.
public struct Signature: Equatable, Sendable {
    public var name: String
    public var email: String
    /// Seconds since the Unix epoch.
    public var time: Int64
    /// The author's offset from UTC, in minutes.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ pointer: UnsafePointer<git_signature>) {
        let signature = pointer.pointee
        name = String(cString: signature.name)
        email = String(cString: signature.email)
        time = Int64(signature.when.time)
        offsetMinutes = Int(signature.when.offset)
    }

    /// Calls `body` with a libgit2 copy of this signature that lives for the call only.
    func withGitSignature<T>(_ body: (UnsafeMutablePointer<git_signature>) throws -> T) throws -> T {
        var pointer: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&pointer, name, email, git_time_t(time), Int32(offsetMinutes)),
            "invalid signature '\(name) <\(email)>'")
        defer { git_signature_free(pointer) }
        return try body(pointer!)
    }
}
