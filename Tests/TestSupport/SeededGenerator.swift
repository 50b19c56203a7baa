/// A reproducible source of random numbers, for tests that must run the same way every time:
/// Knuth's MMIX linear congruential generator, its high bits folded into the low ones.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 33)
    }
}
