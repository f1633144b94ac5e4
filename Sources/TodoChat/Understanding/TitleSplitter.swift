/// Splits one add request into several tasks: "milk, eggs and bread" is three, and in "call mom
/// and dad" or "buy milk and eggs" the verb carries over ("Call dad", "Buy eggs").
public enum TitleSplitter {
    /// Verbs (with the particle after them) that a later item without its own verb borrows.
    static let verbs: Set<String> = [
        "buy", "get", "pick", "call", "email", "text", "message", "phone", "ring", "pay", "send", "write", "read",
        "clean", "wash", "fix", "book", "order", "return", "renew", "check", "review", "submit", "prepare", "plan",
        "cook", "bake", "water", "feed", "walk", "take", "bring", "drop", "visit", "meet", "see", "file", "print",
        "sign", "ask", "tell", "research", "study", "practice", "learn", "grab", "mail", "post", "schedule", "finish",
        "watch", "make", "do", "go", "contact", "invite", "thank", "update", "cancel", "organize", "sort", "fill",
        "vacuum", "mop", "iron", "repair", "replace", "install", "download", "upload", "backup", "charge",
    ]

    /// Verbs whose objects are usually several separate things to get.
    static let shopping: Set<String> = ["buy", "get", "pick", "grab", "order", "purchase"]

    static let particles: Set<String> = ["up", "with", "to", "out", "off", "for", "back", "in"]

    static let separators: Set<String> = [",", "and", "&", "plus", ";"]

    /// The titles in `tokens`, each cleaned by ``TitleCleaner``.
    public static func split(_ tokens: [Token]) -> [String] {
        var parts: [[Token]] = [[]]
        for token in tokens {
            if !token.quoted, separators.contains(token.word) {
                if !(parts.last?.isEmpty ?? true) { parts.append([]) }
            } else {
                parts[parts.count - 1].append(token)
            }
        }
        parts = parts.map(TitleCleaner.trim).filter { !$0.isEmpty }
        guard parts.count > 1 else { return tokens.isEmpty ? [] : [TitleCleaner.title(tokens)].compactMap { $0 } }

        // Split only lists of short items; a long clause with "and" in it is one task, and so is
        // "research and write the essay", where a lone verb shares its object.
        let loneVerb = parts.contains { $0.count == 1 && verbs.contains($0[0].word) }
        guard parts.allSatisfy({ $0.count <= 4 }), !loneVerb else {
            return [TitleCleaner.title(tokens)].compactMap { $0 }
        }

        // Every item its own request ("pay rent and call the bank"), or bare items ("milk and eggs").
        let laterHaveVerbs = parts.dropFirst().allSatisfy { verbs.contains($0[0].word) }
        guard let first = parts[0].first, verbs.contains(first.word), !laterHaveVerbs else {
            return parts.compactMap(TitleCleaner.title)
        }
        // "buy milk and eggs": shopping verbs carry over; "email Bob and Alice" stays one task.
        guard shopping.contains(first.word), let lead = leadingVerb(parts[0]) else {
            return [TitleCleaner.title(tokens)].compactMap { $0 }
        }
        return parts.enumerated().compactMap { index, part in
            guard index > 0, !verbs.contains(part[0].word) else { return TitleCleaner.title(part) }
            var item = part
            item[0].spaceBefore = true
            return TitleCleaner.title(lead + item)
        }
    }

    private static func leadingVerb(_ part: [Token]) -> [Token]? {
        guard let first = part.first, verbs.contains(first.word), part.count > 1 else { return nil }
        var lead = [first]
        if part.count > 2, particles.contains(part[1].word) { lead.append(part[1]) }
        return lead
    }
}
