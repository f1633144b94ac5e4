extension PostgresRevision {
    /// Chat conversations and their messages, as on SQLite. A message's position is unique within
    /// its conversation; writers lock the conversation row before appending, so two appends to one
    /// conversation take their turns.
    static let conversations = PostgresRevision(
        id: "0005_conversations",
        summary: "Chat conversations and their messages",
        up: """
            CREATE TABLE conversations (
                id TEXT COLLATE "C" PRIMARY KEY,
                user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                message_count INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            );
            CREATE INDEX conversations_user_updated ON conversations (user_id, updated_at, id);

            CREATE TABLE conversation_messages (
                conversation_id TEXT COLLATE "C" NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                id TEXT COLLATE "C" NOT NULL UNIQUE,
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
                text TEXT NOT NULL,
                turn TEXT,
                actions TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (conversation_id, position)
            );
            """,
        down: """
            DROP TABLE conversation_messages;
            DROP TABLE conversations;
            """)
}
