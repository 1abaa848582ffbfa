import EnsembleSupport

/// controller-runtime's work-queue metrics, labelled with the queue's name.
struct WorkQueueMetrics: Sendable {
    let depth: Gauge
    let adds: Counter
    let queueDuration: Histogram
    let workDuration: Histogram
    let retries: Counter

    init(registry: MetricsRegistry, name: String) {
        let buckets: [Double] = [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000]
        depth = registry.gauge(name: "workqueue_depth", help: "Current depth of the work queue.", labels: ["name"])
            .labels(name)
        adds = registry.counter(name: "workqueue_adds_total", help: "Keys added to the work queue.", labels: ["name"])
            .labels(name)
        queueDuration = registry.histogram(
            name: "workqueue_queue_duration_seconds", help: "How long a key waits in the queue before being processed.",
            labels: ["name"], buckets: buckets
        ).labels(name)
        workDuration = registry.histogram(
            name: "workqueue_work_duration_seconds", help: "How long processing a key takes.", labels: ["name"],
            buckets: buckets
        ).labels(name)
        retries = registry.counter(
            name: "workqueue_retries_total", help: "Rate-limited re-adds of keys.", labels: ["name"]
        ).labels(name)
    }
}
