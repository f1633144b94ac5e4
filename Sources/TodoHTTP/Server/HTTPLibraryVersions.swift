import CMicroHTTPD
import CWslay

/// The HTTP and WebSocket libraries the servers run on, for `version`.
public enum HTTPLibraryVersions {
    /// libmicrohttpd as loaded at run time.
    public static var microhttpd: String { String(cString: MHD_get_version()) }

    /// wslay as compiled against (it has no run-time version call).
    public static var wslay: String { WSLAY_VERSION }
}
