import Foundation
import TodoChat
import TodoCore
import TodoCrypto
import TodoHTTP

/// The backend service's HTTP API on :8000: accounts, tasks, notifications, chat, health and the
/// OpenAPI document.
public struct BackendAPI: Sendable {
    public let accounts: AccountService
    public let tasks: TaskService
    public let chat: ChatService
    public let authenticator: Authenticator
    public let readinessChecks: [ReadinessCheck]
    private let store: any Store
    private let clock: any TimeSource
    private let signUpLimiter: WindowRateLimiter

    /// `checks` are readiness checks beyond the database's (the event log's, say). `chatResponder`
    /// answers chat messages; nil is the offline engine. `signUpLimiter` counts `POST
    /// /api/auth/signup` per client address; accounts created in-process (the demo) are not counted.
    public init(
        store: any Store, clock: any TimeSource, ids: any IDGenerator, hasher: PasswordHasher, tokens: TokenService,
        limiter: LoginRateLimiter,
        signUpLimiter: WindowRateLimiter = .signUps(perAddress: 20, window: 3600),
        chatLimiter: WindowRateLimiter = .chatMessages(perUser: 30, window: 60),
        chatResponder: (any ChatAnswering)? = nil, checks: [ReadinessCheck] = []
    ) {
        self.store = store
        self.clock = clock
        self.signUpLimiter = signUpLimiter
        accounts = AccountService(
            store: store, clock: clock, ids: ids, hasher: hasher, tokens: tokens, limiter: limiter)
        tasks = TaskService(store: store, clock: clock, ids: ids)
        chat = ChatService(
            store: store, tasks: tasks, clock: clock, ids: ids, limiter: chatLimiter, responder: chatResponder)
        authenticator = Authenticator(tokens: tokens, accounts: accounts, clock: clock)
        readinessChecks =
            [
                ReadinessCheck(name: "database") {
                    try store.ping()
                    return nil
                }
            ] + checks
    }

    /// Adds every backend route to `router`.
    public func register(on router: inout Router) {
        HealthRoutes(service: "backend", checks: readinessChecks, apiPrefix: "/api").register(on: &router)
        AccountRoutes(accounts: accounts, auth: authenticator, signUps: signUpLimiter, clock: clock)
            .register(on: &router)
        TaskRoutes(tasks: tasks, auth: authenticator).register(on: &router)
        NotificationRoutes(store: store, clock: clock, auth: authenticator).register(on: &router)
        ChatRoutes(chat: chat, auth: authenticator).register(on: &router)
        OpenAPIRoutes().register(on: &router)
    }
}
