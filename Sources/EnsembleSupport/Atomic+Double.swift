import Synchronization

/// Floating-point arithmetic on an atomic word that holds a `Double`'s bit pattern; lock-free.
extension Atomic where Value == UInt64 {
    func loadDouble() -> Double {
        Double(bitPattern: load(ordering: .relaxed))
    }

    func storeDouble(_ value: Double) {
        store(value.bitPattern, ordering: .relaxed)
    }

    func addDouble(_ amount: Double) {
        var current = load(ordering: .relaxed)
        while true {
            let updated = (Double(bitPattern: current) + amount).bitPattern
            let (exchanged, original) = compareExchange(expected: current, desired: updated, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
