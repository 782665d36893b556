import Foundation
import MediaKit

/// `mediactl catalog [--json]`: every service mediactl knows, with its image, port, probe and status.
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
        let port: Int?
        let probe: String?
        let status: String
        let replacedBy: String?
        let renders: Bool
    }

    func run() -> Int32 {
        let entries = Catalog.entries.map(entry)
        if invocation.has("--json") {
            terminal.output(JSONText.encode(entries))
            return ExitStatus.success
        }
        let rows =
            [["ID", "CATEGORY", "IMAGE", "PORT", "PROBE", "STATUS"]]
            + entries.map { entry in
                [
                    entry.id, entry.category,
                    entry.image.map { $0 + ":" + (entry.tag ?? "") } ?? "(not catalogued yet)",
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
        return ExitStatus.success
    }

    private func entry(_ entry: CatalogEntry) -> Entry {
        let spec = entry.spec
        return Entry(
            id: entry.id.rawValue, category: entry.category.rawValue, summary: entry.summary,
            image: spec?.image.repository, tag: spec?.image.tag, port: spec?.port?.number, probe: spec?.probe.summary,
            status: entry.status.name, replacedBy: entry.status.replacement?.rawValue, renders: spec != nil)
    }
}
