import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and atomically replacing the profiles file with POSIX calls, so that each failure
/// carries its errno and the step that failed.
enum ConfigFileSystem {
    /// The file's bytes, or nil if it does not exist.
    static func contents(of path: String) throws(ConfigError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw failure(.fileRead, "cannot open the profiles file", path: path, errno: code)
        }
        defer { close(descriptor) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw failure(.fileRead, "cannot read the profiles file", path: path, errno: code)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Replaces the file with `bytes`: parent directories are created (mode 0700), the bytes go to a
    /// temporary file in the same directory with mode 0600, which is synced and renamed over the
    /// target, so readers see either the old or the new file, never a partial one.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ConfigError) {
        let directory = (path as NSString).deletingLastPathComponent
        let parent = directory.isEmpty ? "." : directory
        do {
            try FileManager.default.createDirectory(
                atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ConfigError(
                .fileWrite, "cannot create the directory \(parent): \(error.localizedDescription)", file: path)
        }

        let name = (path as NSString).lastPathComponent
        let temporary = "\(parent)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do throws(ConfigError) {
            try writeNewFile(bytes, to: temporary, target: path)
            guard rename(temporary, path) == 0 else {
                throw failure(.fileWrite, "cannot move the new profiles file into place", path: path, errno: errno)
            }
        } catch {
            unlink(temporary)
            throw error
        }
        syncDirectory(parent)
    }

    /// Creates `temporary` exclusively with mode 0600, writes everything and syncs it to disk.
    private static func writeNewFile(_ bytes: [UInt8], to temporary: String, target: String) throws(ConfigError) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw failure(.fileWrite, "cannot create a temporary file next to it", path: target, errno: errno)
        }
        defer { close(descriptor) }

        // The umask can only remove permission bits, but say 0600 explicitly anyway.
        guard fchmod(descriptor, 0o600) == 0 else {
            throw failure(.fileWrite, "cannot set mode 0600 on the new file", path: target, errno: errno)
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw failure(.fileWrite, "cannot write the new profiles file", path: target, errno: code)
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else {
            throw failure(.fileWrite, "cannot sync the new profiles file", path: target, errno: errno)
        }
    }

    /// Syncs the directory so that the rename survives a crash. Best effort: the file is already
    /// complete and in place, so a failure here is not reported.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ code: ConfigError.Code, _ step: String, path: String, errno: Int32) -> ConfigError {
        ConfigError(code, "\(step): \(String(cString: strerror(errno))) (errno \(errno))", file: path)
    }
}
