/// Wraps a value that must never be printed: every textual form of it (description, debug description,
/// mirror used by `dump`) is `"[REDACTED]"`. Read `value` explicitly where the secret is needed.
public struct Redacted<Value> {
    public var value: Value

    public init(_ value: Value) {
        self.value = value
    }
}

extension Redacted: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { LogRedaction.placeholder }
    public var debugDescription: String { LogRedaction.placeholder }
    public var customMirror: Mirror { Mirror(self, children: [:], displayStyle: .struct) }
}

extension Redacted: Sendable where Value: Sendable {}
extension Redacted: Equatable where Value: Equatable {}
extension Redacted: Hashable where Value: Hashable {}
