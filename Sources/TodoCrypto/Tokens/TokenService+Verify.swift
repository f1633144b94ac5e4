import Foundation

extension TokenService {
    /// Tokens longer than this are rejected before any decoding.
    public static let maximumTokenLength = 8192

    /// Checks `token` and returns its claims, or throws the first reason it must be refused.
    ///
    /// The checks run in this order, and nothing in the payload is read before the signature
    /// has matched: three base64url segments; a JSON header with `alg` exactly `HS256` and no
    /// `crit`; a known `kid` (or, without one, any accepted key); the signature, compared in
    /// constant time; a JSON payload; `iss`; `sub`, `exp` and `iat` present; `exp`, `iat` and
    /// `nbf` against `now` with the leeway.
    public func verify(_ token: String, now: Date) throws(TokenError) -> VerifiedToken {
        var token = token
        let result = token.withUTF8 { bytes in
            Result { () throws(TokenError) in try verify(utf8: bytes, now: now) }
        }
        return try result.get()
    }

    private func verify(utf8 token: UnsafeBufferPointer<UInt8>, now: Date) throws(TokenError) -> VerifiedToken {
        guard token.count <= Self.maximumTokenLength else { throw .malformed }
        let dot = UInt8(ascii: ".")
        guard let firstDot = token.firstIndex(of: dot),
            let secondDot = token[(firstDot + 1)...].firstIndex(of: dot),
            !token[(secondDot + 1)...].contains(dot),
            firstDot > 0, secondDot > firstDot + 1
        else { throw .malformed }
        let headerSegment = UnsafeBufferPointer(rebasing: token[..<firstDot])
        let payloadSegment = UnsafeBufferPointer(rebasing: token[(firstDot + 1)..<secondDot])
        let signatureSegment = UnsafeBufferPointer(rebasing: token[(secondDot + 1)...])

        let candidates = try candidateKeys(headerSegment: headerSegment)
        let signingInput = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: token[..<secondDot]))
        let key = try matchingKey(candidates, signingInput: signingInput, signatureSegment: signatureSegment)

        guard let payload = Base64URL.decode(payloadSegment),
            let claims = try? decoder.decode(JWTClaims.self, from: Data(payload))
        else { throw .malformed }
        return try validate(claims, keyID: key.id, now: now)
    }

    /// The keys a token with this header may be signed with.
    private func candidateKeys(headerSegment: UnsafeBufferPointer<UInt8>) throws(TokenError) -> [JWTKey] {
        // Fast path: the exact header this service writes needs no JSON decoding.
        if headerSegment.elementsEqual(signingHeaderSegment.utf8) { return [signingKey] }

        guard let bytes = Base64URL.decode(headerSegment),
            let header = try? decoder.decode(JWTHeader.self, from: Data(bytes)),
            !header.hasCriticalExtensions, !header.keyIDIsInvalid
        else { throw .malformed }
        guard header.algorithm == Self.algorithm else { throw .algorithmUnsupported }

        guard let keyID = header.keyID else { return keys }
        guard let key = keys.first(where: { $0.id == keyID }) else { throw .keyUnknown }
        return [key]
    }

    /// The first candidate whose HMAC over `signingInput` equals the signature.
    private func matchingKey(
        _ candidates: [JWTKey], signingInput: UnsafeRawBufferPointer, signatureSegment: UnsafeBufferPointer<UInt8>
    ) throws(TokenError) -> JWTKey {
        guard let signature = Base64URL.decode(signatureSegment) else { throw .malformed }
        guard signature.count == HMACSHA256.byteCount else { throw .signatureInvalid }

        for key in candidates {
            let result = key.secret.withUnsafeBytes { secret in
                Result { () throws(OpenSSLError) in try HMACSHA256.authenticate(key: secret, message: signingInput) }
            }
            switch result {
            case .success(let expected):
                if ConstantTime.equals(expected, signature) { return key }
            case .failure(let error):
                throw .verificationFailed(error)
            }
        }
        throw .signatureInvalid
    }

    private func validate(_ claims: JWTClaims, keyID: String, now: Date) throws(TokenError) -> VerifiedToken {
        guard claims.issuer == issuer else { throw .issuerInvalid }
        guard let subject = claims.subject, !subject.isEmpty else { throw .claimInvalid(name: "sub") }
        guard let expiresAt = claims.expiresAt else { throw .claimInvalid(name: "exp") }
        guard let issuedAt = claims.issuedAt else { throw .claimInvalid(name: "iat") }
        guard !claims.notBeforeIsInvalid else { throw .claimInvalid(name: "nbf") }

        let seconds = now.timeIntervalSince1970
        let leeway = TimeInterval(leeway)
        guard seconds < expiresAt + leeway else { throw .expired }
        guard issuedAt <= seconds + leeway else { throw .notYetValid }
        if let notBefore = claims.notBefore, notBefore > seconds + leeway { throw .notYetValid }

        return VerifiedToken(
            subject: subject, issuedAt: Date(timeIntervalSince1970: issuedAt),
            expiresAt: Date(timeIntervalSince1970: expiresAt), keyID: keyID, tokenID: claims.tokenID)
    }
}
