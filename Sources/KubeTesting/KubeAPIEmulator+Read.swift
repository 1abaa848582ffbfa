import Foundation
import EnsembleSupport
import HTTP

extension KubeAPIEmulator {
    func get(_ request: ResourceRequest) throws(APIError) -> JSONValue {
        let resource = request.resource
        let key = ObjectKey(namespace: request.namespace ?? "", name: request.name ?? "")
        guard let object = state.withLock({ $0.object(resource, key) }) else {
            throw APIError.notFound(resource, key.name)
        }
        if request.subresource == "scale" { return Scale.document(of: object, resource) }
        return presented(object, resource)
    }

    /// The object as served at the request's version (storage keeps one copy for every version).
    func presented(_ object: JSONValue, _ resource: ResourceType) -> JSONValue {
        var object = object
        object["apiVersion"] = .string(resource.apiVersion)
        object["kind"] = .string(resource.kind)
        return object
    }

    func list(_ request: ResourceRequest) throws(APIError) -> JSONValue {
        let resource = request.resource
        let labels = try request.http.query("labelSelector").map { (text) throws(APIError) in try LabelSelector(parsing: text) } ?? .everything
        let fields = try request.http.query("fieldSelector").map { (text) throws(APIError) in try FieldSelector(parsing: text) } ?? .everything
        let limit = Int(request.http.query("limit") ?? "") ?? 0
        _ = try Self.resourceVersion(request)
        let token = request.http.query("continue").flatMap { $0.isEmpty ? nil : $0 }
        let decodedToken = try token.map { (text) throws(APIError) -> ContinueToken in
            guard let decoded = ContinueToken(text) else { throw APIError.badRequest("invalid continue token") }
            return decoded
        }
        // The server cannot know how many objects later chunks of a filtered list hold.
        let countsRemaining = labels.requirements.isEmpty && fields == .everything
        return try state.withLock { (state) throws(APIError) -> JSONValue in
            var snapshot: EmulatorState.ListSnapshot
            var offset = 0
            if let decoded = decodedToken {
                guard let remembered = state.listSnapshots[decoded.id], decoded.revision >= state.compactedRevision
                else {
                    throw APIError.gone(
                        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.")
                }
                snapshot = remembered
                offset = decoded.offset
            } else {
                let items = state.objects(of: resource, namespace: request.namespace)
                    .map(\.1).filter { labels.matches($0) && fields.matches($0) }
                snapshot = .init(revision: state.revision, items: items)
            }
            let page = limit > 0 ? Array(snapshot.items.dropFirst(offset).prefix(limit)) : Array(snapshot.items.dropFirst(offset))
            var metadata: JSONValue = ["resourceVersion": .string(String(snapshot.revision))]
            let next = offset + page.count
            if limit > 0, next < snapshot.items.count {
                let id = token.flatMap { ContinueToken($0)?.id } ?? state.remember(snapshot)
                metadata["continue"] = .string(ContinueToken(id: id, offset: next, revision: snapshot.revision).encoded)
                if countsRemaining { metadata["remainingItemCount"] = .integer(Int64(snapshot.items.count - next)) }
            }
            return [
                "kind": .string(resource.listKind), "apiVersion": .string(resource.apiVersion), "metadata": metadata,
                "items": .array(page.map { presented($0, resource) }),
            ]
        }
    }

    func watch(_ request: ResourceRequest) throws -> HTTPServerResponse {
        let resource = request.resource
        let labels = try request.http.query("labelSelector").map { (text) throws(APIError) in try LabelSelector(parsing: text) } ?? .everything
        let fields = try request.http.query("fieldSelector").map { (text) throws(APIError) in try FieldSelector(parsing: text) } ?? .everything
        let bookmarks = request.http.query("allowWatchBookmarks") == "true"
        let timeout = Int(request.http.query("timeoutSeconds") ?? "").map { Duration.seconds($0) }
        let requested = request.http.query("resourceVersion") ?? ""
        let from = try Self.resourceVersion(request)
        let initialEvents = try Self.sendInitialEvents(request, bookmarks: bookmarks)
        let subscription = WatchSubscription(
            resource: resource.storage, apiVersion: resource.apiVersion, namespace: request.namespace, labels: labels,
            fields: fields)
        let expired: Int64? = state.withLock { state in
            // A streaming list: the current state as ADDED events, then a bookmark marking where it ends.
            if initialEvents == true || (initialEvents == nil && (from ?? 0) == 0) {
                for (_, object) in state.objects(of: resource, namespace: request.namespace) where subscription.selects(object) {
                    subscription.push(WatchLine.encode(type: "ADDED", object: object, apiVersion: resource.apiVersion))
                }
                if initialEvents == true {
                    let bookmark: JSONValue = [
                        "kind": .string(resource.kind), "apiVersion": .string(resource.apiVersion),
                        "metadata": [
                            "resourceVersion": .string(String(state.revision)),
                            "annotations": ["k8s.io/initial-events-end": "true"],
                        ],
                    ]
                    subscription.push(WatchLine.encode(type: "BOOKMARK", object: bookmark, apiVersion: resource.apiVersion))
                }
                state.watches[ObjectIdentifier(subscription)] = subscription
                return nil
            }
            guard let from, from != 0 else {
                state.watches[ObjectIdentifier(subscription)] = subscription
                return nil
            }
            if from < state.compactedRevision { return state.compactedRevision }
            for event in state.history where event.revision > from {
                if let (kind, object) = subscription.translate(event) {
                    subscription.push(WatchLine.encode(type: kind.rawValue, object: object, apiVersion: resource.apiVersion))
                }
            }
            state.watches[ObjectIdentifier(subscription)] = subscription
            return nil
        }
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers.add(name: "Cache-Control", value: "no-cache, private")
        if let compacted = expired {
            let status = APIError.gone("too old resource version: \(requested) (\(compacted + 1))").status
            let line = JSONText.data(["type": "ERROR", "object": status]) + Data("\n".utf8)
            return HTTPServerResponse(status: 200, headers: headers, body: .bytes(line))
        }
        let interval = configuration.bookmarkInterval
        return HTTPServerResponse(status: 200, headers: headers, body: .stream { [self] writer in
            defer { _ = state.withLock { $0.watches.removeValue(forKey: ObjectIdentifier(subscription)) } }
            let deadline = timeout.map { ContinuousClock.now + $0 }
            while true {
                var wait = interval
                if let deadline {
                    let left = deadline - ContinuousClock.now
                    if left <= .zero { return }
                    wait = min(wait, left)
                }
                switch await subscription.next(waitingAtMost: wait) {
                case .line(let line):
                    try await writer.write(line)
                case .idle:
                    guard bookmarks, let revision = bookmarkRevision(subscription) else { continue }
                    let bookmark: JSONValue = [
                        "kind": .string(resource.kind), "apiVersion": .string(resource.apiVersion),
                        "metadata": ["resourceVersion": .string(String(revision))],
                    ]
                    try await writer.write(WatchLine.encode(type: "BOOKMARK", object: bookmark, apiVersion: resource.apiVersion))
                case .closed:
                    return
                case .cut(let partial):
                    if !partial.isEmpty { try await writer.write(partial) }
                    throw CancellationError()
                }
            }
        })
    }

    /// The request's `resourceVersion`: nil when unset; a bad request when it is not one the server issued.
    static func resourceVersion(_ request: ResourceRequest) throws(APIError) -> Int64? {
        guard let text = request.http.query("resourceVersion"), !text.isEmpty else { return nil }
        guard let value = UInt64(text), let version = Int64(exactly: value) else {
            throw APIError.badRequest("invalid resource version \"\(text)\"")
        }
        return version
    }

    /// `sendInitialEvents` of a watch (nil when unset), which kube-apiserver accepts only with
    /// `resourceVersionMatch=NotOlderThan` and `allowWatchBookmarks=true`.
    static func sendInitialEvents(_ request: ResourceRequest, bookmarks: Bool) throws(APIError) -> Bool? {
        guard let text = request.http.query("sendInitialEvents") else { return nil }
        guard let value = Bool(text) else { throw APIError.badRequest("invalid sendInitialEvents \"\(text)\"") }
        var causes: [JSONValue] = []
        if value, request.http.query("resourceVersionMatch") != "NotOlderThan" {
            causes.append(["reason": "FieldValueRequired", "field": "resourceVersionMatch",
                "message": "Required value: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"])
        }
        if value, !bookmarks {
            causes.append(["reason": "FieldValueRequired", "field": "allowWatchBookmarks",
                "message": "Required value: sendInitialEvents requires setting allowWatchBookmarks to true"])
        }
        guard causes.isEmpty else {
            let messages = causes.compactMap { cause in cause["message"]?.stringValue.map { "\(cause["field"]?.stringValue ?? ""): \($0)" } }
            throw APIError(
                code: 422, reason: "Invalid",
                message: "ListOptions.meta.k8s.io \"\" is invalid: [\(messages.joined(separator: ", "))]",
                details: ["group": "meta.k8s.io", "kind": "ListOptions", "causes": .array(causes)])
        }
        return value
    }

    /// The current revision, if the watch has been sent every change up to it.
    private func bookmarkRevision(_ subscription: WatchSubscription) -> Int64? {
        state.withLock { state in subscription.isDrained ? state.revision : nil }
    }
}

/// A `continue` token: which remembered snapshot, where in it, and at which revision it was taken.
struct ContinueToken {
    let id: String
    let offset: Int
    let revision: Int64

    init(id: String, offset: Int, revision: Int64) {
        self.id = id
        self.offset = offset
        self.revision = revision
    }

    init?(_ text: String) {
        guard let data = Data(base64Encoded: text), let value = try? JSONText.parse(data),
            let id = value["id"]?.stringValue, let offset = value["offset"]?.integerValue,
            let revision = value["rv"]?.integerValue
        else { return nil }
        self.init(id: id, offset: Int(offset), revision: revision)
    }

    var encoded: String {
        JSONText.data(["id": .string(id), "offset": .integer(Int64(offset)), "rv": .integer(revision)]).base64EncodedString()
    }
}
