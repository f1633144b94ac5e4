extension Unicode.Scalar {
    /// True for C0 and C1 control codes (general category Cc). Format characters such as the
    /// zero-width joiner and variation selectors, which emoji sequences need, are not controls.
    public var isControlCode: Bool {
        properties.generalCategory == .control
    }
}
