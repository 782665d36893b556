import Foundation
import MediaKit
import MediaRender

/// `mediactl catalog [--format table|json|markdown]`: every service mediactl knows, with its image, port,
/// probe, status and needs. The Markdown form is `Docs/Catalog.md`.
struct CatalogCommand {
    let invocation: Invocation
    let terminal: Terminal

    /// One service in JSON.
    struct Entry: Encodable {
        let id: String
        let category: String
        let summary: String
        let image: String?
        let tag: String?
        let digest: String?
        let port: Int?
        let portVariable: String?
        let probe: String?
        let configPath: String?
        let media: String?
        let security: String?
        let usesSQLite: Bool
        let status: String
        let replacedBy: String?
        let needs: [String]
    }

    func run() -> Int32 {
        let format = invocation.has("--json") ? "json" : invocation.value("--format") ?? "table"
        switch format {
        case "json":
            terminal.output(JSONText.encode(Catalog.entries.map(entry)))
        case "markdown":
            terminal.output(CatalogDocument().markdown())
        default:
            printTable()
        }
        return ExitStatus.success
    }

    private func printTable() {
        terminal.output("catalog as of \(Catalog.checkedOn)\n")
        let rows =
            [["ID", "CATEGORY", "IMAGE", "PORT", "PROBE", "STATUS"]]
            + Catalog.entries.map(entry).map { entry in
                [
                    entry.id, entry.category,
                    entry.image.map { $0 + ":" + (entry.tag ?? "") } ?? "-",
                    entry.port.map(String.init) ?? "-", entry.probe ?? "-",
                    entry.status + (entry.replacedBy.map { " → " + $0 } ?? ""),
                ]
            }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            terminal.output(cells.joined(separator: "  ") + "\n")
        }
    }

    private func entry(_ entry: CatalogEntry) -> Entry {
        let spec = entry.spec
        return Entry(
            id: entry.id.rawValue, category: entry.category.rawValue, summary: entry.summary,
            image: spec?.image.repository, tag: spec?.image.tag, digest: spec?.image.digest, port: spec?.port?.number,
            portVariable: spec?.portEnvironmentVariable, probe: spec?.probe.summary, configPath: spec?.configPath,
            media: spec?.media?.access.rawValue, security: spec?.security.rawValue,
            usesSQLite: spec?.usesSQLite ?? false, status: entry.status.name,
            replacedBy: entry.status.replacement?.rawValue, needs: spec?.needs.map(\.rawValue) ?? [])
    }
}
