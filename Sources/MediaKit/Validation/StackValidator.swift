/// Cross-app rules the decoder cannot check key by key. Issues come sorted by app, then rule.
public struct StackValidator: Sendable {
    /// The stack to check.
    public let stack: Stack
    /// The apps by name, looked up for every `dependsOn` entry.
    private let appsByName: [String: AppSpec]

    /// A validator for `stack`.
    public init(stack: Stack) {
        self.stack = stack
        var appsByName: [String: AppSpec] = [:]
        for app in stack.apps where appsByName[app.name.rawValue] == nil { appsByName[app.name.rawValue] = app }
        self.appsByName = appsByName
    }

    /// Every issue of the stack.
    public func validate() -> [ValidationIssue] { validate(resolved: AppResolver(stack: stack).resolveAll()) }

    /// Every issue of the stack, whose apps the caller has already resolved
    /// (`AppResolver(stack:).resolveAll()`, which the renderer needs too).
    public func validate(resolved: [ResolvedApp]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for app in stack.apps {
            issues += renderability(of: app) + imageTag(of: app) + latestTagIssues(of: app) + lifecycle(of: app)
            issues += dependencies(of: app) + optionIssues(of: app) + secretIssues(of: app)
        }
        issues += dependencyCycles() + hostClaims(resolved) + hostLengths(resolved)
        issues += hardlinkIssues(resolved) + sqliteIssues(resolved) + splitVolumeIssues(resolved)
        issues += externalAuthIssues(resolved) + claimIssues(resolved) + resourceIssues(resolved)
        issues += loadBalancerIssues(resolved) + extraResourceIssues(resolved) + podIssues(resolved)
        return issues
    }

    private func renderability(of app: AppSpec) -> [ValidationIssue] {
        guard let entry = app.catalogEntry, entry.spec == nil, app.proxy == nil else { return [] }
        let missing = [app.image == nil ? "'image'" : nil, app.port == nil ? "'port'" : nil].compactMap { $0 }
        guard !missing.isEmpty else { return [] }
        return [
            ValidationIssue(
                .error, at: ["apps", app.name.rawValue],
                "app '\(app.name)' runs service '\(app.service)', which the catalog lists but mediactl cannot "
                    + "render yet; give \(missing.joined(separator: " and ")) to run it as a generic app")
        ]
    }

    /// The app-template chart renders `repository:tag`; an image pinned by digest alone would render none.
    private func imageTag(of app: AppSpec) -> [ValidationIssue] {
        guard let image = app.image, image.tag == nil else { return [] }
        return [
            ValidationIssue(
                .error, at: ["apps", app.name.rawValue, "image"],
                "image '\(image)' of app '\(app.name)' has a digest but no tag; the app-template chart needs both, "
                    + "as '\(image.repository):TAG@\(image.digest ?? "")'")
        ]
    }

    private func lifecycle(of app: AppSpec) -> [ValidationIssue] {
        guard let entry = app.catalogEntry, app.proxy == nil else { return [] }
        let path = ["apps", app.name.rawValue, "service"]
        switch entry.status {
        case .active:
            return []
        case .deprecated(let successor):
            return [
                ValidationIssue(
                    .warning, at: path,
                    "service '\(entry.id)' is deprecated upstream; move to its successor '\(successor)'")
            ]
        case .retired(let successor):
            let next = successor.map { "; use '\($0)'" } ?? ""
            return [ValidationIssue(.warning, at: path, "service '\(entry.id)' is retired upstream\(next)")]
        }
    }

    private func dependencies(of app: AppSpec) -> [ValidationIssue] {
        // A bare name that is not an app of the file is taken as a Flux Kustomization elsewhere in the
        // namespace; when it is one edit away from an app, it is most likely a typo.
        let typos = app.dependsOn.compactMap { name -> ValidationIssue? in
            guard !name.contains("/"), appsByName[name] == nil,
                let suggestion = NameSuggestion.nearest(to: name, in: stack.apps.map(\.name.rawValue)),
                suggestion != app.name.rawValue
            else { return nil }
            return ValidationIssue(
                .warning, at: ["apps", app.name.rawValue, "dependsOn"],
                "app '\(app.name)' depends on '\(name)', which is no app of this file, so Flux waits for a "
                    + "Kustomization of that name in namespace '\(stack.namespace(of: app))'; did you mean '\(suggestion)'?"
            )
        }
        guard app.enabled else { return typos }
        return typos
            + app.dependsOn.compactMap { name in
                guard let target = appsByName[name], !target.enabled else { return nil }
                return ValidationIssue(
                    .warning, at: ["apps", app.name.rawValue, "dependsOn"],
                    "app '\(app.name)' depends on '\(name)', which is disabled; Flux waits for it until it is enabled")
            }
    }

