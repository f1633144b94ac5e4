import Foundation
import TodoCore

/// Creates the database file and its directory before SQLite opens them, so that both start
/// private to the current user: the directory 0700 (when created here), the file 0600. SQLite gives
/// its `-wal` and `-shm` files the permissions of the database file.
enum DatabaseFile {
    static func prepare(_ path: String) throws {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent

        if !directory.isEmpty, !manager.fileExists(atPath: directory) {
            do {
                try manager.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw AppError.unavailable(
                    "Cannot create the database directory \(directory)", code: "database_unavailable",
                    context: "create directory: \(error)")
            }
        }

        guard !manager.fileExists(atPath: path) else { return }
        // O_EXCL: when another process creates the file first, keep theirs.
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw AppError.unavailable(
                "Cannot create the database file \(path)", code: "database_unavailable",
                context: "create file: \(reason)")
        }
    }
}
