/// Settles whether a file whose size and sampled blocks match an earlier load's is a byte-identical copy.
enum DuplicateCheck {
    /// True when `file` is byte-identical to the earlier load's file (by hashes of the whole contents),
    /// false when the earlier file is gone or changed and only the samples could be compared, nil when
    /// the contents differ.
    /// - Complexity: O(size) for files too big to have been hashed whole at load (only when the samples
    ///   match, so only for a real copy or a near one).
    static func compare(_ file: MappedFile, _ fingerprint: ContentFingerprint, with earlier: LoadReport,
                        _ other: ContentFingerprint) -> Bool? {
        let mine = fingerprint.fullHash ?? ContentFingerprint.hash(file.bytes, seed: 0)
        if let theirs = other.fullHash { return mine == theirs ? true : nil }
        // Hash the earlier file, if it is still there as it was loaded.
        if let earlierFile = try? MappedFile(path: earlier.path), earlierFile.identity == earlier.source {
            let theirs = ContentFingerprint.hash(earlierFile.bytes, seed: 0)
            guard (try? earlierFile.checkUnchanged()) != nil else { return false }
            return mine == theirs ? true : nil
        }
        return false
    }
}
