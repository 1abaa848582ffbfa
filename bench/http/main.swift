import Foundation
import HTTP

// Measures Ensemble's HTTP server and client side by side with baselines on this machine, in one run:
//   servers: Ensemble's server vs. Python's ThreadingHTTPServer, loaded by the same client (Ensemble's, and wrk);
//   clients: Ensemble's client vs. Python's http.client (one keep-alive connection per thread), against one server.
// Build in release: `make bench` (or `swift run -c release ensemble-bench-http`).

let options = BenchOptions(arguments: CommandLine.arguments)
await HTTPBenchmark(options: options).run()
