import Foundation
import TodoApp

@main
struct TodoChatbot {
    static func main() {
        let status = TodoChatbotCLI.main(CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        exit(status)
    }
}
