/// How far a fetch or a push has got, for a progress line on a terminal.
public struct RemoteProgress: Equatable, Sendable {
    /// True while pushing, false while fetching.
    public let sending: Bool
    public let objects: Int
    public let totalObjects: Int
    public let bytes: Int

    public var isComplete: Bool { objects >= totalObjects }
}
