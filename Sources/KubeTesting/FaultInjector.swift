import Foundation
import Synchronization
import EnsembleSupport

/// Faults a test asks the emulator to inject: failed or delayed requests matching a verb and resource.
public final class FaultInjector: Sendable {
    public struct Match: Sendable, Hashable {
        /// `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`, `deletecollection`; nil for any.
        public var verb: String?
        /// A resource's plural (`deployments`); nil for any.
        public var resource: String?

        public init(verb: String? = nil, resource: String? = nil) {
            self.verb = verb
            self.resource = resource
        }

        func matches(verb: String, resource: String) -> Bool {
            (self.verb == nil || self.verb == verb) && (self.resource == nil || self.resource == resource)
        }
    }

    private struct Failure {
        var match: Match
        var remaining: Int
        var error: APIError
    }

    private struct Delay {
        var match: Match
        var remaining: Int
        var duration: Duration
    }

    private let failures = Mutex<[Failure]>([])
    private let delays = Mutex<[Delay]>([])

    public init() {}

    /// The next `count` matching requests fail with `status` (and a `Retry-After` header when given).
    public func failNext(
        _ count: Int = 1, _ match: Match = Match(), status: Int, reason: String? = nil, retryAfterSeconds: Int? = nil
    ) {
        // As kube-apiserver's throttling and timeout errors, the delay is in the Status details as well as the header.
        let details: JSONValue? = retryAfterSeconds.map { ["retryAfterSeconds": .integer(Int64($0))] }
        let error = APIError(
            code: status, reason: reason ?? Self.reason(for: status), message: "injected fault: \(status)",
            details: details, retryAfterSeconds: retryAfterSeconds)
        failures.withLock { $0.append(Failure(match: match, remaining: count, error: error)) }
    }

    /// The next `count` matching requests are answered only after `duration`.
    public func delayNext(_ count: Int = 1, _ match: Match = Match(), by duration: Duration) {
        delays.withLock { $0.append(Delay(match: match, remaining: count, duration: duration)) }
    }

    public func clear() {
        failures.withLock { $0.removeAll() }
        delays.withLock { $0.removeAll() }
    }

    func failure(verb: String, resource: String) -> APIError? {
        failures.withLock { failures in
            guard let index = failures.firstIndex(where: { $0.remaining > 0 && $0.match.matches(verb: verb, resource: resource) })
            else { return nil }
            failures[index].remaining -= 1
            return failures[index].error
        }
    }

    func delay(verb: String, resource: String) -> Duration? {
        delays.withLock { delays in
            guard let index = delays.firstIndex(where: { $0.remaining > 0 && $0.match.matches(verb: verb, resource: resource) })
            else { return nil }
            delays[index].remaining -= 1
            return delays[index].duration
        }
    }

    private static func reason(for status: Int) -> String {
        switch status {
        case 409: "Conflict"
        case 410: "Expired"
        case 429: "TooManyRequests"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        case 504: "Timeout"
        default: "InternalError"
        }
    }
}
