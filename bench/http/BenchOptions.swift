import Foundation

struct BenchOptions {
    var requests = 20_000
    var concurrency = 32
    var seconds = 5

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--requests": requests = iterator.next().flatMap(Int.init) ?? requests
            case "--concurrency": concurrency = iterator.next().flatMap(Int.init) ?? concurrency
            case "--seconds": seconds = iterator.next().flatMap(Int.init) ?? seconds
            default:
                print("usage: ensemble-bench-http [--requests N] [--concurrency C] [--seconds S]")
                exit(2)
            }
        }
    }
}
