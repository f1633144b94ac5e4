import TodoCrypto

extension JWTKey {
    /// A key whose `kid` is derived from the secret itself (the first 9 bytes of
    /// HMAC-SHA256(secret, "todo-chatbot kid"), base64url): every replica given the same secret
    /// names it the same way, and the id reveals nothing usable about the secret.
    static func derived(from secret: String) -> JWTKey {
        let bytes = Array(secret.utf8)
        let digest = (try? HMACSHA256.authenticate(key: bytes, message: Array("todo-chatbot kid".utf8))) ?? []
        return JWTKey(id: Base64URL.encode(Array(digest.prefix(9))), secret: bytes)
    }
}
