import EnsembleSupport

/// controller-runtime's reconcile metrics.
struct ControllerMetrics: Sendable {
    let reconcileTotal: CounterFamily
    let reconcileErrors: Counter
    let reconcileDuration: Histogram
    let activeWorkers: Gauge
    let controller: String

    init(registry: MetricsRegistry, controller: String) {
        self.controller = controller
        reconcileTotal = registry.counter(
            name: "controller_runtime_reconcile_total", help: "Reconciles per controller and result.",
            labels: ["controller", "result"])
        reconcileErrors = registry.counter(
            name: "controller_runtime_reconcile_errors_total", help: "Reconciles that failed.", labels: ["controller"]
        ).labels(controller)
        reconcileDuration = registry.histogram(
            name: "controller_runtime_reconcile_time_seconds", help: "How long reconciles take.",
            labels: ["controller"]
        ).labels(controller)
        activeWorkers = registry.gauge(
            name: "controller_runtime_active_workers", help: "Workers currently reconciling.", labels: ["controller"]
        ).labels(controller)
    }

    func record(_ outcome: ReconcileOutcome) {
        reconcileTotal.labels(controller, outcome.rawValue).inc()
    }
}

/// The `result` label of `controller_runtime_reconcile_total`, as controller-runtime names them.
enum ReconcileOutcome: String, Sendable {
    case success
    case requeueAfter = "requeue_after"
    case error
    case terminalError = "terminal_error"
}
