extension PostgresRevision {
    /// The event log: the tables of SQLite's `0002_event_log`, with `BYTEA` values. One difference:
    /// `event_group_offsets.committed_offset` may be NULL. A group's row for a partition is created
    /// (NULL: nothing committed yet) before its first claim, because a claim is a row lock on it
    /// (`FOR UPDATE SKIP LOCKED`, see ``PostgresEventLog``) and only an existing row can be locked.
    static let eventLog = PostgresRevision(
        id: "0002_event_log",
        summary: "Event log: topics, messages, consumer groups, processed events",
        up: """
            CREATE TABLE event_topics (
                name TEXT COLLATE "C" PRIMARY KEY,
                partition_count INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            );

            CREATE TABLE event_partitions (
                topic TEXT COLLATE "C" NOT NULL REFERENCES event_topics (name) ON DELETE CASCADE,
                partition_index INTEGER NOT NULL,
                next_offset BIGINT NOT NULL,
                PRIMARY KEY (topic, partition_index)
            );

            CREATE TABLE event_messages (
                topic TEXT COLLATE "C" NOT NULL,
                partition_index INTEGER NOT NULL,
                message_offset BIGINT NOT NULL,
                message_key TEXT NOT NULL,
                headers TEXT NOT NULL,
                value BYTEA NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (topic, partition_index, message_offset)
            );
            CREATE INDEX event_messages_created ON event_messages (created_at);

            CREATE TABLE event_group_members (
                group_name TEXT COLLATE "C" NOT NULL,
                member_id TEXT COLLATE "C" NOT NULL,
                topics TEXT NOT NULL,
                joined_at BIGINT NOT NULL,
                lease_until BIGINT NOT NULL,
                PRIMARY KEY (group_name, member_id)
            );

            CREATE TABLE event_group_offsets (
                group_name TEXT COLLATE "C" NOT NULL,
                topic TEXT COLLATE "C" NOT NULL,
                partition_index INTEGER NOT NULL,
                committed_offset BIGINT,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (group_name, topic, partition_index)
            );

            CREATE TABLE event_processed (
                group_name TEXT COLLATE "C" NOT NULL,
                event_id TEXT COLLATE "C" NOT NULL,
                processed_at BIGINT NOT NULL,
                PRIMARY KEY (group_name, event_id)
            );
            CREATE INDEX event_processed_at ON event_processed (processed_at);
            """,
        down: """
            DROP TABLE event_processed;
            DROP TABLE event_group_offsets;
            DROP TABLE event_group_members;
            DROP TABLE event_messages;
            DROP TABLE event_partitions;
            DROP TABLE event_topics;
            """)
}
