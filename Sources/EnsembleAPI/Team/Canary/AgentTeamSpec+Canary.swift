extension AgentTeamSpec {
    /// The spec the canary runs: the overlay's models and agents replace those of the same name (or are added),
    /// its chat replaces the chat. Nil without a canary.
    public func applyingCanary() -> AgentTeamSpec? {
        guard let overlay = canary?.overlay else { return nil }
        var spec = self
        spec.models = Self.replacingByName(models, with: overlay.models ?? [], name: \.name)
        spec.agents = Self.replacingByName(agents, with: overlay.agents ?? [], name: \.name)
        spec.chat = overlay.chat ?? chat
        if let image = overlay.image {
            var runner = runner ?? RunnerSettings()
            runner.image = image
            spec.runner = runner
        }
        spec.canary = nil
        return spec
    }

    private static func replacingByName<Element>(
        _ elements: [Element], with replacements: [Element], name: (Element) -> String
    ) -> [Element] {
        var result = elements
        for replacement in replacements {
            if let index = result.firstIndex(where: { name($0) == name(replacement) }) {
                result[index] = replacement
            } else {
                result.append(replacement)
            }
        }
        return result
    }
}
