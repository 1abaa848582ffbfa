import EnsembleSupport
import Foundation

/// Encoding of request bodies and decoding of answers. `JSONValue` goes through `JSONText`, which keeps integers
/// exact; typed objects use Foundation's coders, whose synthesised conformances leave unset optionals out
/// instead of writing `null`.
enum ObjectCoding {
    static func encode<Body: Encodable>(_ body: Body, operation: String) throws(KubeError) -> Data {
        if let value = body as? JSONValue { return JSONText.data(value) }
        do {
            return try JSONEncoder().encode(body)
        } catch {
            throw KubeError.invalidRequest("cannot encode \(Body.self): \(error)", operation: operation)
        }
    }

    static func decode<Object: Decodable>(_ type: Object.Type, from data: Data, operation: String) throws(KubeError) -> Object {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw KubeError.decoding(error, typeName: String(describing: type), operation: operation)
        }
    }
}
