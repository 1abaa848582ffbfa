import EnsembleSupport
import Foundation
import HTTP
import KubeClient
import KubeCore
import KubeTesting
import Testing

@Suite struct KubeConfigTests {
    private func kubeconfig(server: String = "https://k8s.example:6443", user: String, extraCluster: String = "") -> String {
        """
        apiVersion: v1
        kind: Config
        current-context: main
        clusters:
        - name: c
          cluster:
            server: \(server)
        \(extraCluster)
        contexts:
        - name: main
          context: {cluster: c, user: u, namespace: team-a}
        users:
        - name: u
          user:
        \(user)
        """
    }

    @Test func readsTokenCAAndClusterFields() throws {
        let directory = try temporaryDirectory()
        try write("-----BEGIN CERTIFICATE-----\n", to: directory + "/ca.crt")
        try write(kubeconfig(
            user: "    token: s3cret-token",
            extraCluster: "    certificate-authority: ca.crt\n    tls-server-name: api.internal\n    proxy-url: http://proxy:3128"),
            to: directory + "/config")
        let configuration = try KubeConfig(files: [directory + "/config"]).configuration()
        #expect(configuration.server == "https://k8s.example:6443")
        #expect(configuration.namespace == "team-a")
        #expect(configuration.tls.certificateAuthority == .file(directory + "/ca.crt"))
        #expect(configuration.tls.serverName == "api.internal")
        #expect(configuration.proxyURL == "http://proxy:3128")
        #expect(configuration.credentials == .bearerToken(Redacted("s3cret-token")))
        #expect(!configuration.description.contains("s3cret"))
        #expect(!"\(configuration.credentials)".contains("s3cret"))
    }

    @Test func readsCertificateDataBasicAuthTokenFileAndInsecure() throws {
        let pem = Data("PEM".utf8).base64EncodedString()
        let certificates = try KubeConfig(
            yaml: kubeconfig(user: "    client-certificate-data: \(pem)\n    client-key-data: \(pem)",
                extraCluster: "    certificate-authority-data: \(pem)\n    insecure-skip-tls-verify: true"),
            file: "/x/config"
        ).configuration()
        #expect(certificates.tls.clientCertificate == .pem(Data("PEM".utf8)))
        #expect(certificates.tls.clientKey == .pem(Data("PEM".utf8)))
        #expect(certificates.tls.certificateAuthority == .pem(Data("PEM".utf8)))
        #expect(certificates.tls.insecureSkipVerify)
        let basic = try KubeConfig(yaml: kubeconfig(user: "    username: admin\n    password: hunter2"), file: "/x/config")
            .configuration()
        #expect(basic.credentials == .basic(username: "admin", password: Redacted("hunter2")))
        #expect(!basic.description.contains("hunter2"))
        let directory = try temporaryDirectory()
        try write("tok", to: directory + "/token")
        try write(kubeconfig(user: "    tokenFile: token"), to: directory + "/config")
        #expect(try KubeConfig(files: [directory + "/config"]).configuration().credentials == .tokenFile(path: directory + "/token"))
    }

