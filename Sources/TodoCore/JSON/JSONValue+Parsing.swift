import Foundation

extension JSONValue {
    /// Parses a request body. Malformed input is a 400 `malformed_json`; the parser's own text is
    /// kept for the log only, since it can quote the payload.
    ///
    /// Foundation's `JSONSerialization` does the parsing (it refuses nesting deeper than 512
    /// levels, so the recursive conversion below stays shallow); its objects are then converted.
    /// This replaced a `Decodable` init that probed each type with `try?`, building and dropping
    /// a `DecodingError` per failed probe, which was a visible share of every write request.
    public static func parse(_ bytes: [UInt8]) throws(AppError) -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw malformed(String(describing: error))
        }
        if let offset = trailingCommaOffset(bytes) {
            throw malformed("trailing comma at byte \(offset)")
        }
        guard let value = JSONValue(foundation: object) else {
            throw malformed("unexpected \(type(of: object)) from JSONSerialization")
        }
        return value
    }

    /// Serializes with the fast writer; object members are written in sorted key order.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.value(self)
        return writer.bytes
    }

    /// The offset of a comma that closes an array or object (`[1,]`), which RFC 8259 forbids but
    /// the Foundation parser on Linux accepts; nil when there is none. Only called on input the
    /// parser accepted, so strings are well formed and a quote always toggles string state
    /// unless escaped.
    static func trailingCommaOffset(_ bytes: [UInt8]) -> Int? {
        var inString = false
        var escaped = false
        var pendingComma: Int?
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: ","):
                pendingComma = offset
                continue
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let pendingComma { return pendingComma }
            case UInt8(ascii: "\""):
                inString = true
            default:
                break
            }
            pendingComma = nil
        }
        return nil
    }

    private static func malformed(_ context: String) -> AppError {
        AppError(
            .badRequest, code: "malformed_json", message: "The request body is not valid JSON",
            debugContext: context)
    }
}
