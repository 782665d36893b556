/// The exit statuses of PRODUCT.md §2.
public enum ExitStatus {
    /// Success.
    public static let success: Int32 = 0
    /// A problem was found: invalid config, lint error, drift, refused overwrite, I/O failure.
    public static let failure: Int32 = 1
    /// The command line was wrong (BSD `EX_USAGE`).
    public static let usage: Int32 = 64
}
