import Glibc

/// The process's open-file limit, which caps concurrent connections.
enum FileDescriptorLimit {
    /// Raises the soft limit to the hard limit. Returns the resulting soft limit, or a message
    /// saying why it could not be changed.
    static func raiseToHardLimit() -> Result<UInt, HTTPServerError> {
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        var limits = rlimit()
        guard getrlimit(resource, &limits) == 0 else {
            return .failure(
                HTTPServerError(.startFailed, "getrlimit(RLIMIT_NOFILE): \(ListeningSocket.describe(errno))"))
        }
        guard limits.rlim_cur < limits.rlim_max else { return .success(UInt(limits.rlim_cur)) }

        limits.rlim_cur = limits.rlim_max
        guard setrlimit(resource, &limits) == 0 else {
            return .failure(
                HTTPServerError(.startFailed, "setrlimit(RLIMIT_NOFILE): \(ListeningSocket.describe(errno))"))
        }
        return .success(UInt(limits.rlim_cur))
    }
}
