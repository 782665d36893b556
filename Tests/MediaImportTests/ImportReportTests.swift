import MediaImport
import Testing

@Suite("import report")
struct ImportReportTests {
    @Test("names from the repository cannot drive the terminal: control characters are shown escaped")
    func escapes() {
        var repository = TestRepository()
        repository.app("sonarr")
        // The folder is renamed; its files still say 'sonarr', so the app is refused, naming the folder.
        repository.files = Dictionary(
            uniqueKeysWithValues: repository.files.map { path, text in
                (path.replacingOccurrences(of: "/sonarr/", with: "/x\u{1B}[2J/"), text)
            })
        let text = repository.run().report.text
        #expect(text.contains("left hand-written"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("media/x\\u{1B}[2J (kubernetes/apps/media/x\\u{1B}[2J): left hand-written"))
        #expect(!text.contains("setting:"))
    }
}
