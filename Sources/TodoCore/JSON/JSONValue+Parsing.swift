import Foundation

extension JSONValue {
    /// Parses a request body. Malformed input is a 400 `malformed_json`; the decoder's own text is
    /// kept for the log only, since it can quote the payload.
    public static func parse(_ bytes: [UInt8]) throws(AppError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw AppError(
                .badRequest, code: "malformed_json", message: "The request body is not valid JSON",
                debugContext: String(describing: error))
        }
    }

    /// Serializes with the fast writer; object members are written in sorted key order.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.value(self)
        return writer.bytes
    }
}
