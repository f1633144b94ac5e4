import Foundation
import TodoCore

/// Up to `capacity` reader connections, opened on first need and handed to one thread at a time.
/// A thread that finds none idle waits until one is checked in.
final class ReaderPool: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let capacity: Int
    private let open: () throws -> SQLiteConnection
    private let path: String
    private var idle: [SQLiteConnection] = []
    private var openCount = 0
    private var closed = false

    init(path: String, capacity: Int, open: @escaping () throws -> SQLiteConnection) {
        self.path = path
        self.capacity = max(1, capacity)
        self.open = open
    }

    func checkOut() throws -> SQLiteConnection {
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw SQLiteFailure.closed(path)
            }
            if let connection = idle.popLast() {
                condition.unlock()
                return connection
            }
            if openCount < capacity { break }
            condition.wait()
        }
        openCount += 1
        condition.unlock()

        // Opening may wait on the busy timeout, so it happens outside the lock.
        do {
            return try open()
        } catch {
            condition.lock()
            openCount -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    func checkIn(_ connection: SQLiteConnection) {
        condition.lock()
        defer { condition.unlock() }

        if closed {
            connection.close()
            openCount -= 1
        } else {
            idle.append(connection)
        }
        condition.signal()
    }

    /// Closes idle connections now and checked-out ones when they come back.
    func close() {
        condition.lock()
        defer { condition.unlock() }

        closed = true
        for connection in idle { connection.close() }
        openCount -= idle.count
        idle.removeAll()
        condition.broadcast()
    }
}
