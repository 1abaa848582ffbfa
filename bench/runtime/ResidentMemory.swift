import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's resident set size, from /proc/self/status.
enum ResidentMemory {
    /// VmRSS in bytes, after returning freed heap pages to the system so that the figure tracks live data.
    static func current() -> Int {
        releaseFreedHeap()
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return kilobytes * 1024
    }

    /// glibc's `malloc_trim(0)`, looked up at run time because Swift's Glibc module does not export it.
    private static func releaseFreedHeap() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
