import Foundation
import MediaImport
import Testing

@Suite("import debug")
struct ImportDebugTests {
    @Test func run() {
        let repository = FixtureRepository("app-template-5")
        let source = FixtureRepository.source(roots: ["kubernetes/apps/media"], files: repository.files)
        let result = RepositoryImporter(source: source, config: nil).run()
        print(result.errors.map(\.located).joined(separator: "\n"))
        print(result.report.text)
        print(result.configText ?? "<no config>")
    }
}
