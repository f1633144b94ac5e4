/// How a message names the task (or tasks) it is about.
public enum TaskReference: Sendable, Equatable {
    /// A task id, or the start of one.
    case id(String)
    /// "task 3", "#3", "number 3": a position in the last list shown.
    case number(Int)
    /// "the second one", "the last one" (-1): a position among the tasks the conversation is about.
    case ordinal(Int)
    /// "it", "that one"; `plural` for "them", "both", "those".
    case pronoun(plural: Bool)
    /// Words of a title: "the meeting task" is `["meeting"]`; `text` is the phrase as written.
    case title(words: [String], text: String)
    /// "all completed tasks", "everything tagged work": every task the filter words select.
    case all(filter: [Token])
    /// Nothing was said about which task.
    case none
}
