import Foundation
import TodoCore
import TodoCrypto

/// Sign-up, log-in and profile changes. Holds the only code that sees password hashes.
public struct AccountService: Sendable {
    private let store: any Store
    private let clock: any TimeSource
    private let ids: any IDGenerator
    private let hasher: PasswordHasher
    private let tokens: TokenService
    private let limiter: LoginRateLimiter

    public init(
        store: any Store, clock: any TimeSource, ids: any IDGenerator, hasher: PasswordHasher,
        tokens: TokenService, limiter: LoginRateLimiter
    ) {
        self.store = store
        self.clock = clock
        self.ids = ids
        self.hasher = hasher
        self.tokens = tokens
        self.limiter = limiter
    }

    /// A new account and a token for it.
    public func signUp(_ input: SignUpInput) throws -> Session {
        let hash: String
        do {
            hash = try hasher.hash(input.password)
        } catch {
            throw AppError.internal("hashing a new password: \(error)")
        }

        let now = clock.now
        let user = User(
            id: ids.next(), email: input.email, name: input.name, timeZoneID: input.timeZoneID, createdAt: now,
            updatedAt: now)
        try store.write { transaction in
            try transaction.insert(user: user, passwordHash: hash)
        }
        return try session(for: user, now: now)
    }

    /// Checks credentials, counting failures per account and per client address.
    public func logIn(email rawEmail: String, password: String, clientAddress: String) throws -> Session {
        let email = SignUpInput.normalizeEmail(rawEmail)
        let now = clock.now
        try limiter.check(account: email, address: clientAddress, now: now)

        let credentials = try store.read { transaction in try transaction.credentials(email: email) }
        guard let credentials else {
            hasher.verifyDummy(password)
            limiter.recordFailure(account: email, address: clientAddress, now: now)
            throw Self.invalidCredentials
        }
        guard hasher.verify(password, encoded: credentials.passwordHash) else {
            limiter.recordFailure(account: email, address: clientAddress, now: now)
            throw Self.invalidCredentials
        }

        limiter.recordSuccess(account: email)
        if hasher.needsRehash(credentials.passwordHash), let upgraded = try? hasher.hash(password) {
            try store.write { transaction in
                try transaction.updatePasswordHash(userID: credentials.user.id, passwordHash: upgraded)
            }
        }
        return try session(for: credentials.user, now: now)
    }

    /// The account a verified token names; a token for a deleted account is refused.
    public func user(id: String) throws -> User {
        let user = try store.read { transaction in try transaction.user(id: id) }
        guard let user else {
            throw AppError.unauthorized("The account for this token no longer exists", code: "account_not_found")
        }
        return user
    }

    /// Applies a profile change; a new timezone moves the deadlines of the user's all-day tasks too.
    public func update(
        _ user: User, with changes: ProfileChanges, context: ChangeContext = .unattributed
    ) throws -> User {
        var updated = user
        changes.apply(to: &updated)
        guard updated != user else { return user }

        let now = clock.now
        updated.updatedAt = now
        try store.write { transaction in
            try transaction.update(user: updated)
            if updated.timeZoneID != user.timeZoneID {
                try TaskService.refreshDeadlines(
                    of: updated, in: transaction, now: now, events: TaskEventFactory(ids: ids), context: context)
            }
        }
        return updated
    }

    // MARK: Internals

    static let invalidCredentials = AppError.unauthorized(
        "The email or password is not correct", code: "invalid_credentials")

    private func session(for user: User, now: Date) throws -> Session {
        do {
            return Session(token: try tokens.issue(subject: user.id, now: now), user: user)
        } catch {
            throw AppError.internal("issuing a token: \(error)")
        }
    }
}

/// What sign-up and log-in return: a token and the account it is for.
public struct Session: Sendable {
    public var token: IssuedToken
    public var user: User
}
