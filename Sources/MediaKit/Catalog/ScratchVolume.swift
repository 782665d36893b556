/// An `emptyDir` volume mounted at the same path in every container of the app.
public struct ScratchVolume: Hashable, Sendable {
    /// The volume's name in the chart values (`cache`, `transcode`, `add-ons`).
    public var name: String
    /// Where it is mounted.
    public var path: String

    /// Creates a scratch volume.
    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }
}
