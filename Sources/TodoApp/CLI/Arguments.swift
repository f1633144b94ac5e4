/// The words of a command line after the command name, consumed front to back by a command.
///
/// Options are `--name value`, `--name=value` or boolean `--flag`; everything else is positional.
/// A command declares what it accepts; anything left over is an error naming the word.
public struct Arguments: Sendable {
    private var words: [String]

    public init(_ words: [String]) {
        self.words = words
    }

    public var isEmpty: Bool { words.isEmpty }

    /// True when `--help` or `-h` is among the remaining words (which are then ignored).
    public mutating func wantsHelp() -> Bool {
        flag("help", short: "h")
    }

    /// Removes a boolean flag, returning whether it was present.
    public mutating func flag(_ name: String, short: String? = nil) -> Bool {
        let forms = ["--" + name] + (short.map { ["-" + $0] } ?? [])
        guard let index = words.firstIndex(where: forms.contains) else { return false }
        words.remove(at: index)
        return true
    }

    /// Removes `--name value` or `--name=value`; the last occurrence wins.
    public mutating func option(_ name: String) throws(CLIError) -> String? {
        try options(name).last
    }

    /// Removes every occurrence of a repeatable option, in order.
    public mutating func options(_ name: String) throws(CLIError) -> [String] {
        var values: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "--" + name {
                guard index + 1 < words.count, !words[index + 1].hasPrefix("--") else {
                    throw CLIError.usage("--\(name) needs a value")
                }
                values.append(words[index + 1])
                words.removeSubrange(index...(index + 1))
            } else if word.hasPrefix("--" + name + "=") {
                values.append(String(word.dropFirst(name.count + 3)))
                words.remove(at: index)
            } else {
                index += 1
            }
        }
        return values
    }

    /// Removes and returns the next positional word, if any.
    public mutating func positional() -> String? {
        guard let index = words.firstIndex(where: { !$0.hasPrefix("-") || $0 == "-" }) else { return nil }
        return words.remove(at: index)
    }

    /// Removes and returns the options in front of the first positional word (the command name),
    /// leaving the command and everything after it. `valued` names the options whose value is the
    /// next word (`--profile dev`), so that the value is not mistaken for the command.
    public mutating func takeLeadingOptions(valued: Set<String>) -> Arguments {
        var end = 0
        while end < words.count {
            let word = words[end]
            guard word.hasPrefix("-"), word != "-" else { break }
            let takesNextWord = word.hasPrefix("--") && valued.contains(String(word.dropFirst(2)))
            end += takesNextWord ? 2 : 1
        }

        end = min(end, words.count)
        let leading = Array(words[..<end])
        words.removeFirst(end)
        return Arguments(leading)
    }

    /// Throws when words are left that no option or argument took.
    public func finish() throws(CLIError) {
        guard let first = words.first else { return }
        if first.hasPrefix("-") { throw CLIError.usage("Unknown option '\(first)'") }
        throw CLIError.usage("Unexpected argument '\(first)'")
    }
}

/// A command-line failure: a usage mistake (exit 2) or a failure while running (exit 1).
public struct CLIError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var exitCode: Int32

    public static func usage(_ message: String) -> CLIError {
        CLIError(message: message, exitCode: 2)
    }

    public static func failure(_ message: String) -> CLIError {
        CLIError(message: message, exitCode: 1)
    }

    public var description: String { message }
}
