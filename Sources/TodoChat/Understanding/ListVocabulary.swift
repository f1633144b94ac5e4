/// Words that make up list requests without narrowing them ("what do I have on my plate").
enum ListVocabulary {
    static let words: Set<String> = [
        "what", "which", "show", "list", "display", "view", "see", "get", "give", "tell", "me", "us", "i", "is",
        "are", "am", "was", "were", "do", "did", "does", "have", "has", "had", "got", "need", "to", "left", "still",
        "remaining", "pending", "open", "outstanding", "incomplete", "unfinished", "all", "any", "anything",
        "everything", "there", "my", "the", "on", "in", "for", "of", "due", "plate", "agenda", "schedule",
        "calendar", "radar", "todo", "todos", "tasks", "task", "things", "thing", "stuff", "items", "item", "up",
        "coming", "next", "how", "many", "much", "much", "a", "an", "and", "or", "at", "by", "now", "currently",
        "right", "so", "far", "yet", "already", "search", "find", "look", "lookup", "for", "filter", "that", "this",
        "it", "be", "should", "can", "could", "would", "will", "please", "again", "completed", "done",
        "finished", "complete", "overdue", "late", "just", "ones", "one", "else", "else's", "where", "when",
        "some", "list", "lists", "you", "your", "we", "our", "whats", "pull", "bring", "check", "read", "print",
        "fetch", "refresh", "sorted", "sort", "order", "ordered", "priority", "priorities", "upcoming", "soon",
        "with", "without", "tagged", "tag", "tags", "lately", "recently", "total", "count", "number", "doing",
        "accomplished", "ive", "i've", "not", "no", "only", "just", "too", "also", "important", "urgent", "high",
        "low", "medium", "tonight", "today", "tomorrow", "week", "month", "year", "weekend", "day", "days",
        "weeks", "months", "open", "new",
    ]
}
