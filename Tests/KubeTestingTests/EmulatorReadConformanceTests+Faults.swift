import EnsembleSupport
import Foundation
import HTTP
import Testing
import KubeTesting

/// Fault injection: what tests of clients and controllers use to see them cope with a misbehaving API server.
@Suite struct EmulatorReadConformanceFaultTests {
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func failNextAnswersStatusWithRetryAfterThenServesNormally() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            server.emulator.faults.failNext(2, .init(verb: "list", resource: "configmaps"), status: 429, retryAfterSeconds: 3)
            // Other verbs and resources are untouched.
            #expect(try await server.request(.get, Self.configMaps + "/a").status == 200)
            #expect(try await server.request(.get, "/api/v1/namespaces/default/secrets").status == 200)
            for _ in 0..<2 {
                let reply = try await server.request(.get, Self.configMaps)
                #expect(reply.status == 429)
                #expect(reply.headers["Retry-After"] == "3")
                #expect(reply.json["kind"] == "Status")
                #expect(reply.json["status"] == "Failure")
                #expect(reply.json["reason"] == "TooManyRequests")
                #expect(reply.json["code"] == 429)
                #expect(reply.json["details"]?["retryAfterSeconds"] == 3)
            }
            #expect(try await server.get(Self.configMaps).itemNames == ["a"])
        }
    }

    @Test func injectedServerErrorOnCreatePersistsNothing() async throws {
        try await ReadConformanceServer.with { server in
            server.emulator.faults.failNext(1, .init(verb: "create"), status: 500)
            let reply = try await server.request(
                .post, Self.configMaps, json: ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a"]])
            #expect(reply.status == 500)
            #expect(reply.json["reason"] == "InternalError")
            #expect(reply.headers["Retry-After"] == nil)
            #expect(try await server.get(Self.configMaps).itemNames == [])
            try await server.createConfigMap("a")
            #expect(try await server.get(Self.configMaps).itemNames == ["a"])
        }
    }

    @Test func injectedFailureOfAWatchIsAnsweredBeforeTheStream() async throws {
        try await ReadConformanceServer.with { server in
            server.emulator.faults.failNext(1, .init(verb: "watch", resource: "configmaps"), status: 503, retryAfterSeconds: 1)
            let reply = try await server.request(.get, Self.configMaps + "?watch=1")
            #expect(reply.status == 503)
            #expect(reply.headers["Retry-After"] == "1")
            #expect(reply.json["reason"] == "ServiceUnavailable")
            var watch = try await server.watch(Self.configMaps)
            try await server.createConfigMap("a")
            #expect(try await watch.next()?.eventSummary == "ADDED a")
        }
    }

    @Test func delayNextAnswersNormallyAfterTheDelay() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            server.emulator.faults.delayNext(1, .init(verb: "get", resource: "configmaps"), by: .milliseconds(300))
            let clock = ContinuousClock()
            let start = clock.now
            let reply = try await server.request(.get, Self.configMaps + "/a")
            #expect(clock.now - start >= .milliseconds(300))
            #expect(reply.status == 200)
            #expect(reply.json.objectName == "a")
        }
    }

    @Test func cutWatchesEndsTheStreamsBetweenEvents() async throws {
        try await ReadConformanceServer.with { server in
            try await server.createConfigMap("a")
            var watch = try await server.watch(Self.configMaps)
            #expect(try await watch.next()?.eventSummary == "ADDED a")
            server.emulator.cutWatches()
            // The stream ends (cleanly or with a transport error) without a partial event.
            do {
                let rest = try await watch.rest()
                #expect(rest.isEmpty)
            } catch is HTTPClientError {}
            // New watches work.
            var next = try await server.watch(Self.configMaps)
            #expect(try await next.next()?.eventSummary == "ADDED a")
        }
    }

    @Test func cutWatchesMidEventSendsAPartialLineThenBreaksTheConnection() async throws {
        try await ReadConformanceServer.with { server in
            let a = try await server.createConfigMap("a")
            var chunks = try await server.rawWatch(Self.configMaps + "?resourceVersion=\(a.objectResourceVersion ?? "")")
            server.emulator.cutWatches(midEvent: true)
            try await server.createConfigMap("b")
            var received = Data()
            var failure: (any Error)?
            do {
                while let chunk = try await chunks.next() { received.append(chunk) }
            } catch {
                failure = error
            }
            #expect(failure is HTTPClientError, "the client sees a broken transfer, got \(String(describing: failure))")
            #expect(!received.isEmpty)
            #expect(received.last != UInt8(ascii: "\n"), "the event is cut short")
            #expect((try? JSONText.parse(received)) == nil)
            #expect(String(decoding: received, as: UTF8.self).hasPrefix("{"))
        }
    }
}
