import Foundation
import Synchronization
import Testing
@testable import HTTP

@Suite struct HTTPServerTests {
    let client = HTTPClient()

    @Test func answersAnOversizedDeclaredBodyWith413BeforeReadingIt() async throws {
        let handled = Mutex(false)
        var configuration = testServerConfiguration
        configuration.maximumBodyBytes = 1024
        try await withServer(configuration, handler: { _ in
            handled.withLock { $0 = true }
            return .text("handled")
        }) { server, _ in
            let connection = try RawConnection(port: server.port)
            connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")
            let reply = await connection.receiveAll()
            #expect(reply.text.hasPrefix("HTTP/1.1 413"))
            #expect(reply.text.contains(#""code":"payload_too_large""#))
            #expect(reply.closed)
            #expect(!handled.withLock { $0 })
        }
    }

    @Test func answersAnOversizedChunkedBodyWith413() async throws {
        let handled = Mutex(false)
        var configuration = testServerConfiguration
        configuration.maximumBodyBytes = 1024
        try await withServer(configuration, handler: { _ in
            handled.withLock { $0 = true }
            return .text("handled")
        }) { server, base in
            let response = try await client.execute(
                HTTPClientRequest(
                    method: .post, url: "\(base)/", headers: ["Transfer-Encoding": "chunked"],
                    body: Data(repeating: 65, count: 2048)))
            #expect(response.status == 413)
            #expect(!handled.withLock { $0 })
        }
    }

