import Foundation
import TodoCore
import TodoCrypto

/// A random secret generated once and kept in a user-only file.
enum LocalSecret {
    static func loadOrCreate(at path: String) throws -> String {
        if let secret = existing(at: path) { return secret }

        let directory = (path as NSString).deletingLastPathComponent
        let secret = SecureRandom.token(byteCount: 48)
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let created = FileManager.default.createFile(
                atPath: path, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600])
            guard created else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw AppError.internal("writing the local JWT secret to \(path): \(error)")
        }
        return secret
    }

    /// The secret a server already generated at `path`, for commands that must verify the tokens
    /// it signed: a missing file means the data directory is not that server's.
    static func load(at path: String) throws -> String {
        guard let secret = existing(at: path) else {
            let directory = (path as NSString).deletingLastPathComponent
            throw AppError(
                .notFound, code: "jwt_secret_not_found",
                message: "The data directory \(directory) has no server secret (jwt-secret): check --data-dir, "
                    + "or set auth.jwt_secret (JWT_SECRET) to the server's secret")
        }
        return secret
    }

    private static func existing(at path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return secret.isEmpty ? nil : secret
    }
}
