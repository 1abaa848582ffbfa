import Foundation

/// One event of a `text/event-stream` (the HTML Server-Sent Events format).
public struct ServerSentEvent: Sendable, Hashable {
    public var event: String?
    public var data: String
    public var id: String?
    public var retry: Int?

    public init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }

    /// The event's wire form, ending with the blank line that dispatches it.
    public var encoded: String {
        var text = ""
        if let event { text += "event: \(event.singleLine)\n" }
        if let id { text += "id: \(id.singleLine)\n" }
        if let retry { text += "retry: \(retry)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line.replacingOccurrences(of: "\r", with: ""))\n"
        }
        return text + "\n"
    }
}

extension String {
    fileprivate var singleLine: String {
        replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ")
    }
}

/// Writes events to a streamed response.
public struct ServerSentEventWriter: Sendable {
    let writer: any HTTPResponseBodyWriter

    public func send(_ event: ServerSentEvent) async throws {
        try await writer.write(Data(event.encoded.utf8))
    }

    /// A comment line: keeps idle connections open through proxies and reveals clients that have gone.
    public func sendComment(_ text: String = "") async throws {
        try await writer.write(Data(": \(text)\n\n".utf8))
    }
}

/// Reassembles events from the lines of a `text/event-stream`, as a browser's EventSource does.
public struct ServerSentEventParser: Sendable {
    private var event: String?
    private var data: [String] = []
    private var id: String?
    private var retry: Int?

    public init() {}

    /// Feeds one line (without its terminator); returns an event when the line completes one.
    public mutating func consume(line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer { self = ServerSentEventParser() }
            guard !data.isEmpty || event != nil else { return nil }
            return ServerSentEvent(event: event, data: data.joined(separator: "\n"), id: id, retry: retry)
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = ""
        }
        switch field {
        case "event": event = String(value)
        case "data": data.append(String(value))
        case "id": id = String(value)
        case "retry": retry = Int(value)
        default: break
        }
        return nil
    }
}
