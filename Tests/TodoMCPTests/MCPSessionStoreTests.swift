import Testing
import TodoCore
import TodoMCP
import TodoTestSupport

/// Who makes way when the session store is full.
@Suite struct MCPSessionStoreTests {
    let clock = ManualTimeSource()

    private func open(_ store: MCPSessionStore, for user: String) -> MCPSession {
        let session = store.makeSession(for: user)
        store.admit(session)
        return session
    }

    @Test func aFullStoreTakesFromTheUserHoldingTheMost() {
        let store = MCPSessionStore(maxSessions: 4, maxPerUser: 3, idleTimeout: 600, clock: clock)
        let alice = open(store, for: "alice")
        let mallory = (0..<3).map { _ in open(store, for: "mallory") }
        // Alice's one session is the least recently used of all, yet Mallory, holding three, makes way.
        _ = open(store, for: "carol")

        #expect(store.session(alice.id, for: "alice") != nil)
        #expect(store.session(mallory[0].id, for: "mallory") == nil)
        #expect(store.session(mallory[1].id, for: "mallory") != nil)
        #expect(store.count == 4)
    }

    @Test func theSessionBeingOpenedCountsForItsUser() {
        let store = MCPSessionStore(maxSessions: 3, maxPerUser: 3, idleTimeout: 600, clock: clock)
        let alice = open(store, for: "alice")
        let mallory = open(store, for: "mallory")
        let trudy = open(store, for: "trudy")
        #expect(store.session(mallory.id, for: "mallory") != nil)
        #expect(store.session(trudy.id, for: "trudy") != nil)

        // Everyone holds one, Alice's is the least recently used, but Mallory's second makes
        // Mallory the biggest holder: her older session goes.
        _ = open(store, for: "mallory")

        #expect(store.session(alice.id, for: "alice") != nil)
        #expect(store.session(mallory.id, for: "mallory") == nil)
        #expect(store.session(trudy.id, for: "trudy") != nil)
    }

    @Test func amongEqualHoldersTheLeastRecentlyUsedSessionMakesWay() {
        let store = MCPSessionStore(maxSessions: 2, maxPerUser: 3, idleTimeout: 600, clock: clock)
        let alice = open(store, for: "alice")
        let bob = open(store, for: "bob")
        #expect(store.session(alice.id, for: "alice") != nil)

        _ = open(store, for: "carol")

        #expect(store.session(bob.id, for: "bob") == nil)
        #expect(store.session(alice.id, for: "alice") != nil)
    }
}
