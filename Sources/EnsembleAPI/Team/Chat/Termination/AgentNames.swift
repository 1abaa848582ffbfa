/// A list of agent names, as termination conditions refer to agents.
enum AgentNames {
    static func schema(_ description: String) -> Schema {
        .array(
            description + " Each must be the name of an entry of spec.agents.",
            of: .string("Name of an agent of spec.agents.")
                .pattern(AgentDefinition.namePattern).maxLength(AgentDefinition.nameMaxLength)
        ).listSet().maxItems(16)
    }
}