    @Test func brokenFilesNameFileAndField() throws {
        let badKey = #expect(throws: KubeConfigError.self) {
            try KubeConfig(
                yaml: kubeconfig(user: "    client-certificate-data: UEVN\n    client-key-data: '%%%not-base64'"),
                file: "/x/config"
            ).configuration()
        }
        #expect(badKey?.description == "kubeconfig /x/config: users[0].user.client-key-data: not valid base64")
        #expect(badKey?.description.contains("%%%") == false)
        let noContext = #expect(throws: KubeConfigError.self) {
            try KubeConfig(yaml: kubeconfig(user: "    token: t"), file: "/x/config").configuration(context: "dev")
        }
        #expect(noContext?.description == #"kubeconfig /x/config: context "dev" not found"#)
        let noServer = #expect(throws: KubeConfigError.self) {
            try KubeConfig(yaml: kubeconfig(server: "''", user: "    token: t"), file: "/x/config").configuration()
        }
        #expect(noServer?.description == "kubeconfig /x/config: clusters[0].cluster.server: missing")
        let notYAML = #expect(throws: KubeConfigError.self) { try KubeConfig(yaml: "clusters: [", file: "/x/config") }
        #expect(notYAML?.file == "/x/config")
        let missing = #expect(throws: KubeConfigError.self) { try KubeConfig(files: ["/nonexistent/config"]) }
        #expect(missing?.description == "kubeconfig /nonexistent/config: no such file")
        let missingCA = #expect(throws: KubeConfigError.self) {
            try KubeConfig(yaml: kubeconfig(user: "    token: t", extraCluster: "    certificate-authority: /no/ca.crt"), file: "/x/config")
                .configuration()
        }
        #expect(missingCA?.field == "clusters[0].cluster.certificate-authority")
    }

    @Test func mergesKUBECONFIGFilesFirstWins() throws {
        let directory = try temporaryDirectory()
        try write(
            """
            clusters:
            - name: c
              cluster: {server: "https://first:6443"}
            users:
            - name: u
              user: {token: first}
            contexts: []
            """, to: directory + "/one")
        try write(
            """
            current-context: other
            clusters:
            - name: c
              cluster: {server: "https://second:6443"}
            - name: d
              cluster: {server: "https://d:6443"}
            users:
            - name: u
              user: {token: second}
            contexts:
            - name: other
              context: {cluster: c, user: u}
            - name: dctx
              context: {cluster: d, user: u, namespace: dns}
            """, to: directory + "/two")
        try write("current-context: ignored\n", to: directory + "/three")
        let loader = ConfigurationLoader(
            environment: ["KUBECONFIG": "\(directory)/one:\(directory)/missing:\(directory)/two:\(directory)/three"],
            homeDirectory: directory)
        let configuration = try loader.load()
        #expect(configuration.server == "https://first:6443")
        #expect(configuration.credentials == .bearerToken(Redacted("first")))
        #expect(configuration.namespace == "default")
        let explicitContext = try loader.load(context: "dctx")
        #expect(explicitContext.server == "https://d:6443")
        #expect(explicitContext.namespace == "dns")

        try FileManager.default.createDirectory(atPath: directory + "/.kube", withIntermediateDirectories: true)
        try write("current-context: x\ncontexts: [{name: x, context: {cluster: d}}]\nclusters: [{name: d, cluster: {server: 'http://home:1'}}]\n",
            to: directory + "/.kube/config")
        #expect(try ConfigurationLoader(environment: [:], homeDirectory: directory).load().server == "http://home:1")
        #expect(try ConfigurationLoader(environment: [:], homeDirectory: "/").load(kubeconfig: directory + "/two").server == "https://second:6443")
    }

    @Test func inClusterConfigurationWithInjectedPaths() throws {
        let directory = try temporaryDirectory()
        try write("token-1\n", to: directory + "/token")
        try write("CA", to: directory + "/ca.crt")
        try write("ensemble-system\n", to: directory + "/namespace")
        let environment = ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"]
        let configuration = try ConfigurationLoader(
            environment: environment, homeDirectory: "/", inClusterPaths: InClusterPaths(directory: directory)
        ).load()
        #expect(configuration.server == "https://10.0.0.1:443")
        #expect(configuration.namespace == "ensemble-system")
        #expect(configuration.tls.certificateAuthority == .file(directory + "/ca.crt"))
        #expect(configuration.credentials == .tokenFile(path: directory + "/token"))
        let ipv6 = try InClusterConfiguration.load(
            environment: ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"],
            paths: InClusterPaths(directory: directory))
        #expect(ipv6.server == "https://[fd00::1]:443")
        #expect(throws: KubeConfigError.self) {
            try InClusterConfiguration.load(environment: [:], paths: InClusterPaths(directory: directory))
        }
    }
}
