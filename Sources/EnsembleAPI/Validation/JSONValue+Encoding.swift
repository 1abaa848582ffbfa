import EnsembleSupport
import Foundation

extension JSONValue {
    /// `value` as JSON. Non-finite numbers become strings ("NaN"), which schema validation then rejects by path.
    init<T: Encodable>(encoding value: T) throws {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+Inf", negativeInfinity: "-Inf", nan: "NaN")
        self = try JSONText.parse(encoder.encode(value))
    }
}
