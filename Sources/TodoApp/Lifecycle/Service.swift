/// A long-running part of the process: an HTTP listener now, consumers and schedulers later.
///
/// Services here own their threads (libmicrohttpd's pool, a consumer's poll thread), so the
/// contract is synchronous: `start` returns once the service accepts work, `stop` returns once it
/// has finished what it accepted or the grace period is over.
public protocol Service: AnyObject, Sendable {
    var name: String { get }
    func start() throws
    func stop(gracePeriod: Duration)
}
