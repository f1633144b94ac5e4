import Glibc

/// A dictionary per thread, for lookups on a hot path that must not take a shared lock: on a
/// machine with more runnable threads than cores, a thread preempted while it holds a lock stalls
/// every other worker for a scheduler slice, which a per-request lock turns into a throughput cliff.
///
/// Owns one pthread key: each thread's dictionary is created on its first lookup and released when
/// the thread exits (the key's destructor); ``deinit`` deletes the key (dictionaries of threads
/// still running are then not released, which only happens when a pipeline is thrown away).
final class ThreadLocalCache<Key: Hashable, Value>: @unchecked Sendable {
    // @unchecked Sendable: the key is written once in init; each Storage is only touched by its thread.
    private var key = pthread_key_t()

    private final class Storage {
        var entries: [Key: Value] = [:]
    }

    init() {
        // The destructor is a C function and cannot know `Storage`'s generic type: any class
        // releases the same way.
        let status = pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<AnyObject>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "pthread_key_create failed with \(status): too many thread-local keys")
    }

    deinit {
        pthread_key_delete(key)
    }

    /// This thread's value for `key`, or `make()`'s, which is then kept for this thread.
    func value(for entry: Key, make: () -> Value) -> Value {
        let storage: Storage
        if let pointer = pthread_getspecific(key) {
            storage = Unmanaged<Storage>.fromOpaque(pointer).takeUnretainedValue()
        } else {
            storage = Storage()
            pthread_setspecific(key, Unmanaged.passRetained(storage).toOpaque())
        }
        if let found = storage.entries[entry] { return found }

        let made = make()
        storage.entries[entry] = made
        return made
    }
}
