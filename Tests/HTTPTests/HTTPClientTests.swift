import Foundation
import Synchronization
import Testing
@testable import HTTP

@Suite struct HTTPClientTests {
    let client = HTTPClient()

    private static func echoRouter() -> Router {
        var router = Router()
        router.add(.get, "/hello") { _ in .text("hello") }
        router.add(.post, "/echo") { request in
            var headers = HTTPHeaders()
            headers.add(name: "X-Echo-Method", value: request.method.rawValue)
            headers.add(name: "X-Echo-Query", value: request.query("q") ?? "")
            headers.add(name: "X-Echo-Header", value: request.headers["X-Custom"] ?? "")
            return HTTPServerResponse(status: 201, headers: headers, body: .bytes(request.body))
        }
        router.add(.put, "/echo") { request in HTTPServerResponse(status: 200, body: .bytes(request.body)) }
        router.add(.get, "/peer") { request in .text(request.remoteAddress) }
        return router
    }

    @Test func buffersAResponse() async throws {
        try await withServer(router: Self.echoRouter()) { _, base in
            let response = try await client.execute(HTTPClientRequest(url: "\(base)/hello"))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello")
            #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
        }
    }

    @Test func sendsMethodBodyQueryAndHeaders() async throws {
        try await withServer(router: Self.echoRouter()) { _, base in
            let response = try await client.execute(
                HTTPClientRequest(
                    method: .post, url: "\(base)/echo?q=a%20b", headers: ["X-Custom": "yes"],
                    body: Data("payload".utf8)))
            #expect(response.status == 201)
            #expect(response.headers["X-Echo-Method"] == "POST")
            #expect(response.headers["X-Echo-Query"] == "a b")
            #expect(response.headers["X-Echo-Header"] == "yes")
            #expect(String(decoding: response.body, as: UTF8.self) == "payload")

            let put = try await client.execute(HTTPClientRequest(method: .put, url: "\(base)/echo", body: Data("x".utf8)))
            #expect(put.status == 200 && put.body == Data("x".utf8))
        }
    }

    @Test func reusesKeptAliveConnections() async throws {
        try await withServer(router: Self.echoRouter()) { _, base in
            let first = try await client.execute(HTTPClientRequest(url: "\(base)/peer"))
            let second = try await client.execute(HTTPClientRequest(url: "\(base)/peer"))
            #expect(!first.body.isEmpty)
            #expect(first.body == second.body, "both requests should arrive from the same client port")
        }
    }

    @Test func transfersLargeBodiesBothWays() async throws {
        let size = 40 << 20
        let payload = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var configuration = testServerConfiguration
        configuration.maximumBodyBytes = 64 << 20
        try await withServer(configuration, router: Self.echoRouter()) { _, base in
            let response = try await client.execute(HTTPClientRequest(method: .post, url: "\(base)/echo", body: payload))
            #expect(response.status == 201)
            #expect(response.body.count == size)
            #expect(response.body == payload)
        }
    }

    @Test func streamsAChunkedBodyAsItIsWritten() async throws {
        let released = Mutex(false)
        let handler: HTTPHandler = { _ in
            HTTPServerResponse(body: .stream { writer in
                try await writer.write(Data("first\n".utf8))
                while !released.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
                for index in 0..<100 { try await writer.write(Data("line \(index)\n".utf8)) }
            })
        }
        try await withServer(handler: handler) { _, base in
            let response = try await client.stream(HTTPClientRequest(url: "\(base)/"))
            #expect(response.status == 200)
            #expect(response.headers["Transfer-Encoding"]?.lowercased() == "chunked")
            var lines = response.body.lines().makeAsyncIterator()
            #expect(try await lines.next() == "first", "the first write arrives before the handler finishes")
            released.withLock { $0 = true }
            var rest: [String] = []
            while let line = try await lines.next() { rest.append(line) }
            #expect(rest == (0..<100).map { "line \($0)" })
        }
    }

    @Test func streamsLargeBodiesThroughABoundedBuffer() async throws {
        let chunk = Data(repeating: 7, count: 64 << 10)
        let handler: HTTPHandler = { _ in
            HTTPServerResponse(body: .stream { writer in
                for _ in 0..<512 { try await writer.write(chunk) }
            })
        }
        let smallBuffer = HTTPClient(configuration: .init(streamBufferBytes: 64 << 10))
        try await withServer(handler: handler) { _, base in
            let response = try await smallBuffer.stream(HTTPClientRequest(url: "\(base)/"))
            var total = 0
            for try await part in response.body {
                total += part.count
                if total < 1 << 20 { try await Task.sleep(for: .milliseconds(1)) }
            }
            #expect(total == 512 * chunk.count)
        }
    }

