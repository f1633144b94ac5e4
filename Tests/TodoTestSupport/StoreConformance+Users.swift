import Foundation
import Testing
import TodoCore

extension StoreConformance {
    static func usersRoundTrip(_ store: any Store) throws {
        var user = StoreFixtures.user("ada@example.com", timeZoneID: "Europe/Berlin")
        user.name = "Ada"
        user.quietHours = QuietHours(start: LocalTime("22:00")!, end: LocalTime("07:30")!)
        user.notificationChannels = [.inApp, .browser]
        try store.write { try $0.insert(user: user, passwordHash: "hash-1") }

        #expect(try store.read { try $0.user(id: user.id) } == user)
        #expect(
            try store.read { try $0.credentials(email: "ada@example.com") }
                == UserCredentials(
                    user: user, passwordHash: "hash-1"))
        #expect(try store.read { try $0.credentials(email: "nobody@example.com") } == nil)
        #expect(try store.read { try $0.user(id: StoreFixtures.ids.next()) } == nil)

        user.name = nil
        user.quietHours = nil
        user.notificationChannels = []
        user.email = "ada.lovelace@example.com"
        user.updatedAt = StoreFixtures.at(minutes: 5)
        try store.write { writer in
            try writer.update(user: user)
            try writer.updatePasswordHash(userID: user.id, passwordHash: "hash-2")
        }

        #expect(try store.read { try $0.user(id: user.id) } == user)
        #expect(try store.read { try $0.credentials(email: "ada@example.com") } == nil)
        #expect(try store.read { try $0.credentials(email: user.email) }?.passwordHash == "hash-2")
    }

    static func duplicateEmailIsEmailTaken(_ store: any Store) throws {
        let first = try StoreFixtures.insertUser(store, "taken@example.com")
        var second = try StoreFixtures.insertUser(store, "other@example.com")

        expectAppError(.conflict, "email_taken") {
            try store.write { try $0.insert(user: StoreFixtures.user("taken@example.com"), passwordHash: "x") }
        }
        second.email = first.email
        expectAppError(.conflict, "email_taken") {
            try store.write { try $0.update(user: second) }
        }

        // Neither failed write left anything behind.
        #expect(try store.read { try $0.credentials(email: "taken@example.com") }?.user == first)
        #expect(try store.read { try $0.user(id: second.id) }?.email == "other@example.com")
    }

    /// Records an issue unless `body` throws an `AppError` of this kind and code.
    static func expectAppError(
        _ kind: AppError.Kind, _ code: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws -> Void
    ) {
        do {
            try body()
            Issue.record("expected \(kind)/\(code), nothing was thrown", sourceLocation: sourceLocation)
        } catch let error as AppError {
            #expect(error.kind == kind && error.code == code, "got \(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected \(kind)/\(code), got \(error)", sourceLocation: sourceLocation)
        }
    }
}
