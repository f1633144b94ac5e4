import Foundation
import TodoCore
import TodoCrypto

/// A random secret generated once and kept in a user-only file.
enum LocalSecret {
    static func loadOrCreate(at path: String) throws -> String {
        if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
            let secret = existing.trimmingCharacters(in: .whitespacesAndNewlines)
            if !secret.isEmpty { return secret }
        }

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
}
