import Foundation

/// The one source of "now" for everything that schedules or compares times, injected so that tests
/// can set the time to the millisecond.
public protocol TimeSource: Sendable {
    var now: Date { get }
}

/// The system clock, truncated to whole milliseconds: the precision every store keeps.
public struct SystemTimeSource: TimeSource {
    public init() {}

    public var now: Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

extension Date {
    /// Milliseconds since the Unix epoch, the form instants are stored in.
    public var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    public init(millisecondsSince1970 value: Int64) {
        self.init(timeIntervalSince1970: Double(value) / 1000)
    }
}
