import Dispatch
import Foundation
import Synchronization

/// Runs services side by side and shuts them all down together, after swift-service-lifecycle.
///
/// Shutdown begins when one of `gracefulShutdownSignals` arrives, when `triggerGracefulShutdown()` is called,
/// when the task running `run()` is cancelled, or when any service returns or throws. The other services are then
/// cancelled (their signal to shut down gracefully) and `run()` waits for every one of them to finish.
///
/// `run()` rethrows the first service error. A service that returns before shutdown began is reported as
/// `ServiceGroupError.serviceFinishedUnexpectedly`; returning or throwing `CancellationError` once shutdown began
/// is a clean stop. The signals are set to `SIG_IGN` for the process and stay ignored after `run()` returns, so a
/// second signal arriving during exit cannot kill the process half-way.
public final class ServiceGroup: Sendable {
    private let services: [any Service]
    private let gracefulShutdownSignals: [Int32]
    private let logger: Logger
    private let shutdownRequests: AsyncStream<ShutdownReason>
    private let shutdownRequester: AsyncStream<ShutdownReason>.Continuation
    private let signalQueue = DispatchQueue(label: "ensemble.service-group.signals")
    private let started = Atomic<Bool>(false)

    private enum ShutdownReason: Sendable, CustomStringConvertible {
        case signal(Int32)
        case triggered

        var description: String {
            switch self {
            case .triggered: "triggered"
            case .signal(SIGTERM): "SIGTERM"
            case .signal(SIGINT): "SIGINT"
            case .signal(SIGHUP): "SIGHUP"
            case .signal(SIGQUIT): "SIGQUIT"
            case .signal(SIGUSR1): "SIGUSR1"
            case .signal(SIGUSR2): "SIGUSR2"
            case .signal(let number): "signal \(number)"
            }
        }
    }

    private enum ChildOutcome: Sendable {
        case serviceFinished(index: Int, error: (any Error)?)
        case shutdownRequested(ShutdownReason)
        case shutdownWatchEnded
    }

    public init(services: [any Service], gracefulShutdownSignals: [Int32] = [SIGTERM, SIGINT], logger: Logger) {
        self.services = services
        self.gracefulShutdownSignals = gracefulShutdownSignals
        self.logger = logger
        (shutdownRequests, shutdownRequester) = AsyncStream.makeStream(bufferingPolicy: .bufferingOldest(1))
    }

    /// Begins a graceful shutdown; callable from anywhere, any number of times, also before `run()`.
    public func triggerGracefulShutdown() {
        shutdownRequester.yield(.triggered)
    }

    /// Runs the services until all of them have finished.
    /// - Precondition: called at most once per group.
    public func run() async throws {
        precondition(!started.exchange(true, ordering: .relaxed), "a ServiceGroup can run only once")
        var signalSources: [any DispatchSourceSignal] = []
        for signalNumber in gracefulShutdownSignals {
            signalSources.append(await watchSignal(signalNumber))
        }
        defer {
            for source in signalSources { source.cancel() }
        }

        let firstError = await withTaskGroup(of: ChildOutcome.self, returning: (any Error)?.self) { group in
            for (index, service) in services.enumerated() {
                group.addTask { [logger] in
                    logger.info("service starting", metadata: ["service": .string(service.name)])
                    do {
                        try await service.run()
                        return .serviceFinished(index: index, error: nil)
                    } catch {
                        return .serviceFinished(index: index, error: error)
                    }
                }
            }
            group.addTask { [shutdownRequests] in
                for await reason in shutdownRequests {
                    return .shutdownRequested(reason)
                }
                return .shutdownWatchEnded
            }
            let firstError = await supervise(&group)
            group.cancelAll()
            return firstError
        }
        if let firstError { throw firstError }
    }

    /// Handles outcomes until every service has finished; returns the first error to report.
    private func supervise(_ group: inout TaskGroup<ChildOutcome>) async -> (any Error)? {
        var running = services.count
        var shuttingDown = false
        var firstError: (any Error)?
        while running > 0, let outcome = await group.next() {
            switch outcome {
            case .shutdownRequested(let reason):
                if !shuttingDown {
                    logger.notice("graceful shutdown requested", metadata: ["reason": .string(reason.description)])
                    shuttingDown = true
                    group.cancelAll()
                }
            case .shutdownWatchEnded:
                // Only the cancellation of run()'s own task gets here first; the services are cancelled with it.
                if !shuttingDown {
                    logger.notice("graceful shutdown requested", metadata: ["reason": "cancelled"])
                    shuttingDown = true
                }
            case .serviceFinished(let index, let error):
                running -= 1
                let name = services[index].name
                let stoppedOnRequest = shuttingDown || Task.isCancelled
                switch error {
                case nil:
                    logger.info("service stopped", metadata: ["service": .string(name)])
                    if !stoppedOnRequest {
                        firstError = firstError ?? ServiceGroupError.serviceFinishedUnexpectedly(name)
                    }
                case is CancellationError where stoppedOnRequest:
                    logger.info("service stopped", metadata: ["service": .string(name)])
                case let error?:
                    logger.error("service failed", metadata: ["service": .string(name), "error": .string("\(error)")])
                    firstError = firstError ?? error
                }
                if !shuttingDown {
                    if running > 0 {
                        logger.notice("stopping the other services", metadata: ["after": .string(name)])
                    }
                    shuttingDown = true
                    group.cancelAll()
                }
            }
        }
        return firstError
    }

    /// Returns once Dispatch has registered the source, so that no signal sent after the services start is lost.
    private func watchSignal(_ signalNumber: Int32) async -> any DispatchSourceSignal {
        // Without SIG_IGN the default action (terminating the process) would run before Dispatch sees the signal.
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signalQueue)
        source.setEventHandler { [shutdownRequester] in
            shutdownRequester.yield(.signal(signalNumber))
        }
        await withCheckedContinuation { registered in
            source.setRegistrationHandler { registered.resume() }
            source.resume()
        }
        return source
    }
}
