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

    /// The groups, left to right, with their boxes.
    var groups: [(title: String, nodes: [Node])] {
        func appNodes(_ roles: Set<Role>) -> [Node] {
            apps.filter { roles.contains(Role(of: $0)) }.map {
                Node(id: Self.id("app", $0.name.rawValue), label: $0.name.rawValue)
            }
        }
        var volumes = Set<String>()
        for app in apps { for mount in app.mounts { volumes.insert(mount.volume) } }
        let exposures = Exposure.allCases.filter { level in level != .none && apps.contains { $0.exposure == level } }
        let groups: [(String, [Node])] = [
            ("Requests", appNodes([.requests])),
            ("Library managers", appNodes([.managers])),
            ("Indexers and downloads", appNodes([.downloads])),
            ("Storage", volumes.sortedByBytes().map { Node(id: Self.id("volume", $0), label: "volume \($0)") }),
            ("Media servers", appNodes([.servers])),
            ("Around the stack", appNodes([.others])),
            ("Exposure", exposures.map { Node(id: Self.id("exposure", $0.rawValue), label: exposureLabel($0)) }),
        ]
        return groups.filter { !$0.1.isEmpty }
    }

    /// Every arrow, in a stable order.
    var edges: [Edge] {
        var edges: [Edge] = []
        let drawn = Set(apps.map(\.name))
        for flow in TrafficFlow.flows(between: apps)
        where flow.from.catalogEntry?.category != .dashboard && drawn.contains(flow.to.name) {
            edges.append(Edge(from: Self.id("app", flow.from.name.rawValue), to: Self.id("app", flow.to.name.rawValue)))
        }
        for app in apps {
            var seen = Set<String>()
            for mount in app.mounts where seen.insert(mount.volume).inserted {
                let reads = app.mounts.filter { $0.volume == mount.volume }.allSatisfy(\.readOnly)
                let appID = Self.id("app", app.name.rawValue)
                let volumeID = Self.id("volume", mount.volume)
                edges.append(reads ? Edge(from: volumeID, to: appID) : Edge(from: appID, to: volumeID))
            }
        }
        for app in apps where app.exposure != .none {
            edges.append(
                Edge(
                    from: Self.id("app", app.name.rawValue), to: Self.id("exposure", app.exposure.rawValue),
                    label: stack.exposure.guards(app) ? "auth" : nil))
        }
        return edges
    }

    /// The diagram as text in `format`, ending with a newline.
    public func text(_ format: Format) -> String {
        switch format {
        case .mermaid: mermaid()
        case .dot: dot()
        }
    }

    private func mermaid() -> String {
        var lines = ["flowchart LR"]
        for (index, group) in groups.enumerated() {
            lines.append("  subgraph group\(index)[\"\(group.title)\"]")
            for node in group.nodes { lines.append("    \(node.id)[\"\(node.label)\"]") }
            lines.append("  end")
        }
        for edge in edges {
            let arrow = edge.label.map { "-->|\($0)|" } ?? "-->"
            lines.append("  \(edge.from) \(arrow) \(edge.to)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func dot() -> String {
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
        kind + "_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Where an app sits in the diagram.
    enum Role: Hashable {
        case requests, managers, downloads, servers, others

        init(of app: ResolvedApp) {
            switch app.catalogEntry?.category {
            case .requests, .users: self = .requests
            case .arr, .subtitles, .configSync: self = .managers
            case .indexers, .torrentClient, .usenetClient, .directDownloader: self = .downloads
            case .mediaServer, .music, .audiobooks, .podcasts, .photos, .books, .comics: self = .servers
            case .dashboard, .analytics, .exporter, .sync, nil: self = .others
            }
        }
    }
}