    @Test func acceptsABodyAtTheLimit() async throws {
        var configuration = testServerConfiguration
        configuration.maximumBodyBytes = 1024
        try await withServer(configuration, handler: { request in .text("\(request.body.count)") }) { _, base in
            let response = try await client.execute(
                HTTPClientRequest(method: .post, url: "\(base)/", body: Data(repeating: 65, count: 1024)))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "1024")
        }
    }

    @Test func rejectsMalformedRequestsAndKeepsServing() async throws {
        try await withServer(handler: { _ in .text("ok") }) { server, base in
            let connection = try RawConnection(port: server.port)
            connection.send("THIS IS NOT HTTP\r\n\r\n")
            let reply = await connection.receiveAll()
            #expect(reply.text.hasPrefix("HTTP/1.1 400") || reply.text.isEmpty)
            #expect(reply.closed)

            let badVersion = try RawConnection(port: server.port)
            badVersion.send("GET / HTTP/7.0\r\nHost: x\r\n\r\n")
            #expect(await badVersion.receiveAll().text.hasPrefix("HTTP/1.1 505"))

            let response = try await client.execute(HTTPClientRequest(url: "\(base)/"))
            #expect(response.status == 200)
        }
    }

    @Test func closesConnectionsOfClientsTooSlowToSendTheirRequest() async throws {
        var configuration = testServerConfiguration
        configuration.connectionTimeout = .seconds(1)
        try await withServer(configuration, handler: { _ in .text("ok") }) { server, _ in
            let connection = try RawConnection(port: server.port, receiveTimeout: .seconds(15))
            connection.send("GET / HTTP/1.1\r\nHost: x\r\n")
            let started = ContinuousClock.now
            let reply = await connection.receiveAll()
            #expect(reply.closed, "the server should close the connection")
            #expect(!reply.text.contains("200 OK"))
            #expect(ContinuousClock.now - started < .seconds(15))
        }
    }

    @Test func holdsConnectionsBeyondTheLimitUntilOneCloses() async throws {
        var configuration = testServerConfiguration
        configuration.maximumConnections = 2
        try await withServer(configuration, handler: { _ in .text("ok") }) { server, _ in
            var first: RawConnection? = try RawConnection(port: server.port)
            let second = try RawConnection(port: server.port)
            first?.send("GET / HTTP/1.1\r\nHost: x\r\n")
            second.send("GET / HTTP/1.1\r\nHost: x\r\n")
            try await Task.sleep(for: .milliseconds(100))
            let third = try RawConnection(port: server.port, receiveTimeout: .seconds(1))
            third.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let whileFull = await third.receiveAll()
            #expect(whileFull.text.isEmpty && !whileFull.closed, "no answer while both slots are taken")
            first = nil
            third.setReceiveTimeout(.seconds(20))
            let afterwards = await third.receiveAll()
            #expect(afterwards.text.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test func letsRequestsInFlightFinishOnShutdown() async throws {
        let started = Mutex(false)
        var configuration = testServerConfiguration
        configuration.shutdownGracePeriod = .seconds(60)
        let server = HTTPServer(configuration: configuration) { _ in
            started.withLock { $0 = true }
            try await Task.sleep(for: .milliseconds(400))
            return .text("finished")
        }
        try server.start()
        let port = server.port
        let request = Task { try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/")) }
        #expect(await eventually { started.withLock { $0 } })
        await server.shutdown()
        let response = try await request.value
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "finished")
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/"))
        }
        #expect(error?.kind == .connectFailed)
    }

    @Test func cancelsWhatOutlastsTheGracePeriod() async throws {
        let handlerCancelled = Mutex(false)
        var configuration = testServerConfiguration
        configuration.shutdownGracePeriod = .milliseconds(200)
        let server = HTTPServer(configuration: configuration) { _ in
            do {
                try await Task.sleep(for: .seconds(60))
            } catch {
                handlerCancelled.withLock { $0 = true }
                throw error
            }
            return .text("never")
        }
        try server.start()
        let port = server.port
        let request = Task { try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/")) }
        try await Task.sleep(for: .milliseconds(100))
        await server.shutdown()
        let response = try await request.value
        #expect(response.status == 503)
        #expect(await eventually { handlerCancelled.withLock { $0 } })
    }

    @Test func runStopsGracefullyWhenItsTaskIsCancelled() async throws {
        let server = HTTPServer(configuration: testServerConfiguration) { _ in .text("ok") }
        try server.start()
        let running = Task { try await server.run() }
        let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/"))
        #expect(response.status == 200)
        running.cancel()
        try await running.value
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/"))
        }
        #expect(error?.kind == .connectFailed)
    }

    @Test func reportsAnAddressInUse() async throws {
        try await withServer(handler: { _ in .text("ok") }) { server, _ in
            let second = HTTPServer(configuration: HTTPServerConfiguration(port: server.port)) { _ in .text("no") }
            #expect(throws: HTTPServerError.self) { try second.start() }
        }
    }

    @Test func hidesHandlerErrorsBehindAGeneric500() async throws {
        struct Secret: Error { let detail = "password=hunter2" }
        try await withServer(handler: { _ in throw Secret() }) { _, base in
            let response = try await client.execute(HTTPClientRequest(url: "\(base)/"))
            #expect(response.status == 500)
            #expect(!String(decoding: response.body, as: UTF8.self).contains("hunter2"))
        }
    }

    @Test func streamsServerSentEvents() async throws {
        let handler: HTTPHandler = { _ in
            .eventStream { events in
                try await events.send(ServerSentEvent(event: "token", data: "Hel"))
                try await events.sendComment("keep-alive")
                try await events.send(ServerSentEvent(data: "two\nlines", id: "7"))
                try await events.send(ServerSentEvent(event: "done", data: "[DONE]"))
            }
        }
        try await withServer(handler: handler) { _, base in
            let response = try await client.stream(HTTPClientRequest(url: "\(base)/"))
            #expect(response.headers["Content-Type"] == "text/event-stream")
            var parser = ServerSentEventParser()
            var events: [ServerSentEvent] = []
            for try await line in response.body.lines() {
                if let event = parser.consume(line: line) { events.append(event) }
            }
            #expect(
                events == [
                    ServerSentEvent(event: "token", data: "Hel"),
                    ServerSentEvent(data: "two\nlines", id: "7"),
                    ServerSentEvent(event: "done", data: "[DONE]"),
                ])
        }
    }
}
