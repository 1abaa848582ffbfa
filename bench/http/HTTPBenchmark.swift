import Foundation
import HTTP

struct HTTPBenchmark {
    let options: BenchOptions

    func run() async {
        do {
            try await measure()
        } catch {
            emit("benchmark failed: \(error)")
            exit(1)
        }
    }

    private func measure() async throws {
        var router = Router()
        router.add(.get, "/hello") { _ in .text("hello") }
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0), handler: router.handler)
        try server.start()
        let (python, pythonPort) = try PythonBaseline.startServer()
        defer { python.terminate() }
        let client = HTTPClient()
        emit("HTTP benchmark: \(options.requests) GET /hello per run, \(options.concurrency) concurrent, release build\n")

        _ = try await load(client: client, port: server.port, requests: 1000)
        _ = try await load(client: client, port: pythonPort, requests: 1000)

        let ensembleServer = try await load(client: client, port: server.port, requests: options.requests)
        let pythonServer = try await load(client: client, port: pythonPort, requests: options.requests)
        report(
            "Server, loaded by Ensemble's client", ("ensemble server", ensembleServer),
            ("python ThreadingHTTPServer", pythonServer))

        if Wrk.available {
            let wrkEnsemble = try Wrk.run(port: server.port, concurrency: options.concurrency, seconds: options.seconds)
            let wrkPython = try Wrk.run(port: pythonPort, concurrency: options.concurrency, seconds: options.seconds)
            report("Server, loaded by wrk", ("ensemble server", wrkEnsemble), ("python ThreadingHTTPServer", wrkPython))
        }

        let pythonClient = try PythonBaseline.runClient(
            port: server.port, requests: options.requests, concurrency: options.concurrency)
        report("Client, against Ensemble's server", ("ensemble client", ensembleServer), ("python http.client", pythonClient))
        await server.shutdown()
    }

    private func load(client: HTTPClient, port: Int, requests: Int) async throws -> LoadResult {
        let url = "http://127.0.0.1:\(port)/hello"
        let perWorker = requests / options.concurrency
        let started = ContinuousClock.now
        let results = await withTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<options.concurrency {
                group.addTask {
                    var latencies: [Double] = []
                    latencies.reserveCapacity(perWorker)
                    var errors = 0
                    for _ in 0..<perWorker {
                        let begin = ContinuousClock.now
                        do {
                            let response = try await client.execute(HTTPClientRequest(url: url))
                            if response.status == 200 { latencies.append((ContinuousClock.now - begin).seconds) } else { errors += 1 }
                        } catch {
                            errors += 1
                        }
                    }
                    return (latencies, errors)
                }
            }
            var all: ([Double], Int) = ([], 0)
            for await (latencies, errors) in group {
                all.0 += latencies
                all.1 += errors
            }
            return all
        }
        return LoadResult(latencies: results.0, elapsed: (ContinuousClock.now - started).seconds, errors: results.1)
    }

    private func report(_ title: String, _ subject: (String, LoadResult), _ baseline: (String, LoadResult)) {
        func row(_ name: String, _ result: LoadResult) -> String {
            name.padding(toLength: 30, withPad: " ", startingAt: 0)
                + String(format: "%10.0f req/s   p50 %7.3f ms   p99 %7.3f ms   errors %d",
                    result.requestsPerSecond, result.p50Milliseconds, result.p99Milliseconds, result.errors)
        }
        emit(title)
        emit("  " + row(subject.0, subject.1))
        emit("  " + row(baseline.0, baseline.1))
        emit(String(format: "  ratio: throughput %.2fx, p50 latency %.2fx, p99 latency %.2fx (>1 means Ensemble is better)\n",
            subject.1.requestsPerSecond / baseline.1.requestsPerSecond,
            baseline.1.p50Milliseconds / subject.1.p50Milliseconds,
            baseline.1.p99Milliseconds / subject.1.p99Milliseconds))
    }
}

extension Duration {
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
