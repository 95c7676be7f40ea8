extension Array {
    /// An array of `count` elements that `body` fills, with no zero-fill first (`body` must initialise all of
    /// them): the load's index arrays are written whole once, and zeroing them first was a serial pass over
    /// fresh pages (~40 ms of one core per 78 MB at 5M customers). With `recycling`, the storage's whole pages
    /// are taken from it first (pages of buffers the load has finished reading, not fresh ones); the others are
    /// faulted in at once, on all cores (`ColumnMemory.populate`).
    @inline(__always)
    init(unzeroedCount count: Int, recycling: RecycledPages? = nil, filledBy body: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { out, initialized in
            if let recycling { recycling.fill(out) } else { ColumnMemory.populate(out) }
            body(out)
            initialized = count
        }
    }
}