    /// Each cycle once, reported at the first app of the cycle in name order.
    private func dependencyCycles() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var reported: Set<[String]> = []
        let candidates = appsOnPossibleCycles()
        for app in stack.apps where candidates.contains(app.name.rawValue) {
            guard let cycle = cycle(from: app.name.rawValue) else { continue }
            let key = cycle.sorted()
            guard !reported.contains(key) else { continue }
            reported.insert(key)
            let start = cycle.firstIndex(of: key[0]) ?? 0
            let ordered = Array(cycle[start...] + cycle[..<start]) + [key[0]]
            issues.append(
                ValidationIssue(
                    .error, at: ["apps", key[0], "dependsOn"],
                    "dependsOn forms a cycle: " + ordered.map { "'\($0)'" }.joined(separator: " → ")))
        }
        return issues
    }

    /// The apps that may lie on a dependency cycle: what is left after repeatedly removing apps that no
    /// remaining app depends on, or that depend on no remaining app. Linear; without it, a long chain of
    /// `dependsOn` cost one walk down the chain per app.
    private func appsOnPossibleCycles() -> Set<String> {
        var targets: [String: [String]] = [:]
        var dependents: [String: [String]] = [:]
        var inDegree: [String: Int] = [:]
        var outDegree: [String: Int] = [:]
        for app in stack.apps {
            let name = app.name.rawValue
            let within = app.dependsOn.filter { appsByName[$0] != nil }
            targets[name, default: []] += within
            outDegree[name, default: 0] += within.count
            inDegree[name, default: 0] += 0
            for target in within {
                inDegree[target, default: 0] += 1
                dependents[target, default: []].append(name)
            }
        }
        var pending = inDegree.keys.filter { inDegree[$0] == 0 || outDegree[$0] == 0 }
        var removed: Set<String> = []
        while let name = pending.popLast() {
            guard removed.insert(name).inserted else { continue }
            for target in targets[name] ?? [] {
                inDegree[target, default: 0] -= 1
                if inDegree[target] == 0 { pending.append(target) }
            }
            for dependent in dependents[name] ?? [] {
                outDegree[dependent, default: 0] -= 1
                if outDegree[dependent] == 0 { pending.append(dependent) }
            }
        }
        return Set(inDegree.keys).subtracting(removed)
    }

    /// The apps on a dependency path from `start` back to `start`, if there is one.
    private func cycle(from start: String) -> [String]? {
        var path: [String] = []
        var visited: Set<String> = []
        func walk(_ name: String) -> Bool {
            guard let app = appsByName[name] else { return false }
            path.append(name)
            for next in app.dependsOn {
                if next == start { return true }
                if visited.insert(next).inserted, walk(next) { return true }
            }
            path.removeLast()
            return false
        }
        return walk(start) ? path : nil
    }

    /// Two exposed apps (or proxied apps) on one host name.
    private func hostClaims(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        var owners: [String: String] = [:]
        var issues: [ValidationIssue] = []
        for app in apps {
            for host in hosts(of: app) {
                if let owner = owners[host] {
                    issues.append(
                        ValidationIssue(
                            .error, at: ["apps", app.name.rawValue],
                            "host '\(host)' of app '\(app.name)' is already used by app '\(owner)'"))
                } else {
                    owners[host] = app.name.rawValue
                }
            }
        }
        return issues
    }

    /// Host names longer than DNS allows once the cluster domain is added (known only without a substitution).
    private func hostLengths(_ apps: [ResolvedApp]) -> [ValidationIssue] {
        apps.flatMap { app in
            hosts(of: app).compactMap { host in
                guard !DNSName.hasSubstitution(host), host.utf8.count > DNSName.maximumLength else { return nil }
                return ValidationIssue(
                    .error, at: ["apps", app.name.rawValue, "host"],
                    "host '\(host)' of app '\(app.name)' is longer than the \(DNSName.maximumLength) characters of a "
                        + "DNS name; shorten 'host' or 'cluster.domain'")
            }
        }
    }

    private func hosts(of app: ResolvedApp) -> [String] {
        if case .proxy(let proxy) = app.kind {
            return app.exposure == .none ? [] : proxy.apps.map { "\($0).\(stack.cluster.domain)" }
        }
        return app.host.map { [$0] } ?? []
    }
}
