/// A `host:port` to listen on; an empty host (`:8081`) means every interface, as controller-runtime reads it.
struct BindAddress: Sendable, Hashable, CustomStringConvertible {
    var host: String
    var port: Int

    init?(parsing text: String) {
        guard let separator = text.lastIndex(of: ":"), let port = Int(text[text.index(after: separator)...]),
            (0...65535).contains(port)
        else { return nil }
        let host = text[..<separator].trimmingCharacters(in: ["[", "]"])
        self.host = host.isEmpty ? "0.0.0.0" : host
        self.port = port
    }

    var description: String { "\(host):\(port)" }
}
