import MediaKit

/// The stack as a left-to-right diagram, in Mermaid (runbooks, `mediactl graph`) or Graphviz DOT: request
/// apps → *arr apps → indexers and download clients → storage → media servers → exposure.
///
/// Boxes are grouped by role. Arrows are the calls of ``TrafficFlow`` (a dashboard's calls to every app are
/// left out, or they would hide the rest), writes to and reads from shared volumes, and each exposed app's
/// route to its ingress class or gateway, labelled `auth` when forward auth guards it.
public struct StackDiagram: Sendable {
    /// A diagram language.
    public enum Format: String, CaseIterable, Sendable {
        /// Mermaid `flowchart LR`, which GitHub renders in Markdown.
        case mermaid
        /// Graphviz DOT.
        case dot
    }

    /// A box: an app, a shared volume or an exposure level.
    struct Node: Hashable {
        var id: String
        var label: String
    }

    /// An arrow, optionally labelled.
    struct Edge: Hashable {
        var from: String
        var to: String
        var label: String?
    }

    /// The apps to draw (the whole stack, or one namespace).
    public let apps: [ResolvedApp]
    /// The stack, for exposure settings.
    public let stack: Stack

    /// A diagram of `apps`.
    public init(apps: [ResolvedApp], stack: Stack) {
        self.apps = apps
        self.stack = stack
    }

    /// Mermaid's default limits, beyond which it draws an error instead of the diagram: 500 arrows
    /// (`maxEdges`, mermaid.js.org/config/schema-docs/config-properties-maxedges.html) and 50,000 characters
    /// (`maxTextSize`, …/config-properties-maxtextsize.html). GitHub renders with the defaults.
    static let mermaidEdgeLimit = 500
    /// See ``mermaidEdgeLimit``.
    static let mermaidTextLimit = 50_000

    /// The diagram as text in `format`, ending with a newline.
    public func text(_ format: Format) -> String {
        switch format {
        case .mermaid: mermaid().text
        case .dot: dot(groups: groups(summarized: false), edges: edges)
        }
    }

    /// The Mermaid diagram, and whether it is summarized: when drawing every app would pass Mermaid's
    /// limits, each group of apps becomes one box with its count, and arrows join the groups. Counting the
    /// arrows first also keeps a large stack from listing its (quadratic) calls only to drop them.
    func mermaid() -> (text: String, isSummarized: Bool) {
        if edgeCount <= Self.mermaidEdgeLimit {
            let text = mermaid(groups: groups(summarized: false), edges: edges)
            if text.utf8.count <= Self.mermaidTextLimit { return (text, false) }
        }
        return (mermaid(groups: groups(summarized: true), edges: summaryEdges), true)
    }

    /// The groups, left to right, with their boxes: one per app, or one per group of apps when `summarized`.
    func groups(summarized: Bool) -> [(title: String, nodes: [Node])] {
        func appNodes(_ role: Role) -> [Node] {
            let members = apps.filter { Role(of: $0) == role }
            guard summarized else {
                return members.map { Node(id: Self.id("app", $0.name.rawValue), label: $0.name.rawValue) }
            }
            return members.isEmpty
                ? [] : [Node(id: role.id, label: members.count == 1 ? "1 app" : "\(members.count) apps")]
        }
        var volumes = Set<String>()
        for app in apps { for mount in app.mounts { volumes.insert(mount.volume) } }
        let exposures = Exposure.allCases.filter { level in level != .none && apps.contains { $0.exposure == level } }
        let groups: [(String, [Node])] = [
            ("Requests", appNodes(.requests)),
            ("Library managers", appNodes(.managers)),
            ("Indexers and downloads", appNodes(.downloads)),
            ("Storage", volumes.sortedByBytes().map { Node(id: Self.id("volume", $0), label: "volume \($0)") }),
            ("Media servers", appNodes(.servers)),
            ("Around the stack", appNodes(.others)),
            ("Exposure", exposures.map { Node(id: Self.id("exposure", $0.rawValue), label: exposureLabel($0)) }),
        ]
        return groups.filter { !$0.1.isEmpty }
    }

    /// The apps that are called (workloads with a port), counted by category.
    private var calleesByCategory: [ServiceCategory: Int] {
        var counts: [ServiceCategory: Int] = [:]
        for app in apps where app.kind == .workload && app.port != nil {
            if let category = app.category { counts[category, default: 0] += 1 }
        }
        return counts
    }

    /// The categories `caller` draws arrows to, each with how many apps it calls there: the calls of
    /// ``TrafficFlow/flows(between:)``, counted instead of listed. A dashboard's calls are not drawn.
    private func drawnCalls(of caller: ResolvedApp, callees: [ServiceCategory: Int]) -> [(ServiceCategory, Int)] {
        guard caller.kind == .workload, let category = caller.category, category != .dashboard else {
            return []
        }
        return category.calls.compactMap { called in
            let count = (callees[called] ?? 0) - (called == category && caller.port != nil ? 1 : 0)
            return count > 0 ? (called, count) : nil
        }
    }

    /// How many arrows ``edges`` has, in one pass over the apps.
    var edgeCount: Int {
        let callees = calleesByCategory
        var count = 0
        for app in apps {
            count += drawnCalls(of: app, callees: callees).reduce(0) { $0 + $1.1 }
            count += Set(app.mounts.map(\.volume)).count
            if app.exposure != .none { count += 1 }
        }
        return count
    }

