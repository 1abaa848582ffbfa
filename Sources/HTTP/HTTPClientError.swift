/// Why an HTTP exchange failed. Messages name the method and URL, never header values.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable {
            case invalidRequest, connectFailed, unresolvedHost, timedOut, tls, transport, cancelled, responseTooLarge
            case shutdown
        }

        private let code: Code
        private init(_ code: Code) { self.code = code }

        public static let invalidRequest = Kind(.invalidRequest)
        /// Nothing accepted the connection (refused, unreachable).
        public static let connectFailed = Kind(.connectFailed)
        public static let unresolvedHost = Kind(.unresolvedHost)
        public static let timedOut = Kind(.timedOut)
        /// The TLS handshake or certificate verification failed.
        public static let tls = Kind(.tls)
        /// The connection broke or the peer spoke something other than HTTP.
        public static let transport = Kind(.transport)
        public static let cancelled = Kind(.cancelled)
        public static let responseTooLarge = Kind(.responseTooLarge)
        /// The client was shut down.
        public static let shutdown = Kind(.shutdown)

        public var description: String { code.rawValue }
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "HTTP \(kind): \(message)" }
}
