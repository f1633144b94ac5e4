import TodoCore

extension PostgresTransaction {
    func user(id: String) throws -> User? {
        let result = try connection.execute(
            UserColumns.select + " WHERE id = $1" + lockClause, [.text(id)], step: "load user")
        return result.rowCount == 0 ? nil : try UserColumns.credentials(from: result, row: 0).user
    }

    func credentials(email: String) throws -> UserCredentials? {
        let result = try connection.execute(
            UserColumns.select + " WHERE email = $1" + lockClause, [.text(email)], step: "load credentials")
        return result.rowCount == 0 ? nil : try UserColumns.credentials(from: result, row: 0)
    }

    func insert(user: User, passwordHash: String) throws {
        let sql = """
            INSERT INTO users (id, email, name, timezone, quiet_start, quiet_end, notification_channels, created_at, \
            updated_at, password_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """
        try connection.execute(sql, UserColumns.values(of: user) + [.text(passwordHash)], step: "insert user")
    }

    /// Throws `not_found` (`user_not_found`) when no user has `user.id`.
    func update(user: User) throws {
        let sql = """
            UPDATE users SET email = $2, name = $3, timezone = $4, quiet_start = $5, quiet_end = $6, \
            notification_channels = $7, created_at = $8, updated_at = $9 WHERE id = $1
            """
        let changed = try connection.execute(sql, UserColumns.values(of: user), step: "update user").changedRows
        guard changed == 1 else { throw AppError.notFound("User", code: "user_not_found") }
    }

    /// Throws `not_found` (`user_not_found`) when no user has `userID`.
    func updatePasswordHash(userID: String, passwordHash: String) throws {
        let changed = try connection.execute(
            "UPDATE users SET password_hash = $2 WHERE id = $1", [.text(userID), .text(passwordHash)],
            step: "update password hash"
        ).changedRows
        guard changed == 1 else { throw AppError.notFound("User", code: "user_not_found") }
    }
}
