extension SQLiteRevision {
    /// Chat conversations and their messages. A message's position is unique within its
    /// conversation, so two writers appending at once cannot interleave silently.
    static let conversations = SQLiteRevision(
        id: "0005_conversations",
        summary: "Chat conversations and their messages",
        up: """
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                message_count INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX conversations_user_updated ON conversations (user_id, updated_at, id);

            CREATE TABLE conversation_messages (
                conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                id TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
                text TEXT NOT NULL,
                turn TEXT,
                actions TEXT,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (conversation_id, position)
            ) STRICT, WITHOUT ROWID;
            """,
        down: """
            DROP TABLE conversation_messages;
            DROP TABLE conversations;
            """)
}
