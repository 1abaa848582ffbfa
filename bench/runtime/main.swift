import Foundation

// Measures Ensemble's controller runtime against an in-process KubeAPIEmulator on loopback, in one run:
//   latency: watch event → reconcile start (Watcher + Controller) vs. a 100 ms list-poll loop;
//   throughput: reconciles per second for N objects (2 and 8 workers) vs. a sequential GET loop;
//   memory: RSS per object cached in a Store vs. the same objects held as raw JSON `Data`.
// Build in release: `make bench` (or `swift run -c release ensemble-bench-runtime`).

let options = RuntimeBenchOptions(arguments: CommandLine.arguments)
await RuntimeBenchmark(options: options).run()
