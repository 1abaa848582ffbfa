import EnsembleAPI
import EnsembleSupport
import Foundation
import Testing

@Suite struct PolicyTests {
    private static let directory = Fixtures.packageRoot.appendingPathComponent("config/policy")

    private func load(_ name: String) throws -> JSONValue {
        try YAML.parse(String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8))
    }

    @Test func policyGuardsTheBudgetOfAgentTeams() throws {
        let policy = try load("budget-guard-policy.yaml")
        #expect(policy["apiVersion"] == "admissionregistration.k8s.io/v1")
        #expect(policy["kind"] == "ValidatingAdmissionPolicy")
        #expect(policy["spec"]?["failurePolicy"] == "Fail")
        #expect(policy["spec"]?["paramKind"] == ["apiVersion": "v1", "kind": "ConfigMap"])
        let rules = try #require(policy["spec"]?["matchConstraints"]?["resourceRules"]?.arrayValue)
        #expect(rules.count == 1)
        #expect(rules[0]["apiGroups"] == [.string(EnsembleGroup.name)])
        #expect(rules[0]["resources"] == [.string(AgentTeam.plural)])
        #expect(rules[0]["operations"] == ["CREATE", "UPDATE"])

        let variables = policy["spec"]?["variables"]?.arrayValue ?? []
        let names = variables.compactMap { $0["name"]?.stringValue }
        #expect(names == ["adminGroup", "budgetRequired", "requesterIsBudgetAdmin", "budgetChanged"])
        let budgetChanged = variables.last?["expression"]?.stringValue ?? ""
        #expect(budgetChanged.contains("object.spec.budget != oldObject.spec.budget"))
        #expect(variables[0]["expression"]?.stringValue?.contains("params.data.budgetAdminGroup") == true)
        #expect(variables[2]["expression"]?.stringValue?.contains("request.userInfo.groups") == true)

        let validations = policy["spec"]?["validations"]?.arrayValue ?? []
        #expect(validations.first?["expression"] == "!variables.budgetChanged || variables.requesterIsBudgetAdmin")
        #expect(validations.first?["reason"] == "Forbidden")
        #expect(validations.allSatisfy { $0["message"] != nil || $0["messageExpression"] != nil })
    }

    @Test func theGuardedFieldExistsInTheCRD() {
        #expect(AgentTeamSpec.schema.properties["budget"] != nil)
        #expect(EnsembleCRDs.agentTeams.plural == "agentteams" && EnsembleCRDs.agentTeams.group == "ensemble.dev")
    }

    @Test func bindingUsesThePolicyAndItsParameters() throws {
        let policy = try load("budget-guard-policy.yaml")
        let binding = try load("budget-guard-binding.yaml")
        let params = try load("budget-guard-params.yaml")
        #expect(binding["apiVersion"] == "admissionregistration.k8s.io/v1")
        #expect(binding["kind"] == "ValidatingAdmissionPolicyBinding")
        #expect(binding["spec"]?["policyName"] == policy["metadata"]?["name"])
        #expect(binding["spec"]?["validationActions"] == ["Deny"])
        #expect(binding["spec"]?["paramRef"]?["name"] == params["metadata"]?["name"])
        #expect(binding["spec"]?["paramRef"]?["namespace"] == params["metadata"]?["namespace"])
        #expect(binding["spec"]?["paramRef"]?["parameterNotFoundAction"] == "Deny")
        #expect(params["kind"] == "ConfigMap")
        #expect(params["data"]?["budgetAdminGroup"]?.stringValue?.isEmpty == false)
        #expect(params["data"]?["requireBudget"] == "false")
    }

    @Test func kustomizationListsEveryManifest() throws {
        let kustomization = try load("kustomization.yaml")
        let listed = Set(kustomization["resources"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" }
        #expect(listed == Set(files))
    }
}
