/// A day named in a way journal cannot read, with the ways it can.
public struct InvalidDate: Error, Equatable, CustomStringConvertible {
    public let text: String
    public let accepted: String

    public init(_ text: String, accepted: String) {
        self.text = text
        self.accepted = accepted
    }

    public var description: String { "invalid date '\(text)' (accepted: \(accepted))" }
}
