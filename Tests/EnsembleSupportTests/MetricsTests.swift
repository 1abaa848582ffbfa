import Foundation
import Testing
@testable import EnsembleSupport

@Suite struct MetricsTests {
    /// A counter with escaped help and label values, an unlabeled gauge and a labeled histogram.
    private func makeSampleRegistry() -> MetricsRegistry {
        let registry = MetricsRegistry()
        let requests = registry.counter(
            name: "http_requests_total", help: "Requests served.\nBy \\ path", labels: ["method", "path"])
        requests.labels("POST", "/b\"q\"\\n\n").inc(by: 2)
        requests.labels("GET", "/a").inc()
        requests.withLabels(["path": "/a", "method": "GET"]).inc(by: 0.5)

        let sessions = registry.gauge(name: "sessions_in_flight", help: "Sessions running.")
        sessions.labels().set(3)
        sessions.labels().dec()

        let latency = registry.histogram(
            name: "request_duration_seconds", help: "Latency.", labels: ["route"], buckets: [0.1, 0.5, 1])
        for seconds in [0.25, 0.375, 2] { latency.labels("chat").observe(seconds) }
        latency.labels("health").observe(.milliseconds(250))
        return registry
    }

    @Test func rendersTheTextExpositionFormat() {
        let expected = #"""
            # HELP http_requests_total Requests served.\nBy \\ path
            # TYPE http_requests_total counter
            http_requests_total{method="GET",path="/a"} 1.5
            http_requests_total{method="POST",path="/b\"q\"\\n\n"} 2
            # HELP request_duration_seconds Latency.
            # TYPE request_duration_seconds histogram
            request_duration_seconds_bucket{route="chat",le="0.1"} 0
            request_duration_seconds_bucket{route="chat",le="0.5"} 2
            request_duration_seconds_bucket{route="chat",le="1"} 2
            request_duration_seconds_bucket{route="chat",le="+Inf"} 3
            request_duration_seconds_sum{route="chat"} 2.625
            request_duration_seconds_count{route="chat"} 3
            request_duration_seconds_bucket{route="health",le="0.1"} 0
            request_duration_seconds_bucket{route="health",le="0.5"} 1
            request_duration_seconds_bucket{route="health",le="1"} 1
            request_duration_seconds_bucket{route="health",le="+Inf"} 1
            request_duration_seconds_sum{route="health"} 0.25
            request_duration_seconds_count{route="health"} 1
            # HELP sessions_in_flight Sessions running.
            # TYPE sessions_in_flight gauge
            sessions_in_flight 2

            """#
        #expect(PrometheusTextFormat.render(makeSampleRegistry()) == expected)
    }

    @Test func unlabeledFamiliesStartAtZeroAndLabeledOnesStartEmpty() {
        let registry = MetricsRegistry()
        _ = registry.counter(name: "restarts_total", help: "Restarts.")
        _ = registry.gauge(name: "queue_depth", help: "Queued.", labels: ["queue"])
        #expect(
            registry.exposition() == """
                # HELP queue_depth Queued.
                # TYPE queue_depth gauge
                # HELP restarts_total Restarts.
                # TYPE restarts_total counter
                restarts_total 0

                """)
    }

    @Test(arguments: [
        (3.0, "3"), (-2.0, "-2"), (0.0, "0"), (0.005, "0.005"), (2.5, "2.5"), (1e-05, "1e-05"), (1e20, "1e+20"),
        (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN"),
    ])
    func formatsSampleValues(value: Double, text: String) {
        #expect(PrometheusTextFormat.format(value) == text)
    }

    @Test func registeringTheSameFamilyAgainReturnsIt() {
        let registry = MetricsRegistry()
        let first = registry.counter(name: "tokens_total", help: "Tokens.", labels: ["model"])
        let second = registry.counter(name: "tokens_total", help: "Other help.", labels: ["model"])
        #expect(first === second)
        #expect(first.labels("m") === second.withLabels(["model": "m"]))
        let histogram = registry.histogram(name: "latency_seconds", help: "Latency.", buckets: [1, 2, .infinity])
        #expect(histogram === registry.histogram(name: "latency_seconds", help: "Latency.", buckets: [1, 2]))
        #expect(histogram.buckets == [1, 2])
        #expect(HistogramFamily.defaultBuckets.count == 11)
    }

    @Test func validatesNamesLikePrometheus() {
        for valid in ["a", "_x", "http_requests_total", "ns:sub:metric_1"] {
            #expect(MetricsRegistry.isValidMetricName(valid), "\(valid)")
        }
        for invalid in ["", "1abc", "with-dash", "spa ce", "é"] {
            #expect(!MetricsRegistry.isValidMetricName(invalid), "\(invalid)")
        }
        for valid in ["a", "_x", "status_code", "A1"] {
            #expect(MetricsRegistry.isValidLabelName(valid), "\(valid)")
        }
        for invalid in ["", "__name__", "1a", "a:b", "a-b"] {
            #expect(!MetricsRegistry.isValidLabelName(invalid), "\(invalid)")
        }
    }

    @Test func histogramSnapshotIsCumulative() {
        let histogram = MetricsRegistry().histogram(name: "size_bytes", help: "Size.", buckets: [10, 100]).labels()
        for value in [1.0, 10, 50, 1000] { histogram.observe(value) }
        let snapshot = histogram.snapshot()
        #expect(snapshot.upperBounds == [10, 100, .infinity])
        #expect(snapshot.cumulativeCounts == [2, 3, 4])
        #expect(snapshot.sum == 1061)
        #expect(snapshot.count == 4)
    }

    @Test func concurrentUpdatesAreNotLost() async {
        let registry = MetricsRegistry()
        let requests = registry.counter(name: "requests_total", help: "Requests.", labels: ["worker"])
        let inFlight = registry.gauge(name: "in_flight", help: "In flight.")
        let latency = registry.histogram(name: "latency_seconds", help: "Latency.")

        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let shared = requests.labels("all")
                    let own = requests.labels("w\(worker)")
                    for _ in 0..<10_000 {
                        shared.inc()
                        own.inc(by: 0.5)
                        inFlight.labels().inc()
                        latency.labels().observe(0.2)
                        inFlight.labels().dec()
                    }
                }
            }
        }

        #expect(requests.labels("all").value == 80_000)
        #expect(requests.labels("w3").value == 5_000)
        #expect(inFlight.labels().value == 0)
        #expect(latency.labels().snapshot().count == 80_000)
        #expect(latency.labels().snapshot().cumulativeCounts[5] == 80_000)
    }

    @Test(.enabled(if: OfficialPrometheusParser.python != nil, "needs ENSEMBLE_PYTHON or .venv with prometheus_client"))
    func officialParserReadsTheExposition() async throws {
        let parsed = try await OfficialPrometheusParser.parse(makeSampleRegistry().exposition())

        func sample(_ name: String, _ labels: [String: JSONValue], _ value: String) -> JSONValue {
            ["name": .string(name), "labels": .object(labels), "value": .string(value)]
        }
        func buckets(_ route: JSONValue, _ counts: [String]) -> [JSONValue] {
            zip(["0.1", "0.5", "1", "+Inf"], counts).map { sample("request_duration_seconds_bucket", ["route": route, "le": .string($0)], $1) }
        }
        let expected: JSONValue = [
            [
                "name": "http_requests", "type": "counter", "help": "Requests served.\nBy \\ path",
                "samples": [
                    sample("http_requests_total", ["method": "GET", "path": "/a"], "1.5"),
                    sample("http_requests_total", ["method": "POST", "path": "/b\"q\"\\n\n"], "2"),
                ],
            ],
            [
                "name": "request_duration_seconds", "type": "histogram", "help": "Latency.",
                "samples": .array(
                    buckets("chat", ["0", "2", "2", "3"]) + [
                        sample("request_duration_seconds_sum", ["route": "chat"], "2.625"),
                        sample("request_duration_seconds_count", ["route": "chat"], "3"),
                    ] + buckets("health", ["0", "1", "1", "1"]) + [
                        sample("request_duration_seconds_sum", ["route": "health"], "0.25"),
                        sample("request_duration_seconds_count", ["route": "health"], "1"),
                    ]),
            ],
            [
                "name": "sessions_in_flight", "type": "gauge", "help": "Sessions running.",
                "samples": [sample("sessions_in_flight", [:], "2")],
            ],
        ]
        #expect(parsed == expected)
    }
}

/// The reference parser of the Python `prometheus_client` package, run as a subprocess.
enum OfficialPrometheusParser {
    static var python: String? { PythonReference.python }

    /// Prints the parsed families as JSON; sample values as Python's `repr` (the parser reads `2` as an int, `1.5` as a float).
    private static let script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        families = [
            {"name": f.name, "type": f.type, "help": f.documentation,
             "samples": [{"name": s.name, "labels": s.labels, "value": repr(s.value)} for s in f.samples]}
            for f in text_string_to_metric_families(sys.stdin.read())
        ]
        print(json.dumps(families, sort_keys=True))
        """

    static func parse(_ exposition: String) async throws -> JSONValue {
        try JSONText.parse(try await PythonReference.run(script, input: Data(exposition.utf8)))
    }
}
