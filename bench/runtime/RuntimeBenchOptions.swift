import Foundation

struct RuntimeBenchOptions {
    /// Objects reconciled in the throughput phase; the memory phase caches 0, N and 10 × N.
    var objects = 1000
    /// Patches measured, one at a time, in each latency run.
    var updates = 300

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--objects": objects = iterator.next().flatMap(Int.init) ?? objects
            case "--updates": updates = iterator.next().flatMap(Int.init) ?? updates
            default:
                print("usage: ensemble-bench-runtime [--objects N] [--updates N]")
                exit(2)
            }
        }
        objects = max(1, objects)
        updates = max(1, updates)
    }
}
