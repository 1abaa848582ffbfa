/// Routes requests by method and path pattern. Patterns are literal segments and `{name}` captures, matched
/// whole; the first route added that matches wins. Unknown paths get 404, known paths with another method 405.
public struct Router: Sendable {
    private struct Route: Sendable {
        let method: HTTPMethod
        let segments: [Segment]
        let handler: HTTPHandler
    }

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        let segments = Self.split(pattern).map { part -> Segment in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(part)
        }
        routes.append(Route(method: method, segments: segments, handler: handler))
    }

    public func handle(_ request: HTTPServerRequest) async throws -> HTTPServerResponse {
        let parts = Self.split(request.path)
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = Self.match(route.segments, parts) else { continue }
            guard route.method == request.method || (route.method == .get && request.method == .head) else {
                allowed.append(route.method)
                continue
            }
            var routed = request
            routed.pathParameters = parameters
            return try await route.handler(routed)
        }
        if !allowed.isEmpty {
            var response = HTTPServerResponse.error(
                status: 405, code: "method_not_allowed", message: "\(request.method) is not allowed on \(request.path)")
            response.headers.add(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
            return response
        }
        return .error(status: 404, code: "not_found", message: "no such path: \(request.path)")
    }

    /// The router as a server handler.
    public var handler: HTTPHandler {
        { request in try await handle(request) }
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    private static func match(_ segments: [Segment], _ parts: [String]) -> [String: String]? {
        guard segments.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let literal): guard literal == part else { return nil }
            case .parameter(let name): parameters[name] = part
            }
        }
        return parameters
    }
}
