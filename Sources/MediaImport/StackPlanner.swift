import MediaKit
import MediaYAML

/// Chooses the stack-level settings of a new `mediactl.yaml` from the apps being imported: what most of them
/// share becomes the default (the chart, the domain, the time zone, the user, the exposure classes and gateways,
/// the forward-auth annotations, how config claims are named), so each app's entry holds only what sets it
/// apart. Apps that disagree with a shared setting say so in their own entry, or are refused when mediactl has
/// no per-app key for it (the chart version, the Flux source, the substitution Secrets).
struct StackPlanner {
    /// The apps read.
    let apps: [HandWrittenApp]

    /// Annotations of forward auth on an Ingress (ingress-nginx's external authentication).
    static func isAuthAnnotation(_ key: String) -> Bool { key.hasPrefix("nginx.ingress.kubernetes.io/auth-") }

    /// The settings, with every app of `apps` in mind.
    func plan() -> Stack {
        var stack = Stack()
        guard let first = apps.first else { return stack }
        stack.repo.appsDir = first.appsDir
        stack.repo.docsDir = nil
        stack.repo.handWrittenNamespaces = Set(apps.map(\.namespace)).sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        stack.namespace = Self.mostCommon(apps.map(\.namespace)) ?? stack.namespace
        if let source = Self.mostCommon(
            apps.map { "\($0.source.kind.rawValue)/\($0.source.namespace)/\($0.source.name)" }),
            let app = apps.first(where: {
                "\($0.source.kind.rawValue)/\($0.source.namespace)/\($0.source.name)" == source
            })
        {
            stack.repo.source = app.source
        }
        let substitution = Self.mostCommon(apps.map { ($0.substituteFrom ?? []).joined(separator: ",") }) ?? ""
        stack.repo.substituteFrom = substitution.isEmpty ? [] : substitution.split(separator: ",").map(String.init)

        if let major = Self.mostCommon(apps.map { String(AppFacts.major($0.chartVersion)) }),
            let version = ChartSettings.Version.allCases.first(where: { String($0.major) == major })
        {
            stack.chart.version = version
        }
        stack.chart.source =
            Self.mostCommon(apps.map(\.chartSource.rawValue)).flatMap(ChartSettings.Source.init) ?? .oci

        let readings = apps.map { AppReading(app: $0) }
        if let domain = Self.mostCommon(readings.compactMap(\.host).compactMap(Self.domain)) {
            stack.cluster.domain = domain
        }
        if let timezone = Self.mostCommon(readings.compactMap(\.timezone)) { stack.cluster.timezone = timezone }
        if let uid = Self.mostCommon(readings.compactMap(\.user).map { String($0) }).flatMap(Int.init) {
            stack.cluster.user.uid = uid
        }
        if let gid = Self.mostCommon(readings.compactMap(\.group).map { String($0) }).flatMap(Int.init) {
            stack.cluster.user.gid = gid
        }
        for implementation in LoadBalancerImplementation.allCases
        where readings.contains(where: { $0.serviceAnnotations.contains(implementation.addressAnnotation) }) {
            stack.cluster.loadBalancer = implementation
        }

        let ingresses = readings.filter { $0.ingressClass != nil }.count
        let routes = readings.filter { $0.gateway != nil }.count
        stack.exposure.mode = routes > ingresses ? .gateway : .ingress
        let classes = readings.compactMap(\.ingressClass)
        if let external = Self.mostCommon(classes.filter(Self.looksExternal)) {
            stack.exposure.ingressClasses[.external] = external
        }
        if let inside = Self.mostCommon(classes.filter { !Self.looksExternal($0) }) {
            stack.exposure.ingressClasses[.internal] = inside
        }
        let gateways = readings.compactMap(\.gateway)
        if let external = Self.mostCommon(gateways.filter { Self.looksExternal($0.name) }.map(\.key)),
            let gateway = gateways.first(where: { $0.key == external })
        {
            stack.exposure.gateways[.external] = gateway
        }
        if let inside = Self.mostCommon(gateways.filter { !Self.looksExternal($0.name) }.map(\.key)),
            let gateway = gateways.first(where: { $0.key == inside })
        {
            stack.exposure.gateways[.internal] = gateway
        }
        let authSets = readings.map(\.authAnnotations).filter { !$0.isEmpty }
        if let auth = Self.mostCommon(authSets.map(Self.key)),
            let annotations = authSets.first(where: { Self.key($0) == auth })
        {
            stack.exposure.authAnnotations = annotations
        }
        if let issuer = Self.mostCommon(readings.compactMap(\.issuer)) { stack.exposure.tlsIssuer = issuer }

        // Config claims named `<app>` as current home-ops repositories name them, or mediactl's `<app>-config`.
        let claims = readings.compactMap(\.configClaim)
        let named = claims.filter { $0.name == $0.app }.count
        let suffixed = claims.filter { $0.name == $0.app + "-config" }.count
        stack.storage.config.claimNames = named > suffixed ? .app : .appConfig
        if let size = Self.mostCommon(claims.compactMap(\.size)) { stack.storage.config.size = size }
        stack.storage.config.storageClass = Self.mostCommon(claims.compactMap(\.storageClass))
        return stack
    }

    /// Whether a class or gateway name says it faces the internet.
    static func looksExternal(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("external") || lowered.contains("public")
    }

    /// The domain of a host: everything after its first label.
    static func domain(of host: String) -> String? {
        guard let dot = host.firstIndex(of: "."), host.index(after: dot) < host.endIndex else { return nil }
        return String(host[host.index(after: dot)...])
    }

    private static func key(_ map: [String: String]) -> String {
        map.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\($0)=\(map[$0] ?? "")" }
            .joined(separator: "\n")
    }

    /// The value that occurs most often; of equally frequent ones, the first in byte order.
    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { left, right in
            left.value != right.value
                ? left.value > right.value : left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
        }.first?.key
    }
}
