/// The conditions every node of a termination tree may hold, exactly one per node.
public protocol TerminationLeaves {
    var textMention: TextMentionCondition? { get }
    var maxMessages: Int32? { get }
    var tokenUsage: TokenUsageCondition? { get }
    var timeoutSeconds: Int32? { get }
    var sourceMatch: SourceMatchCondition? { get }
}

extension TerminationLeaves {
    var leafCount: Int {
        [textMention != nil, maxMessages != nil, tokenUsage != nil, timeoutSeconds != nil, sourceMatch != nil]
            .filter { $0 }.count
    }

    /// Agent names the conditions of this node refer to, with the path of each.
    func leafAgentReferences(at path: FieldPath) -> [(FieldPath, String)] {
        let mentioned = (textMention?.sources ?? []).enumerated().map {
            (path.child("textMention").child("sources").index($0.offset), $0.element)
        }
        let matched = (sourceMatch?.sources ?? []).enumerated().map {
            (path.child("sourceMatch").child("sources").index($0.offset), $0.element)
        }
        return mentioned + matched
    }

    func leafViolations(at path: FieldPath) -> [ValidationError] {
        tokenUsage.map { TokenUsageCondition.crossFieldRules.violations(by: $0, at: path.child("tokenUsage")) } ?? []
    }
}
