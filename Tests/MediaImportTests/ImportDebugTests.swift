import Foundation
import MediaImport
import Testing

@Suite("import debug")
struct ImportDebugTests {
    @Test func run() {
        let name = ProcessInfo.processInfo.environment["FIXTURE"] ?? "app-template-5"
        let repository = FixtureRepository(name)
        let source = FixtureRepository.source(
            roots: (ProcessInfo.processInfo.environment["ROOTS"] ?? "kubernetes/apps/media").split(separator: " ").map(String.init),
            files: repository.files)
        let result = RepositoryImporter(source: source, config: nil).run()
        print(result.errors.map(\.located).joined(separator: "\n"))
        print(result.report.text)
        print(result.configText ?? "<no config>")
    }
}
