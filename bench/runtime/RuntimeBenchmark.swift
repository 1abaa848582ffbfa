import Foundation

/// Runs the three measurements in turn, each against a fresh emulator, and prints them beside their baselines.
struct RuntimeBenchmark {
    let options: RuntimeBenchOptions

    func run() async {
        do {
            emit("Runtime benchmark: in-process KubeAPIEmulator on loopback, release build\n")
            try await measureLatency()
            try await measureThroughput()
            try await measureMemory()
        } catch {
            emit("benchmark failed: \(error)")
            exit(1)
        }
    }

    private func measureLatency() async throws {
        emit(
            "1. Watch event → reconcile start, \(options.updates) patches one at a time over "
                + "\(LatencyBenchmark.objectCount) ConfigMaps, each after a random 0-100 ms pause")
        let result = try await LatencyBenchmark(updates: options.updates).run()
        emit(row("", "p50 ms", "p99 ms", "p50 ms", "p99 ms"))
        emit(row("", "from response", "", "from sent", ""))
        emit(row("Watcher + Controller", latencyColumns(result.watch)))
        emit(row("list-poll loop (100 ms)", latencyColumns(result.poll)))
        emit(row("ratio poll / watch", ratioColumns(result.poll, result.watch)))
        if result.beforeResponse > 0 || result.timeouts > 0 {
            emit("   (\(result.beforeResponse) reconciles started before the patch's response, counted as 0 ms; "
                + "\(result.timeouts) timed out)")
        }
        emit()
    }

    private func measureThroughput() async throws {
        emit("2. Reconciles per second, \(options.objects) ConfigMaps, reconcile = one GET")
        let result = try await ThroughputBenchmark(objects: options.objects).run()
        emit(row("", "reconciles/s", "vs sequential"))
        for rate in result.rates {
            emit(
                row(
                    "Controller, \(rate.workers) workers", format(rate.perSecond, decimals: 0),
                    format(rate.perSecond / result.sequentialPerSecond) + "x"))
        }
        emit(row("sequential GET loop", format(result.sequentialPerSecond, decimals: 0), "1.00x"))
        emit()
    }

    private func measureMemory() async throws {
        let counts = [0, options.objects, options.objects * 10]
        emit("3. Memory per cached ConfigMap (3 data entries), RSS delta after malloc_trim")
        let samples = try await MemoryBenchmark(counts: counts).run()
        let empty = samples.first { $0.objects == 0 }
        emit(row("objects", "Store RSS Δ", "B/object", "JSON RSS Δ", "B/object", "JSON bytes/obj", "Store / JSON"))
        for sample in samples {
            let storeNet = sample.storeBytes - (empty?.storeBytes ?? 0)
            let objects = Double(sample.objects)
            let perObject = sample.objects > 0 ? Double(storeNet) / objects : .nan
            let jsonPerObject = sample.objects > 0 ? Double(sample.jsonBytes) / objects : .nan
            let payloadPerObject = sample.objects > 0 ? Double(sample.jsonPayloadBytes) / objects : .nan
            emit(
                row(
                    "\(sample.objects)", kibibytes(sample.storeBytes), format(perObject, decimals: 0),
                    kibibytes(sample.jsonBytes), format(jsonPerObject, decimals: 0), format(payloadPerObject, decimals: 0),
                    jsonPerObject > 0 ? format(perObject / jsonPerObject, decimals: 1) + "x" : "-"))
        }
        emit("   (Store B/object subtracts the 0-object run, the watcher's own footprint; RSS is page-granular, so")
        emit("    small deltas are noisy: the 10x run is the one to read)")
    }

    private func latencyColumns(_ latencies: LatencyBenchmark.Latencies) -> [String] {
        [
            latencies.fromResponse.p50Milliseconds, latencies.fromResponse.p99Milliseconds,
            latencies.fromSent.p50Milliseconds, latencies.fromSent.p99Milliseconds,
        ].map { format($0) }
    }

    private func ratioColumns(_ baseline: LatencyBenchmark.Latencies, _ measured: LatencyBenchmark.Latencies) -> [String] {
        func ratio(_ numerator: Double, _ denominator: Double) -> String {
            denominator > 0 ? format(numerator / denominator, decimals: 0) + "x" : "-"
        }
        return [
            ratio(baseline.fromResponse.p50Milliseconds, measured.fromResponse.p50Milliseconds),
            ratio(baseline.fromResponse.p99Milliseconds, measured.fromResponse.p99Milliseconds),
            ratio(baseline.fromSent.p50Milliseconds, measured.fromSent.p50Milliseconds),
            ratio(baseline.fromSent.p99Milliseconds, measured.fromSent.p99Milliseconds),
        ]
    }

    private func kibibytes(_ bytes: Int) -> String {
        "\(bytes / 1024) KiB"
    }

    private func row(_ label: String, _ columns: String...) -> String {
        row(label, columns)
    }

    private func row(_ label: String, _ columns: [String]) -> String {
        label.padding(toLength: 26, withPad: " ", startingAt: 0)
            + columns.map { $0.leftPadded(to: 14) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
