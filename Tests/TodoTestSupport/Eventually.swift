import Foundation

/// Polls `condition` until it holds or `timeout` passes. Consumers run on their own threads, so a
/// test waits for the state it expects instead of sleeping a fixed time.
public func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.005)
    }
    return try condition()
}
