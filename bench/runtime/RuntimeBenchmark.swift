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
                + "\(LatencyBenchmark.objectCount) ConfigMaps (from the patch's response)")
        let result = try await LatencyBenchmark(updates: options.updates).run()
        let watch = result.watch
        let poll = result.poll
        emit(row("", "p50 ms", "p99 ms"))
        emit(row("Watcher + Controller", format(watch.p50Milliseconds), format(watch.p99Milliseconds)))
        emit(row("list-poll loop (100 ms)", format(poll.p50Milliseconds), format(poll.p99Milliseconds)))
        emit(
            row(
                "ratio poll / watch", format(poll.p50Milliseconds / watch.p50Milliseconds, decimals: 1) + "x",
                format(poll.p99Milliseconds / watch.p99Milliseconds, decimals: 1) + "x"))
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
        emit(row("objects", "Store RSS Δ", "B/object", "JSON Data Δ", "B/object", "Store / JSON"))
        for sample in samples {
            let storeNet = sample.storeBytes - (empty?.storeBytes ?? 0)
            let perObject = sample.objects > 0 ? Double(storeNet) / Double(sample.objects) : .nan
            let jsonPerObject = sample.objects > 0 ? Double(sample.jsonBytes) / Double(sample.objects) : .nan
            emit(
                row(
                    "\(sample.objects)", kibibytes(sample.storeBytes), format(perObject, decimals: 0),
                    kibibytes(sample.jsonBytes), format(jsonPerObject, decimals: 0),
                    sample.objects > 0 ? format(perObject / jsonPerObject, decimals: 1) + "x" : "-"))
        }
        emit("   (B/object for the Store subtracts the 0-object run: the watcher's own footprint)")
    }

    private func kibibytes(_ bytes: Int) -> String {
        "\(bytes / 1024) KiB"
    }

    private func row(_ label: String, _ columns: String...) -> String {
        label.padding(toLength: 26, withPad: " ", startingAt: 0)
            + columns.map { $0.leftPadded(to: 14) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
