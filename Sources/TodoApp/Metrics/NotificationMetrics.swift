import TodoMetrics
import TodoNotify

/// The notification service's metrics: how late each delivered reminder was, what became of the
/// reminders each pass handled, and the pending backlog (read at scrape time).
final class NotificationMetrics: Sendable {
    private let lateness: Histogram
    private let outcomes: CounterFamily
    private let late: Counter

    /// From ten milliseconds to an hour: a reminder is due to the second, and late beyond
    /// `notifications.late_after_seconds` (60 by default).
    static let latenessBuckets: [Double] = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600]

    init(registry: MetricsRegistry) {
        lateness = registry.histogram(
            "todo_reminder_lateness_seconds", help: "Delivery time minus fire time of each delivered reminder.",
            buckets: Self.latenessBuckets
        ).labels()
        outcomes = registry.counter(
            "todo_reminder_deliveries_total",
            help: "Reminders handled, by outcome: delivered, deferred (quiet hours), dropped, missed.",
            labels: ["outcome"])
        for outcome in ["delivered", "deferred", "dropped", "missed"] { _ = outcomes.labels(outcome) }
        late = registry.counter(
            "todo_reminder_late_deliveries_total", help: "Delivered reminders later than the late threshold."
        ).labels()
    }

    /// The reminders scheduled and not yet handled, and how many of those are late, read from
    /// storage at scrape time.
    static func registerBacklog(on registry: MetricsRegistry, of notifications: NotificationService) {
        registry.gauge(
            "todo_reminders_pending", help: "Reminders scheduled and not yet handled (all), and the late ones.",
            labels: ["state"]
        ) {
            let backlog = try notifications.backlogCounts()
            return [MetricSample(["all"], Double(backlog.pending)), MetricSample(["late"], Double(backlog.late))]
        }
    }

    /// Records what one scheduler pass did.
    func record(_ outcome: ReminderDispatcher.Outcome) {
        for seconds in outcome.lateness { lateness.observe(seconds) }
        outcomes.labels("delivered").increment(by: outcome.delivered)
        outcomes.labels("deferred").increment(by: outcome.deferred)
        outcomes.labels("dropped").increment(by: outcome.dropped)
        outcomes.labels("missed").increment(by: outcome.missed)
        late.increment(by: outcome.late)
    }
}
