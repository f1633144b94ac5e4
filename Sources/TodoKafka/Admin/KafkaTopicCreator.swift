import TodoCore

/// Creates topics for ``KafkaEventLog/ensureTopics(_:)``. The log uses the cluster's CreateTopics
/// API unless it is given another creator: ``KafkaMockCluster`` is one, since librdkafka's mock
/// brokers do not implement CreateTopics.
public protocol KafkaTopicCreator: Sendable {
    /// Creates `topics` with `replicationFactor` replicas (-1: the broker's default) and the topic
    /// `config` (`retention.ms`); topics that exist already are left as they are.
    func createTopics(_ topics: [TopicSpec], replicationFactor: Int, config: [String: String]) throws
}
