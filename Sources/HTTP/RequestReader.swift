import Foundation
internal import CMicroHTTPD

/// Reads the parts of a request that libmicrohttpd has parsed.
enum RequestReader {
    static func header(_ connection: OpaquePointer, _ name: String) -> String? {
        MHD_lookup_connection_value(connection, .HEADER_KIND, name).map { String(cString: $0) }
    }

    static func request(connection: OpaquePointer, path: String, method: String, body: Data) -> HTTPServerRequest {
        HTTPServerRequest(
            method: HTTPMethod(rawValue: method), path: path,
            queryItems: values(connection, .GET_ARGUMENT_KIND),
            headers: HTTPHeaders(values(connection, .HEADER_KIND).map { ($0.name, $0.value) }),
            body: body, remoteAddress: remoteAddress(connection))
    }

    private final class Collector {
        var items: [(name: String, value: String)] = []
    }

    private static func values(_ connection: OpaquePointer, _ kind: MHD_ValueKind) -> [(name: String, value: String)] {
        let collector = Collector()
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(connection, kind, collect, Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.items
    }

    private static let collect: MHD_KeyValueIterator = { context, _, key, value in
        let collector = Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
        if let key {
            collector.items.append((String(cString: key), value.map { String(cString: $0) } ?? ""))
        }
        return .YES
    }

    private static func remoteAddress(_ connection: OpaquePointer) -> String {
        guard let address = ensemble_mhd_client_address(connection) else { return "" }
        return SocketAddress.describe(address)
    }
}
