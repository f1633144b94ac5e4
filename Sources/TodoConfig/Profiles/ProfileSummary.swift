/// One line of `profile list`.
public struct ProfileSummary: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// Whether the file's `current_profile` names it (`local` when the file names none).
    public var isCurrent: Bool
    public var isBuiltIn: Bool
    /// How many settings the profile overrides.
    public var overrideCount: Int

    public init(name: String, description: String?, isCurrent: Bool, isBuiltIn: Bool, overrideCount: Int) {
        self.name = name
        self.description = description
        self.isCurrent = isCurrent
        self.isBuiltIn = isBuiltIn
        self.overrideCount = overrideCount
    }
}