    @Test func completesAThousandConcurrentRequestsWithoutNewThreads() async throws {
        try await withServer(router: Self.echoRouter()) { _, base in
            _ = try await client.execute(HTTPClientRequest(url: "\(base)/hello"))
            let threadsBefore = threadCount()
            let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for index in 0..<1000 {
                    group.addTask {
                        let response = try await client.execute(
                            HTTPClientRequest(method: .post, url: "\(base)/echo", body: Data("request \(index)".utf8)))
                        return (index, String(decoding: response.body, as: UTF8.self))
                    }
                }
                var results: [Int: String] = [:]
                for try await (index, body) in group { results[index] = body }
                return results
            }
            #expect(bodies.count == 1000)
            #expect(bodies.allSatisfy { $0.value == "request \($0.key)" })
            #expect(threadCount() <= threadsBefore + 2, "requests must not each get a thread")
        }
    }

    @Test func timesOutASlowResponse() async throws {
        let handler: HTTPHandler = { _ in
            try await Task.sleep(for: .seconds(30))
            return .text("late")
        }
        try await withServer(handler: handler) { _, base in
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.execute(HTTPClientRequest(url: "\(base)/", timeout: .milliseconds(300)))
            }
            #expect(error?.kind == .timedOut)
        }
    }

    @Test func cancellingTheReaderAbortsTheTransferAndTheServerSeesIt() async throws {
        let producerEnded = Mutex(false)
        let handler: HTTPHandler = { _ in
            HTTPServerResponse(body: .stream { writer in
                defer { producerEnded.withLock { $0 = true } }
                while true {
                    try await writer.write(Data("tick\n".utf8))
                    try await Task.sleep(for: .milliseconds(5))
                }
            })
        }
        try await withServer(handler: handler) { _, base in
            let reader = Task {
                let response = try await client.stream(HTTPClientRequest(url: "\(base)/"))
                var count = 0
                for try await _ in response.body.lines() {
                    count += 1
                    if count == 3 { withUnsafeCurrentTask { $0?.cancel() } }
                }
                return count
            }
            await #expect(throws: CancellationError.self) { try await reader.value }
            #expect(await eventually { producerEnded.withLock { $0 } }, "the server's producer should stop")
        }
    }

    @Test func droppingAStreamAbortsTheTransfer() async throws {
        let producerEnded = Mutex(false)
        let handler: HTTPHandler = { _ in
            HTTPServerResponse(body: .stream { writer in
                defer { producerEnded.withLock { $0 = true } }
                while true {
                    try await writer.write(Data(repeating: 1, count: 4096))
                    try await Task.sleep(for: .milliseconds(5))
                }
            })
        }
        try await withServer(handler: handler) { _, base in
            do {
                let response = try await client.stream(HTTPClientRequest(url: "\(base)/"))
                var iterator = response.body.makeAsyncIterator()
                _ = try await iterator.next()
            }
            #expect(await eventually { producerEnded.withLock { $0 } })
        }
    }

    @Test func reportsARefusedConnectionWithoutLeakingCredentials() async throws {
        let port = try unusedPort()
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(port)/", headers: ["Authorization": "Bearer s3cr3t-token"]))
        }
        #expect(error?.kind == .connectFailed)
        #expect(error.map { "\($0)" }?.contains("s3cr3t") == false)
        #expect(error?.description.contains("127.0.0.1:\(port)") == true)
    }

    @Test func redactsCredentialsInHeaderDescriptions() {
        let headers: HTTPHeaders = ["Authorization": "Bearer s3cr3t", "Accept": "application/json"]
        #expect(!headers.description.contains("s3cr3t"))
        #expect(headers.description.contains("application/json"))
    }

    @Test func refusesAnOversizedBufferedResponse() async throws {
        let handler: HTTPHandler = { _ in HTTPServerResponse(body: .bytes(Data(count: 2 << 20))) }
        let limited = HTTPClient(configuration: .init(maximumBufferedBodyBytes: 1 << 20))
        try await withServer(handler: handler) { _, base in
            let error = await #expect(throws: HTTPClientError.self) {
                try await limited.execute(HTTPClientRequest(url: "\(base)/"))
            }
            #expect(error?.kind == .responseTooLarge)
        }
    }

    @Test func failsRequestsAfterShutdown() async throws {
        let closing = HTTPClient()
        closing.shutdown()
        let error = await #expect(throws: HTTPClientError.self) {
            try await closing.execute(HTTPClientRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.kind == .shutdown)
    }
}
