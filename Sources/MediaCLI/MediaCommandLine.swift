public enum MediaCommandLine {
    public static func main() -> Int32 { 0 }
}
