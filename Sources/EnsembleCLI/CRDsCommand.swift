import EnsembleAPI

/// `ensemble crds`: prints the CustomResourceDefinitions of the Ensemble API, for `kubectl apply` and GitOps.
enum CRDsCommand {
    static let command = Command(
        name: "crds",
        summary: "Print the AgentTeam and AgentSession CustomResourceDefinitions as YAML.",
        discussion: """
            Prints the CRDs of the Ensemble API (group ensemble.dev) as one multi-document YAML stream,
            AgentTeam first. The stream is byte for byte the files of config/crd/ in the source of this
            version, joined with '---' lines: the CRDs are generated from the same Swift types.

            Install or upgrade the CRDs before the controller and before any AgentTeam:
              ensemble crds | kubectl apply -f -
            Server-side apply works as well, and keeps no last-applied copy of the large schema:
              ensemble crds | kubectl apply --server-side -f -

            GitOps (Argo CD, Flux): config/crd/ is a kustomization. Point an Argo CD Application or a Flux
            Kustomization at config/crd/ of the release you deploy, or commit this command's output to your
            repository, and sync it before the AgentTeams (an Argo CD sync wave, or dependsOn in Flux).
            Upgrading Ensemble means syncing the CRDs of the new version first.
            """,
        action: { invocation in
            invocation.console.printOutput(EnsembleCRDs.yaml())
            return .success
        })
}
