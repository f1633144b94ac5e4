import Foundation

/// One file of the web UI as the binary carries it: its name under `web/` and its bytes.
struct EmbeddedFile: Sendable {
    let name: String
    let bytes: [UInt8]

    /// Decodes the Base64 text the generator wrote (line breaks inside it are ignored).
    init(name: String, base64: String) {
        self.name = name
        self.bytes = Array(Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data())
    }

    /// The `Content-Type` for the file's extension; unknown kinds are served as bytes.
    var contentType: String {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
