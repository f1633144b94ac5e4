import CICal

/// Owns one libical `icalrecur_iterator`, freed when the iterator goes away. Use it only inside
/// ``LibICal/withLock(_:)``, and do not let it outlive that call.
final class RecurrenceIterator {
    private let handle: OpaquePointer

    /// Nil when libical refuses the rule for `start`: a value out of range, or a rule that can
    /// never produce a date (BYMONTHDAY=30 with BYMONTH=2).
    init?(_ rule: icalrecurrencetype, start: icaltimetype) {
        icalerror_clear_errno()
        guard let handle = icalrecur_iterator_new(rule, start) else {
            icalerror_clear_errno()
            return nil
        }
        self.handle = handle
    }

    /// The next occurrence, or the null time once the rule is exhausted (COUNT, UNTIL, or
    /// libical's own search limit for rules that match nothing more).
    func next() -> icaltimetype {
        icalrecur_iterator_next(handle)
    }

    deinit {
        icalrecur_iterator_free(handle)
    }
}
