/// A second version of the team serving a share of new sessions, to try changes before everyone gets them.
public struct Canary: Sendable, Hashable, Codable {
    public var weight: Int32?
    public var mirror: Bool?
    public var overlay: CanaryOverlay

    public init(weight: Int32? = nil, mirror: Bool? = nil, overlay: CanaryOverlay) {
        self.weight = weight
        self.mirror = mirror
        self.overlay = overlay
    }

    public static let defaultWeight: Int32 = 0
    public static let defaultMirror = false

    func defaulted(firstAgentModel: String?) -> Canary {
        var overlay = overlay
        overlay.models = overlay.models?.map { $0.defaulted() }
        overlay.chat = overlay.chat?.defaulted(firstAgentModel: firstAgentModel)
        return Canary(weight: weight ?? Self.defaultWeight, mirror: mirror ?? Self.defaultMirror, overlay: overlay)
    }
}

extension Canary: SchemaDescribed {
    public static var schema: Schema {
        .object(
            "A canary: runners with the overlay applied serve weight percent of new sessions (a session stays with the version it started on). Routing uses a Gateway API HTTPRoute when the cluster has one, and the runners' own split otherwise. Promote by copying the overlay into the spec and removing canary; roll back by removing canary or setting weight to 0.",
            properties: [
                "weight": .int32("Percentage of new sessions the canary serves, 0 to 100.")
                    .range(0...100).defaulting(to: .integer(Int64(defaultWeight))),
                "mirror": .boolean(
                    "Also send a copy of every other request to the canary and discard its answers, to compare versions on real traffic. Mirrored calls use tokens and count against budgets."
                ).defaulting(to: .bool(defaultMirror)),
                "overlay": .field(CanaryOverlay.self, "What the canary changes."),
            ],
            required: ["overlay"])
    }
}
