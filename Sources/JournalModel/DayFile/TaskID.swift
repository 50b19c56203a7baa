/// The short stable name of a task: five lowercase letters or digits, written `^k7f3q` at the
/// end of its line. It follows the task through rewording, moving and carrying.
public struct TaskID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    package static let length = 5
    package static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    public init?(_ text: some StringProtocol) {
        let bytes = text.utf8
        guard bytes.count == TaskID.length, bytes.allSatisfy(TaskID.isIDByte) else { return nil }
        value = String(text)
    }

    /// The name history gives a task written without an id (in commits made before the journal
    /// was adopted, or by plain Git): `~` and a hash of its description, so that its copies on
    /// other days, and the same task once an id is written to it, are known as one task.
    package init(unnamed description: String) {
        let hex = String(TaskID.hash(description), radix: 16)
        value = "~" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A name `init(unnamed:)` gave, which no day file holds.
    package var isUnnamed: Bool { value.hasPrefix("~") }

    /// Accepts `k7f3q` and `^k7f3q`.
    public init?(reference: String) {
        self.init(reference.hasPrefix("^") ? reference.dropFirst() : Substring(reference))
    }

    package static func isIDByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// A random id not in `taken`: 36^5 (60 million) names make a retry rare even on a ten-year journal.
    /// Never all digits, so that a typed id can never be read as a task number.
    package static func fresh(avoiding taken: (TaskID) -> Bool) -> TaskID {
        var generator = SystemRandomNumberGenerator()
        while true {
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let id = TaskID(String(decoding: bytes, as: UTF8.self))!
            if !id.isAllDigits && !taken(id) { return id }
        }
    }

    /// The same id for the same `seed` on every machine (the `attempt`th candidate, for when an
    /// earlier one is taken): for a task committed without an id, which two machines may each
    /// name before they sync.
    package static func derived(from seed: String, attempt: Int) -> TaskID {
        var hash = TaskID.hash(seed + " " + String(attempt))
        let bytes = (0..<length).map { _ -> UInt8 in
            defer { hash /= UInt64(alphabet.count) }
            return alphabet[Int(hash % UInt64(alphabet.count))]
        }
        let id = TaskID(String(decoding: bytes, as: UTF8.self))!
        // Never all digits, as `fresh` ensures.
        return id.isAllDigits ? TaskID("a" + id.value.dropFirst())! : id
    }

    /// FNV-1a: a hash every machine computes alike, unlike Swift's seeded `Hasher`.
    private static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// Ids of old journals may be all digits (`12345`): typed without `^`, they read as numbers too.
    public var isAllDigits: Bool { value.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }

    public var description: String { value }

    public static func < (lhs: TaskID, rhs: TaskID) -> Bool { lhs.value < rhs.value }
}
