/// Why spans could not be delivered to an OTLP collector. Messages name the URL and status, never header values.
public struct OTLPExportError: Error, Sendable, CustomStringConvertible {
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case rejected, retriesExhausted, retryTooLate, transport
        }

        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The collector answered with a status that retrying cannot fix (400, 401, 413, …).
        public static let rejected = Kind(.rejected)
        /// Every attempt met a retryable failure.
        public static let retriesExhausted = Kind(.retriesExhausted)
        /// The collector asked to retry later than the exporter's bound allows.
        public static let retryTooLate = Kind(.retryTooLate)
        /// The request failed without a response, in a way that retrying cannot fix.
        public static let transport = Kind(.transport)

        public var description: String { code.rawValue }
    }

    public let kind: Kind
    public let message: String
    /// The HTTP status of the last answer, if there was one.
    public let status: Int?

    public init(_ kind: Kind, _ message: String, status: Int? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
    }

    public var description: String { "OTLP export \(kind): \(message)" }
}
