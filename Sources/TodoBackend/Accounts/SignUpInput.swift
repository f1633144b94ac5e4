import Foundation
import TodoCore

/// A validated sign-up request.
public struct SignUpInput: Sendable {
    public static let minimumPasswordLength = 8
    /// Long enough for any passphrase, short enough that hashing cannot be used to burn CPU.
    public static let maximumPasswordBytes = 1024

    public var email: String
    public var password: String
    public var name: String?
    public var timeZoneID: String

    /// Reads `{email, password, name?, timezone?}`, reporting every invalid field at once.
    public static func parse(_ json: JSONValue) throws(AppError) -> SignUpInput {
        let object = try ValidationErrors.object(json)
        var problems = ValidationErrors()
        let known: Set<String> = ["email", "password", "name", "timezone"]
        problems.addUnknownFields(of: object, known: known)

        let email = parseEmail(object["email"], into: &problems)
        let password = parsePassword(object["password"], into: &problems)
        let name = ProfileChanges.parseName(object["name"], into: &problems) ?? nil
        var timeZoneID = "UTC"
        if let value = object["timezone"], !value.isNull {
            timeZoneID = ProfileChanges.parseTimeZone(value, into: &problems) ?? "UTC"
        }

        try problems.throwIfAny()
        return SignUpInput(email: email!, password: password!, name: name, timeZoneID: timeZoneID)
    }

    public static func normalizeEmail(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func parseEmail(_ value: JSONValue?, into problems: inout ValidationErrors) -> String? {
        guard let value else {
            problems.add("email", code: "required", "An email address is required")
            return nil
        }
        guard let raw = value.stringValue else {
            problems.add("email", code: "invalid_type", "email must be a string")
            return nil
        }
        let email = normalizeEmail(raw)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid =
            email.utf8.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[0].utf8.count <= 64
            && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !email.unicodeScalars.contains { CharacterSet.whitespacesAndNewlines.contains($0) || $0.value < 0x20 }
        guard valid else {
            problems.add("email", code: "invalid_email", "email must be an address such as ada@example.com")
            return nil
        }
        return email
    }

    static func parsePassword(_ value: JSONValue?, into problems: inout ValidationErrors) -> String? {
        guard let value else {
            problems.add("password", code: "required", "A password is required")
            return nil
        }
        guard let password = value.stringValue else {
            problems.add("password", code: "invalid_type", "password must be a string")
            return nil
        }
        if password.count < minimumPasswordLength {
            problems.add(
                "password", code: "too_short", "password needs at least \(minimumPasswordLength) characters")
            return nil
        }
        if password.utf8.count > maximumPasswordBytes {
            problems.add("password", code: "too_long", "password has at most \(maximumPasswordBytes) bytes")
            return nil
        }
        return password
    }
}
