import Foundation
import TodoCore
import TodoCrypto
import TodoHTTP

/// Turns `Authorization: Bearer <JWT>` into the signed-in user. The user always comes from the
/// token, never from the path or the body.
public struct Authenticator: Sendable {
    let tokens: TokenService
    let accounts: AccountService
    let clock: any TimeSource

    public init(tokens: TokenService, accounts: AccountService, clock: any TimeSource) {
        self.tokens = tokens
        self.accounts = accounts
        self.clock = clock
    }

    public func user(for request: HTTPRequest) throws -> User {
        guard let header = request.headers["Authorization"] else {
            throw AppError.unauthorized("Sign in first: send Authorization: Bearer <token>", code: "missing_token")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw AppError.unauthorized("The Authorization header must be 'Bearer <token>'", code: "invalid_token")
        }

        let verified: VerifiedToken
        do {
            verified = try tokens.verify(Self.trimmingBlanks(parts[1]), now: clock.now)
        } catch {
            throw AppError.unauthorized(error.message, code: error.code)
        }
        return try accounts.user(id: verified.subject)
    }

    /// The token without surrounding blanks (spaces and tabs, as in `CharacterSet.whitespaces`),
    /// without Foundation's NSString bridge, which showed up in profiles of every request.
    static func trimmingBlanks(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        let start = text.firstIndex { !isBlank($0) } ?? text.endIndex
        let end = text.lastIndex { !isBlank($0) }.map { text.index(after: $0) } ?? start
        return String(text[start..<max(start, end)])
    }

    /// Wraps a handler that needs the signed-in user.
    func require(
        _ handler: @escaping @Sendable (HTTPRequest, User) throws -> HTTPResponse
    ) -> @Sendable (HTTPRequest) throws -> HTTPResponse {
        { request in
            let user = try self.user(for: request)
            var request = request
            request.context.userID = user.id
            return try handler(request, user)
        }
    }
}
