import EnsembleSupport
import Foundation

/// Python's standard-library HTTP server and client, started as child processes.
enum PythonBaseline {
    static let serverScript = """
        import sys
        from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
        class Hello(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                body = b"hello"
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        ThreadingHTTPServer.daemon_threads = True
        ThreadingHTTPServer.request_queue_size = 1024
        server = ThreadingHTTPServer(("127.0.0.1", 0), Hello)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    static let clientScript = """
        import http.client, json, sys, threading, time
        port, total, concurrency = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
        latencies, errors, lock = [], [0], threading.Lock()
        def worker(count):
            connection = http.client.HTTPConnection("127.0.0.1", port)
            mine = []
            for _ in range(count):
                start = time.perf_counter()
                try:
                    connection.request("GET", "/hello")
                    connection.getresponse().read()
                    mine.append(time.perf_counter() - start)
                except Exception:
                    errors[0] += 1
                    connection = http.client.HTTPConnection("127.0.0.1", port)
            with lock:
                latencies.extend(mine)
        threads = [threading.Thread(target=worker, args=(total // concurrency,)) for _ in range(concurrency)]
        began = time.perf_counter()
        for thread in threads: thread.start()
        for thread in threads: thread.join()
        elapsed = time.perf_counter() - began
        latencies.sort()
        pick = lambda f: latencies[min(len(latencies) - 1, int(len(latencies) * f))] * 1000
        print(json.dumps({"rps": len(latencies) / elapsed, "p50": pick(0.5), "p99": pick(0.99), "errors": errors[0]}))
        """

    /// Starts the server; returns the process and its port.
    static func startServer() throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", serverScript]
        let output = Pipe()
        process.standardOutput = output
        try ProcessLauncher.run(process)
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "python server did not start"])
        }
        return (process, port)
    }

    static func runClient(port: Int, requests: Int, concurrency: Int) throws -> LoadResult {
        let output = try run(["python3", "-c", clientScript, "\(port)", "\(requests)", "\(concurrency)"])
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Double] ?? [:]
        return LoadResult(
            requestsPerSecond: json["rps"] ?? 0, p50Milliseconds: json["p50"] ?? .nan, p99Milliseconds: json["p99"] ?? .nan,
            errors: Int(json["errors"] ?? 0))
    }

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// wrk, when installed, as a load generator that is neither side's own.
enum Wrk {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") }

    static func run(port: Int, concurrency: Int, seconds: Int) throws -> LoadResult {
        let output = try PythonBaseline.run([
            "wrk", "-t", "1", "-c", "\(concurrency)", "-d", "\(seconds)s", "--latency", "http://127.0.0.1:\(port)/hello",
        ])
        func number(after label: String) -> Double {
            guard let line = output.split(separator: "\n").first(where: { $0.contains(label) }) else { return .nan }
            let field = line.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? ""
            return milliseconds(field)
        }
        let rpsLine = output.split(separator: "\n").first { $0.hasPrefix("Requests/sec:") }
        let rps = rpsLine.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        return LoadResult(requestsPerSecond: rps, p50Milliseconds: number(after: " 50%"), p99Milliseconds: number(after: " 99%"))
    }

    private static func milliseconds(_ text: String) -> Double {
        for (suffix, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
            return (Double(text.dropLast(suffix.count)) ?? .nan) * scale
        }
        return .nan
    }
}
