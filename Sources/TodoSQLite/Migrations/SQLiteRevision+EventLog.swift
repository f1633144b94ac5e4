extension SQLiteRevision {
    /// The embedded event log: topics, partitions, messages, consumer groups and processed events.
    static let eventLog = SQLiteRevision(
        id: "0002_event_log",
        summary: "Event log: topics, messages, consumer groups, processed events",
        up: """
            CREATE TABLE event_topics (
                name TEXT PRIMARY KEY,
                partition_count INTEGER NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE event_partitions (
                topic TEXT NOT NULL REFERENCES event_topics (name) ON DELETE CASCADE,
                partition_index INTEGER NOT NULL,
                next_offset INTEGER NOT NULL,
                PRIMARY KEY (topic, partition_index)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE event_messages (
                topic TEXT NOT NULL,
                partition_index INTEGER NOT NULL,
                message_offset INTEGER NOT NULL,
                message_key TEXT NOT NULL,
                headers TEXT NOT NULL,
                value BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (topic, partition_index, message_offset)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX event_messages_created ON event_messages (created_at);

            CREATE TABLE event_group_members (
                group_name TEXT NOT NULL,
                member_id TEXT NOT NULL,
                topics TEXT NOT NULL,
                joined_at INTEGER NOT NULL,
                lease_until INTEGER NOT NULL,
                PRIMARY KEY (group_name, member_id)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE event_group_offsets (
                group_name TEXT NOT NULL,
                topic TEXT NOT NULL,
                partition_index INTEGER NOT NULL,
                committed_offset INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (group_name, topic, partition_index)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE event_processed (
                group_name TEXT NOT NULL,
                event_id TEXT NOT NULL,
                processed_at INTEGER NOT NULL,
                PRIMARY KEY (group_name, event_id)
            ) STRICT, WITHOUT ROWID;
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
