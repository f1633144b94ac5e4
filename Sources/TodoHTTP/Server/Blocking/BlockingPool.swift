import Foundation

/// A bounded pool of our own threads for handlers that may block for long, so they never hold a
/// libmicrohttpd worker thread (nor Swift's cooperative pool, which has one thread per core).
///
/// Threads are started on demand, up to `threads`, and then stay until ``stop()``; a server whose
/// blocking routes are never called starts none. At most `threads + queueLength` pieces of work are
/// admitted at once (running or waiting); ``submit(_:)`` refuses more, so a burst of slow calls
/// gets a quick 503 instead of piling up without bound.
///
/// `@unchecked Sendable`: every mutable field is read and written only while `condition` is locked.
final class BlockingPool: @unchecked Sendable {
    typealias Work = @Sendable () -> Void

    let threads: Int
    let queueLength: Int
    private let name: String
    private let condition = NSCondition()
    /// Waiting work, oldest first; short (at most `queueLength` waits), so `removeFirst` is cheap.
    private var queue: [Work] = []
    private var started = 0
    private var waiting = 0
    private var running = 0
    private var stopped = false

    init(threads: Int, queueLength: Int, name: String) {
        self.threads = max(1, threads)
        self.queueLength = max(0, queueLength)
        self.name = name
    }

    /// Queues `work` for a pool thread; false (and `work` dropped) when the pool is full or stopped.
    func submit(_ work: @escaping Work) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let queued = queue.count
        guard !stopped, running + queued < threads + queueLength else { return false }

        queue.append(work)
        if queued + 1 > waiting && started < threads {
            started += 1
            startThread()
        } else {
            condition.signal()
        }
        return true
    }

    /// Drops the work still waiting, lets idle threads end and busy ones end after their work;
    /// later ``submit(_:)`` calls are refused. It does not wait: a handler may be stuck for long.
    func stop() {
        condition.lock()
        stopped = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func startThread() {
        let thread = Thread { [self] in self.workLoop() }
        thread.name = name
        thread.start()
    }

    private func workLoop() {
        condition.lock()
        while true {
            while queue.isEmpty && !stopped {
                waiting += 1
                condition.wait()
                waiting -= 1
            }
            guard !queue.isEmpty else { break }

            let work = queue.removeFirst()
            running += 1
            condition.unlock()

            work()

            condition.lock()
            running -= 1
        }
        started -= 1
        condition.unlock()
    }
}
