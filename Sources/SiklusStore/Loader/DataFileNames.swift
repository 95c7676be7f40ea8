/// The file names Siklus treats as data by their extension: `siklus data.csv` loads them, and tab
/// completion offers them after `load`. The loader itself reads any delimited UTF-8 text (and
/// refuses binary files with the reason), so other names still load when given in full.
public enum DataFileNames {
    /// Extensions of delimited text, lowercase, without the dot.
    public static let textExtensions = ["csv", "tsv", "txt"]
    /// Extensions of compressed files holding such text (`events.csv.gz`).
    public static let compressedExtensions = ["gz"]

    /// The extension of `path`'s last component, lowercase (`Data.CSV` → `csv`); nil without one.
    public static func pathExtension(_ path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }

    /// True when `path`'s extension says data: `.csv`, `.tsv`, `.txt` or `.gz` (any case).
    public static func isDataName(_ path: String) -> Bool {
        guard let ext = pathExtension(path) else { return false }
        return textExtensions.contains(ext) || compressedExtensions.contains(ext)
    }

    /// True when `bytes` (a file's first bytes) start with the gzip magic number 1F 8B.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0x1F, 0x8B])
    }
}
