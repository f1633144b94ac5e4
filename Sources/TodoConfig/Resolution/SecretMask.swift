/// How secret values are shown: never in full.
///
/// A URL keeps its scheme, user, host and path, so that a person can tell which database is used,
/// while the password and any query parameter that looks like a credential become `****`. Any other
/// non-empty secret is `****` whole.
public enum SecretMask {
    /// The text that replaces a secret.
    public static let placeholder = "****"

    /// The value as it may be displayed.
    public static func masked(_ value: SettingValue) -> String {
        switch value {
        case .string(let text): masked(text)
        case .int, .bool: placeholder
        case .list(let items): items.map(masked).joined(separator: ",")
        }
    }

    /// One secret string as it may be displayed; empty stays empty, so that "not set" is visible.
    public static func masked(_ text: String) -> String {
        if text.isEmpty { return "" }
        guard let separator = text.range(of: "://") else { return placeholder }

        let scheme = text[..<separator.upperBound]
        var rest = Substring(text[separator.upperBound...])
        var query: Substring?
        if let questionMark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: questionMark)...]
            rest = rest[..<questionMark]
        }

        var result = String(scheme) + maskingPassword(in: rest)
        if let query { result += "?" + maskingCredentials(in: query) }
        return result
    }

    /// `user:password@host/path` → `user:****@host/path`. The user info ends at the last `@` before
    /// the path, since a password may itself contain `@`.
    private static func maskingPassword(in authorityAndPath: Substring) -> String {
        let authorityEnd = authorityAndPath.firstIndex(of: "/") ?? authorityAndPath.endIndex
        let authority = authorityAndPath[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return String(authorityAndPath) }

        let userInfo = authority[..<at]
        let user = userInfo.firstIndex(of: ":").map { userInfo[..<$0] + ":" + placeholder } ?? String(userInfo)
        return user + authorityAndPath[at...]
    }

    /// Masks the value of every query parameter whose name suggests a credential.
    private static func maskingCredentials(in query: Substring) -> String {
        let words = ["pass", "secret", "token", "key"]
        return query.split(separator: "&", omittingEmptySubsequences: false).map { parameter in
            guard let equals = parameter.firstIndex(of: "=") else { return String(parameter) }
            let name = parameter[..<equals].lowercased()
            guard words.contains(where: name.contains) else { return String(parameter) }
            return parameter[..<equals] + "=" + placeholder
        }.joined(separator: "&")
    }
}
