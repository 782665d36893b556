import MediaImport

/// A Flux repository written in a test: app folders in the usual layout, built from a few lines of values.
struct TestRepository {
    /// Files by path relative to the root.
    var files: [String: String] = [:]

    /// The `ks.yaml` of `name` in `namespace`, with `extra` lines in its spec.
    static func kustomization(_ name: String, namespace: String = "media", extra: String = "") -> String {
        """
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: &app \(name)
          namespace: \(namespace)
        spec:
          interval: 1h
          path: ./kubernetes/apps/\(namespace)/\(name)/app
          postBuild:
            substituteFrom:
              - kind: Secret
                name: cluster-secrets
          prune: true
          sourceRef:
            kind: GitRepository
            name: flux-system
            namespace: flux-system
          targetNamespace: \(namespace)
        \(extra)
        """
    }

    /// A HelmRelease of `name` on app-template 5.1.0 with `values` (indented by four spaces already).
    static func release(_ name: String, values: String) -> String {
        """
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: \(name)
        spec:
          chartRef:
            kind: OCIRepository
            name: \(name)
          interval: 1h
          values:
        \(values)
        """
    }

    /// The values of a Sonarr-like app: one controller, its image, a port, a route, a claim at /config.
    static func values(_ name: String, image: String = "ghcr.io/home-operations/sonarr", port: Int = 8989) -> String {
        """
            controllers:
              \(name):
                containers:
                  app:
                    image:
                      repository: \(image)
                      tag: 4.0.16.2944
                    env:
                      TZ: Europe/Berlin
            service:
              app:
                ports:
                  http:
                    port: \(port)
            route:
              app:
                hostnames: ["\(name).example.net"]
                parentRefs:
                  - name: envoy-internal
                    namespace: network
            persistence:
              config:
                existingClaim: \(name)
        """
    }

    /// Adds the app folder of `name`: its `ks.yaml`, `app/kustomization.yaml` listing `resources`, and the files.
    mutating func app(
        _ name: String, namespace: String = "media", ks: String? = nil, values: String? = nil,
        files extra: [String: String] = [:], resources: [String]? = nil
    ) {
        let folder = "kubernetes/apps/\(namespace)/\(name)"
        files[folder + "/ks.yaml"] = ks ?? Self.kustomization(name, namespace: namespace)
        files[folder + "/app/helmrelease.yaml"] = Self.release(name, values: values ?? Self.values(name))
        files[folder + "/app/ocirepository.yaml"] = """
            ---
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: \(name)
            spec:
              interval: 15m
              ref:
                tag: 5.1.0
              url: oci://ghcr.io/bjw-s-labs/helm/app-template

            """
        files[folder + "/app/pvc.yaml"] = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: \(name)
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 5Gi

            """
        for (file, text) in extra { files[folder + "/app/" + file] = text }
        let listed = resources ?? (["helmrelease.yaml", "ocirepository.yaml", "pvc.yaml"] + extra.keys.sorted())
        files[folder + "/app/kustomization.yaml"] =
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n"
            + listed.map { "  - ./\($0)\n" }.joined()
    }

    /// What the CLI would read for `roots`; `unreadable` adds entries it could not read.
    func source(roots: [String], unreadable: [String: String] = [:]) -> ImportSource {
        var folders: Set<String> = Set(roots)
        for path in files.keys {
            var folder = path
            while let slash = folder.lastIndex(of: "/") {
                folder = String(folder[..<slash])
                if roots.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) { folders.insert(folder) }
            }
        }
        let selected = files.filter { path, _ in roots.contains { path.hasPrefix($0 + "/") } }
        return ImportSource(
            roots: roots, files: selected.mapValues { Array($0.utf8) }, folders: folders, unreadable: unreadable)
    }

    /// Imports `roots` into `config` (nil: a new config).
    func run(
        roots: [String] = ["kubernetes/apps/media"], config: String? = nil, unreadable: [String: String] = [:]
    )
        -> ImportResult
    {
        RepositoryImporter(
            source: source(roots: roots, unreadable: unreadable), config: config.map { ("mediactl.yaml", $0) }
        ).run()
    }
}

extension ImportResult {
    /// The outcome of app `name`.
    func outcome(_ name: String) -> ImportReport.Outcome? { report.apps.first { $0.name == name }?.outcome }

    /// The reasons given for app `name`, located.
    func reasons(_ name: String) -> [String] { report.apps.first { $0.name == name }?.reasons.map(\.located) ?? [] }
}
