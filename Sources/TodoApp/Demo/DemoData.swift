import Foundation
import TodoBackend
import TodoCore

/// The demo account and its tasks, read from `Fixtures/demo-tasks.json`, so that a newcomer sees a
/// populated product at once. Dates in the fixture are relative to today in the account's timezone
/// (`due_in_days`, optional `due_time`), so the demo always has something overdue, due today and ahead.
enum DemoData {
    struct Account {
        var email: String
        var password: String
        var created: Bool
        var taskCount: Int
    }

    static let fixtureName = "demo-tasks.json"

    /// Creates the account and its tasks; when the account already exists it is left as it is.
    static func install(into composition: Composition, fixtures: URL) throws -> Account {
        let fixture = try load(fixtures.appendingPathComponent(fixtureName))
        guard let accountJSON = fixture["account"], let tasks = fixture["tasks"]?.arrayValue,
            let email = accountJSON["email"]?.stringValue, let password = accountJSON["password"]?.stringValue
        else {
            throw CLIError.failure("\(fixtureName) needs an 'account' with email and password, and a 'tasks' list")
        }

        let session: Session
        do {
            session = try composition.backend.accounts.signUp(try SignUpInput.parse(accountJSON))
        } catch let error as AppError where error.code == "email_taken" {
            return Account(email: email, password: password, created: false, taskCount: 0)
        }

        let timeZone = session.user.timeZone
        let today = CalendarDate.of(composition.clock.now, in: timeZone)
        for (index, entry) in tasks.enumerated() {
            let body = try taskBody(entry, today: today, timeZone: timeZone, index: index)
            let task = try composition.backend.tasks.create(for: session.user, TaskChanges.parse(body, mode: .create))
            if entry["completed"]?.boolValue == true {
                _ = try composition.backend.tasks.complete(for: session.user, id: task.id)
            }
        }
        return Account(email: email, password: password, created: true, taskCount: tasks.count)
    }

    /// Turns a fixture entry into a create-task body: relative dates become `due_date` or `due_at`.
    static func taskBody(_ entry: JSONValue, today: CalendarDate, timeZone: TimeZone, index: Int) throws -> JSONValue {
        guard var object = entry.objectValue else {
            throw CLIError.failure("\(fixtureName): task \(index) is not an object")
        }
        let offset = object.removeValue(forKey: "due_in_days")?.intValue
        let time = object.removeValue(forKey: "due_time")?.stringValue
        object.removeValue(forKey: "completed")
        guard let offset else { return .object(object) }

        guard let day = today.adding(days: offset) else { throw CLIError.failure("\(fixtureName): task \(index) date") }
        guard let time else {
            object["due_date"] = .string(day.description)
            return .object(object)
        }
        let parts = time.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { throw CLIError.failure("\(fixtureName): task \(index) due_time is not HH:MM") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: parts[0], minute: parts[1])
        guard let instant = calendar.date(from: components) else {
            throw CLIError.failure("\(fixtureName): task \(index) due_time does not exist on that day")
        }
        object["due_at"] = .string(RFC3339.format(instant, in: timeZone))
        return .object(object)
    }

    /// The Fixtures folder: `TODO_FIXTURES_DIR`, else beside the checkout the binary was built in
    /// (`.build/<config>/todo-chatbot` → `Fixtures`), else `./Fixtures`.
    static func locateFixtures(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        var candidates: [URL] = []
        if let configured = environment["TODO_FIXTURES_DIR"] { candidates.append(URL(fileURLWithPath: configured)) }
        // The running binary's own path (argv[0] is only a name when it was found on the PATH),
        // so a checkout's release build finds the checkout's fixtures from any directory.
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("Fixtures"))
            directory.deleteLastPathComponent()
        }
        candidates.append(
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Fixtures"))

        let found = candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent(fixtureName).path)
        }
        guard let found else {
            throw CLIError.failure("Cannot find Fixtures/\(fixtureName); set TODO_FIXTURES_DIR to the Fixtures folder")
        }
        return found
    }

    static func loginInstructions(_ account: Account, host: String, port: Int) -> String {
        let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        let state =
            account.created ? "Created the demo account with \(account.taskCount) tasks." : "The demo account exists."
        return """
            \(state) Log in with:
              curl -s -X POST http://\(shownHost):\(port)/api/auth/login -H 'Content-Type: application/json' \\
                -d '{"email": "\(account.email)", "password": "\(account.password)"}'
            """
    }

    private static func load(_ url: URL) throws -> JSONValue {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CLIError.failure("Cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            return try JSONValue.parse(Array(data))
        } catch {
            throw CLIError.failure("\(url.path) is not valid JSON: \(error.message)")
        }
    }
}
