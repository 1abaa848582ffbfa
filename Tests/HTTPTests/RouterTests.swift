import Foundation
import Testing
@testable import HTTP

@Suite struct RouterTests {
    private var router: Router {
        var router = Router()
        router.add(.get, "/v1/sessions/{id}") { request in .text("get \(request.pathParameters["id"] ?? "")") }
        router.add(.delete, "/v1/sessions/{id}") { request in .text("delete \(request.pathParameters["id"] ?? "")") }
        router.add(.get, "/healthz") { _ in .text("ok") }
        return router
    }

    private func body(_ response: HTTPServerResponse) -> String {
        guard case .bytes(let data) = response.body else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func capturesPathParameters() async throws {
        let response = try await router.handle(HTTPServerRequest(method: .delete, path: "/v1/sessions/abc"))
        #expect(body(response) == "delete abc")
    }

    @Test func answersUnknownPathsWith404AndOtherMethodsWith405() async throws {
        let missing = try await router.handle(HTTPServerRequest(method: .get, path: "/v1/nothing"))
        #expect(missing.status == 404)
        #expect(body(missing).contains(#""code":"not_found""#))
        let wrongMethod = try await router.handle(HTTPServerRequest(method: .post, path: "/v1/sessions/abc"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"] == "GET, DELETE")
    }

    @Test func servesHeadLikeGet() async throws {
        let response = try await router.handle(HTTPServerRequest(method: .head, path: "/healthz"))
        #expect(response.status == 200)
    }
}

@Suite struct ServerSentEventTests {
    @Test func encodesMultilineDataAndFields() {
        let event = ServerSentEvent(event: "delta", data: "a\nb", id: "1", retry: 500)
        #expect(event.encoded == "event: delta\nid: 1\nretry: 500\ndata: a\ndata: b\n\n")
    }

    @Test func parserIgnoresCommentsAndUnknownFields() {
        var parser = ServerSentEventParser()
        let lines = [": comment", "foo: bar", "data:x", "data:  y", "", "", "event: end", ""]
        let events = lines.compactMap { parser.consume(line: $0) }
        #expect(events == [ServerSentEvent(data: "x\n y"), ServerSentEvent(event: "end", data: "")])
    }
}
