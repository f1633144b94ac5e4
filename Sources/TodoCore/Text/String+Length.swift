extension String {
    /// Code points allowed per user-perceived character. Length limits count characters (a family
    /// emoji is one), but a single character can carry any number of combining marks; this cap
    /// bounds what a short-looking text may store. JSON Schema's `maxLength`, which counts code
    /// points, is the character limit times this.
    public static let scalarsPerCharacterLimit = 8

    /// True when the text has at most `characters` characters and at most
    /// `characters × scalarsPerCharacterLimit` Unicode code points.
    public func fits(characters limit: Int) -> Bool {
        unicodeScalars.count <= limit * Self.scalarsPerCharacterLimit && count <= limit
    }
}
