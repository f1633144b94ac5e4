import TodoCore

extension SQLiteTransaction {
    func user(id: String) throws -> User? {
        try connection.query(UserColumns.select + " WHERE id = ?", [.text(id)], step: "load user") {
            try UserColumns.credentials(from: $0).user
        }.first
    }

    func credentials(email: String) throws -> UserCredentials? {
        try connection.query(UserColumns.select + " WHERE email = ?", [.text(email)], step: "load credentials") {
            try UserColumns.credentials(from: $0)
        }.first
    }

    func insert(user: User, passwordHash: String) throws {
        let sql = """
            INSERT INTO users (id, email, name, timezone, quiet_start, quiet_end, notification_channels, created_at, \
            updated_at, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        try connection.execute(sql, UserColumns.values(of: user) + [.text(passwordHash)], step: "insert user")
    }

    /// Throws `not_found` (`user_not_found`) when no user has `user.id`.
    func update(user: User) throws {
        let sql = """
            UPDATE users SET email = ?2, name = ?3, timezone = ?4, quiet_start = ?5, quiet_end = ?6, \
            notification_channels = ?7, created_at = ?8, updated_at = ?9 WHERE id = ?1
            """
        let changed = try connection.execute(sql, UserColumns.values(of: user), step: "update user")
        guard changed == 1 else { throw AppError.notFound("User", code: "user_not_found") }
    }

    /// Throws `not_found` (`user_not_found`) when no user has `userID`.
    func updatePasswordHash(userID: String, passwordHash: String) throws {
        let changed = try connection.execute(
            "UPDATE users SET password_hash = ? WHERE id = ?", [.text(passwordHash), .text(userID)],
            step: "update password hash")
        guard changed == 1 else { throw AppError.notFound("User", code: "user_not_found") }
    }
}
