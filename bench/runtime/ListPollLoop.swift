import KubeClient
import KubeCore

/// The baseline for watch-driven reconciles: re-list every `interval`, diff resourceVersions against the previous
/// list and reconcile the names that changed, one after another.
struct ListPollLoop {
    let client: KubeClient
    let interval: Duration
    let reconcile: @Sendable (String) async -> Void

    func run() async {
        var seen: [String: String] = [:]
        while !Task.isCancelled {
            if let items = try? await client.list(ConfigMap.self, namespace: "default").items {
                var current: [String: String] = [:]
                for item in items {
                    guard let name = item.metadata.name else { continue }
                    current[name] = item.metadata.resourceVersion ?? ""
                }
                for (name, version) in current where seen[name] != version && !seen.isEmpty {
                    await reconcile(name)
                }
                seen = current
            }
            try? await Task.sleep(for: interval)
        }
    }
}
