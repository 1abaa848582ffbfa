/// A value of a span, event or resource attribute: the types OpenTelemetry allows, and homogeneous arrays of them.
public enum SpanAttribute: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case stringArray([String])
    case intArray([Int64])
    case doubleArray([Double])
    case boolArray([Bool])
}

extension SpanAttribute: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension SpanAttribute {
    public init(_ value: Int) { self = .int(Int64(value)) }
}
