import EnsembleSupport

/// Everything needed to write an `apiextensions.k8s.io/v1` CustomResourceDefinition with one served version.
public struct CustomResourceDescriptor: Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String
    public var plural: String
    public var singular: String
    public var shortNames: [String]
    public var categories: [String]
    public var namespaced: Bool
    public var schema: Schema
    public var printerColumns: [PrinterColumn]
    public var hasStatusSubresource: Bool

    public var name: String { "\(plural).\(group)" }

    public var jsonValue: JSONValue {
        var subresources: [String: JSONValue] = [:]
        if hasStatusSubresource { subresources["status"] = [:] }
        let version: JSONValue = [
            "name": .string(version),
            "served": true,
            "storage": true,
            "schema": ["openAPIV3Schema": schema.jsonValue],
            "subresources": .object(subresources),
            "additionalPrinterColumns": .array(printerColumns.map(\.jsonValue)),
        ]
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": [
                "name": .string(name),
                "labels": ["app.kubernetes.io/name": "ensemble", "app.kubernetes.io/part-of": "ensemble"],
            ],
            "spec": [
                "group": .string(group),
                "names": [
                    "kind": .string(kind),
                    "listKind": .string(kind + "List"),
                    "plural": .string(plural),
                    "singular": .string(singular),
                    "shortNames": .array(shortNames.map(JSONValue.string)),
                    "categories": .array(categories.map(JSONValue.string)),
                ],
                "scope": namespaced ? "Namespaced" : "Cluster",
                "versions": [version],
            ],
        ]
    }
}
