/// The role of a span in a request, as OpenTelemetry defines it.
public enum SpanKind: Sendable, Hashable, CaseIterable {
    /// Work inside the process: an agent turn, a team chat.
    case `internal`
    /// Handling a request from a remote caller.
    case server
    /// Calling a remote service: an LLM endpoint, the Kubernetes API.
    case client
    case producer
    case consumer
}