    /// Every arrow, in a stable order.
    var edges: [Edge] {
        var edges: [Edge] = []
        for flow in TrafficFlow.flows(between: apps) where flow.from.category != .dashboard {
            edges.append(Edge(from: Self.id("app", flow.from.name.rawValue), to: Self.id("app", flow.to.name.rawValue)))
        }
        for app in apps {
            let appID = Self.id("app", app.name.rawValue)
            edges += volumeEdges(of: app, from: appID)
        }
        for app in apps where app.exposure != .none {
            edges.append(
                Edge(
                    from: Self.id("app", app.name.rawValue), to: Self.id("exposure", app.exposure.rawValue),
                    label: stack.exposure.guards(app) ? "auth" : nil))
        }
        return edges
    }

    /// The arrows between an app (or its group, `id`) and the shared volumes it writes or only reads.
    private func volumeEdges(of app: ResolvedApp, from id: String) -> [Edge] {
        var seen = Set<String>()
        return app.mounts.compactMap { mount in
            guard seen.insert(mount.volume).inserted else { return nil }
            let reads = app.mounts.filter { $0.volume == mount.volume }.allSatisfy(\.readOnly)
            let volumeID = Self.id("volume", mount.volume)
            return reads ? Edge(from: volumeID, to: id) : Edge(from: id, to: volumeID)
        }
    }

    /// The arrows of the summarized diagram: between groups that have a call between them, between groups
    /// and volumes, and from groups to exposure levels, labelled `auth` when forward auth guards every
    /// route of the group there and `auth on N of M` when it guards some.
    var summaryEdges: [Edge] {
        var edges: [Edge] = []
        var seen = Set<Edge>()
        func add(_ edge: Edge) { if seen.insert(edge).inserted { edges.append(edge) } }
        let callees = calleesByCategory
        for app in apps {
            for (called, _) in drawnCalls(of: app, callees: callees) {
                add(Edge(from: Role(of: app).id, to: Role(category: called).id))
            }
        }
        for app in apps { volumeEdges(of: app, from: Role(of: app).id).forEach(add) }
        var routes: [Edge: (total: Int, guarded: Int)] = [:]
        var order: [Edge] = []
        for app in apps where app.exposure != .none {
            let route = Edge(from: Role(of: app).id, to: Self.id("exposure", app.exposure.rawValue))
            if routes[route] == nil { order.append(route) }
            var count = routes[route] ?? (0, 0)
            count.total += 1
            if stack.exposure.guards(app) { count.guarded += 1 }
            routes[route] = count
        }
        for var route in order {
            let (total, guarded) = routes[route] ?? (0, 0)
            route.label = guarded == 0 ? nil : guarded == total ? "auth" : "auth on \(guarded) of \(total)"
            add(route)
        }
        return edges
    }

    private func mermaid(groups: [(title: String, nodes: [Node])], edges: [Edge]) -> String {
        var text = "flowchart LR\n"
        for (index, group) in groups.enumerated() {
            text += "  subgraph group\(index)[\"\(group.title)\"]\n"
            for node in group.nodes { text += "    \(node.id)[\"\(node.label)\"]\n" }
            text += "  end\n"
        }
        for edge in edges {
            text += "  \(edge.from)" + (edge.label.map { " -->|\($0)| " } ?? " --> ") + "\(edge.to)\n"
        }
        return text
    }

    private func dot(groups: [(title: String, nodes: [Node])], edges: [Edge]) -> String {
        var lines = ["digraph stack {", "  rankdir=LR;", "  node [shape=box];"]
        for (index, group) in groups.enumerated() {
            lines.append("  subgraph cluster_\(index) {")
            lines.append("    label=\"\(group.title)\";")
            for node in group.nodes { lines.append("    \(node.id) [label=\"\(node.label)\"];") }
            lines.append("  }")
        }
        for edge in edges {
            let label = edge.label.map { " [label=\"\($0)\"]" } ?? ""
            lines.append("  \(edge.from) -> \(edge.to)\(label);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func exposureLabel(_ level: Exposure) -> String {
        switch stack.exposure.mode {
        case .ingress: "\(level.rawValue): ingress class \(stack.exposure.ingressClasses[level] ?? level.rawValue)"
        case .gateway: "\(level.rawValue): gateway \(stack.exposure.gateways[level]?.name ?? level.rawValue)"
        }
    }

    /// An identifier both languages accept: letters, digits and underscores.
    static func id(_ kind: String, _ name: String) -> String {
        // App and volume names are DNS labels: ASCII, mapped byte by byte (as the general rule would map them).
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return kind + "_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
        let bytes = name.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                byte
            default: UInt8(ascii: "_")
            }
        }
        return kind + "_" + String(decoding: bytes, as: UTF8.self)
    }

    /// Where an app sits in the diagram.
    enum Role: String, Hashable {
        case requests, managers, downloads, servers, others

        init(of app: ResolvedApp) { self.init(category: app.category) }

        init(category: ServiceCategory?) {
            switch category {
            case .requests, .users: self = .requests
            case .arr, .subtitles, .configSync: self = .managers
            case .indexers, .torrentClient, .usenetClient, .directDownloader: self = .downloads
            case .mediaServer, .music, .audiobooks, .podcasts, .photos, .books, .comics: self = .servers
            case .dashboard, .analytics, .exporter, .sync, nil: self = .others
            }
        }

        /// The identifier of the group's one box in a summarized diagram.
        var id: String { "apps_" + rawValue }
    }
}
