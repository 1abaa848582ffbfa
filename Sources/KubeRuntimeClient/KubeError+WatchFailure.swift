import KubeClient
import KubeRuntime

extension KubeError {
    /// How the watcher should treat this error.
    var watchFailure: WatchFailure {
        if isGone { return .gone }
        if isTooManyRequests { return .throttled(retryAfter: retryAfter) }
        if kind == .api, let statusCode { return .server(status: statusCode, retryAfter: retryAfter) }
        return .transport(description)
    }
}

func classifyForWatcher(_ error: any Error) -> WatchFailure {
    if let failure = error as? WatchFailure { return failure }
    if let kubeError = error as? KubeError { return kubeError.watchFailure }
    return .transport(String(describing: error))
}
