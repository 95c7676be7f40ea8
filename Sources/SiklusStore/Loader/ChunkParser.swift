import CMemoryHints
/// Parses one byte range of a CSV file (starting at a record boundary) into column buffers.
///
/// The inner loop reads bytes in place: unquoted fields are never copied, quoted fields with `""`
/// escapes are unescaped into one scratch buffer, and values are written by row index so a bad row
/// is dropped just by not advancing the row count.
struct ChunkParser {
    let file: MappedFile
    let range: Range<Int>
    let plan: LoadPlan
    let globalCustomers: StringDictionary
    let globalStrings: StringDictionary
    /// True for the first chunk: it interns straight into (a copy of) the global dictionaries.
    let ownsDictionaries: Bool
    /// Where the rows whose ids this chunk's dictionary will hold end (`CustomerGrowthProjection`), when known:
    /// the file's end for a plain file's first chunk, the chunk's end for the others; nil for a gzip block.
    var idsEnd: Int? = nil
    /// The shared claims and this range's index in them, when a core that finishes early may split off the rest
    /// of this range (`ChunkClaims`): records then start only below what has been claimed.
    var claims: (shared: ChunkClaims, index: Int)? = nil
    /// How often parsed pages are handed back to the kernel: the mapped pages in memory per chunk are at
    /// most this plus `prefetchStride` (16 + 4 MiB kept ~40 MB resident on two cores, 0.2× a 1M log).
    private static let releaseStride = 4 << 20
    /// How far ahead pages are mapped in one call.
    private static let prefetchStride = 2 << 20
    /// How far ahead of the parser a file not in the page cache is read from the disk (issue 16: at 5M
    /// customers, a cold file's parse waited for each 2 MiB `prefetch` to be read).
    private static let readAheadDistance = 32 << 20
    /// How far ahead the data is checked for NUL bytes: small enough to stay in cache until parsed.
    private static let nulCheckStride = 32 << 10
    /// The longest value interned as a customer id or a text value: anything longer is a swallowed row
    /// or binary data, not an id, and is a bad row rather than gigabytes in a dictionary.
    static let maxInternedLength = 4096

    /// Parses the range with dictionaries of its own: a copy of the globals when `ownsDictionaries`, else empty.
    func parse() -> ChunkResult {
        var dictionaries = ChunkDictionaries(customers: ownsDictionaries ? globalCustomers : StringDictionary(),
                                             strings: ownsDictionaries ? globalStrings : StringDictionary())
        var result = parse(continuing: &dictionaries)
        // Moved, not copied: a second reference would make the merge's first insert copy the dictionary.
        swap(&result.customers, &dictionaries.customers)
        swap(&result.strings, &dictionaries.strings)
        return result
    }

    /// Parses the range interning into `dictionaries`, which may hold an earlier chunk's strings (a gzip file's
    /// blocks parsed by one thread share them: `ChunkResult.dictionaryOwner`). The result's dictionaries are
    /// empty; its `customerCodes` and `stringCodes` are the codes this range added.
    func parse(continuing dictionaries: inout ChunkDictionaries) -> ChunkResult {
        let bytes = file.bytes
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let columns = plan.columns
        let fieldCount = columns.count
        let kinds = columns.map(\.kind)
        // A payload-free tag per column: switching on `FieldKind` itself would copy its pattern array per field.
        let tags = UnsafeMutableBufferPointer<FieldTag>.allocate(capacity: fieldCount)
        for (i, kind) in kinds.enumerated() { tags[i] = FieldTag(kind) }
        // `ids=integer` gets its own tag, so the usual customer path has no test for it.
        if plan.integerIDs { for i in 0..<fieldCount where tags[i] == .customer { tags[i] = .integerCustomer } }
        // Time patterns by column, behind a pointer, so a patterned field reads its pattern without a retain.
        let patterns = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: fieldCount)
        _ = patterns.initialize(from: kinds.map { kind -> [UInt8] in if case .pattern(let p) = kind { return p }; return [] })
        defer { patterns.deinitialize(); patterns.deallocate() }
        // Per column, the previous row's text and code: ids and channels usually repeat on consecutive
        // rows, and comparing a few bytes is much cheaper than probing a hash table of a million ids.
        let previous = UnsafeMutableBufferPointer<PreviousValue>.allocate(capacity: fieldCount)
        previous.initialize(repeating: PreviousValue())
        defer { previous.deallocate() }
        // Per text column, its recent values' codes by value: the previous row's is rarely the same in a time-ordered log.
        let textCaches = UnsafeMutableBufferPointer<TextCodeCache>.allocate(capacity: fieldCount)
        for i in 0..<fieldCount { (textCaches.baseAddress! + i).initialize(to: TextCodeCache(used: tags[i] == .string)) }
        defer { for cache in textCaches { cache.deallocate() }; textCaches.deallocate() }
        // Customer ids are interned a few rows after they are parsed, their cache misses overlapped with parsing.
        let customerFields = (0..<fieldCount).filter { tags[$0] == .customer || tags[$0] == .integerCustomer }
        precondition(customerFields.count <= 1, "one column plays the customer role")
        let customerField = customerFields.first
        var pendingIDs = PendingCustomerIDs()
        defer { pendingIDs.deallocate() }
        let required = UnsafeMutableBufferPointer<Bool>.allocate(capacity: fieldCount)
        for (i, column) in columns.enumerated() { required[i] = column.required }
        defer { tags.deallocate(); required.deallocate() }
        let delimiter = plan.dialect.delimiter
        // Values may be read in whole words up to here (`TextCodeCache.words`).
        let fileEnd = UnsafeRawPointer(base + bytes.count)
        let monthStarts = FieldParsers.MonthTable.starts
        let whitespace = plan.dialect.isWhitespace
        let delimiterPattern = UInt64(delimiter) &* Self.ones
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")

        var capacity = max(16, Int(Double(range.count) / max(8, plan.bytesPerRecord) * 1.05) + 16)
        let buffers = UnsafeMutableBufferPointer<ColumnBuffer>.allocate(capacity: fieldCount)
        for (i, kind) in kinds.enumerated() {
            (buffers.baseAddress! + i).initialize(to: ColumnBuffer(kind: kind, capacity: capacity, required: required[i]))
        }
        defer { buffers.deinitialize(); buffers.deallocate() }
        // Moved out of `dictionaries` (and back at the end), so the parser's inserts never copy them.
        var customers = StringDictionary(), strings = StringDictionary()
        swap(&customers, &dictionaries.customers)
        swap(&strings, &dictionaries.strings)
        let customersAtStart = customers.count, stringsAtStart = strings.count
        // The first chunk's dictionary becomes the file's, which the other chunks merge into: sized for all
        // of the file's expected customers, it does not grow for the merge (at 1M grouped customers, sized for
        // its share, the merge's growth held the old and new tables at once: 4 MB of the load's peak, 14 ms).
        if ownsDictionaries, plan.expectedCustomers > 4096 { customers.reserveCapacity(customers.count + plan.expectedCustomers) }
        // Without an estimate (a time-ordered log), room for an id per row in the strings and their offsets:
        // address space only (pages are resident once written), where doubling as ids arrive copied both
        // arrays into fresh pages at every step (~0.2 s of a 5M-customer load's CPU in copies and page faults)
        // and again for the merge. (With one, the larger blocks left 6 MB more in malloc's heaps at 1M.) Dictionaries
        // carried from block to block grow at least twofold: an exact reservation per block would copy them every time.
        if plan.expectedCustomers == 0, capacity > 4096 { customers.reserveArrays(customers.count + capacity, growingTwofold: customersAtStart > 0) }
        var growth = plan.expectedCustomers == 0 && customerField != nil
            ? idsEnd.map { CustomerGrowthProjection(idsEnd: $0, start: range.lowerBound, idsAtStart: customersAtStart) } : nil
        var skips: [LoadReport.SkipReason: SkipTally] = [:]
        var badValues: [Int: SkipTally] = [:]
        var emptyCustomer = SkipTally()
        var scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 256, alignment: 1)
        defer { scratch.deallocate() }
        var rows = 0
        var populated = 0
        var line = 0
        var lineStart = range.lowerBound
        var released = range.lowerBound
        var prefetched = range.lowerBound
        var readAhead = range.lowerBound
        var nulChecked = range.lowerBound
        var p = range.lowerBound
        // The range's end (a split may move it down) and the bound for starting records (what is claimed).
        var end = range.upperBound, recordBound = end
        if let claims { (recordBound, end) = claims.shared.claim(claims.index, from: p) }
        defer { if let claims { claims.shared.finish(claims.index) } }

        // No nested function may capture the loop's variables: captured variables are boxed and every
        // access to them is checked for exclusivity at run time, which would dominate this loop.
        var fatal: ChunkFailure?
        parsing: while true {
            if p >= recordBound {
                guard let claims else { break }
                (recordBound, end) = claims.shared.claim(claims.index, from: p)
                if !ownsDictionaries { growth?.idsEnd = end }
                // The last record ran past a split made while it was parsed: the split was inside a quoted field,
                // and, as for a chunk ending inside quotes, the file is parsed again on one thread.
                if p > end {
                    fatal = ChunkFailure(line: line, column: 1, problem: .unterminatedQuote, help: { _ in .closeQuote }, mayBeASplitQuote: true)
                    break
                }
                if p >= recordBound { break }
            }
            // Blank lines carry no record.
            if base[p] == newline { p += 1; line += 1; lineStart = p; continue }
            if base[p] == cr, p + 1 < end, base[p + 1] == newline { p += 2; line += 1; lineStart = p; continue }
            if whitespace {
                while p < end, base[p] == space { p += 1 }
                if p >= end { break }
                if base[p] == newline || (base[p] == cr && p + 1 < end && base[p + 1] == newline) { continue }
            }
            if rows == capacity {
                let next = capacity * 2
                for i in 0..<fieldCount { buffers[i].grow(from: rows, to: next) }
                capacity = next
            }
            let recordLine = line, recordStart = p, customersBefore = customers.count, stringsBefore = strings.count
            let stagedID = pendingIDs.staged
            var field = 0
            var bad: BadField?
            var skipEmptyCustomer = false

            while true {
                var fs = p, fe = p
                var escaped = false
                let fieldLine = line, fieldColumn = p - lineStart + 1
                if p < end, base[p] == quote {
                    let quoted = Self.scanQuoted(base, from: p, to: end, delimiter: delimiter)
                    guard quoted.closed else {
                        fatal = ChunkFailure(line: fieldLine, column: fieldColumn, problem: .unterminatedQuote,
                                             help: { _ in .closeQuote }, mayBeASplitQuote: true)
                        break parsing
                    }
                    if quoted.newlines > 0 || quoted.end - quoted.start > Self.maxQuotedBytes {
                        switch Self.judgeLongQuoted(base, quoted, fieldCount: fieldCount, delimiter: delimiter, line: fieldLine, column: fieldColumn) {
                        case .fine: break
                        case .fatal(let failure): fatal = failure; break parsing
                        case .swallows(let rows): if bad == nil { bad = BadField(reason: .swallowedRows(rows), line: fieldLine, column: fieldColumn) }
                        }
                    }
                    (fs, fe, p, escaped) = (quoted.start, quoted.end, quoted.next, quoted.escaped)
                    if quoted.newlines > 0 { line += quoted.newlines; lineStart = quoted.lastLineStart }
                    if let after = quoted.textAfterQuote, bad == nil { bad = BadField(reason: .textAfterQuote, line: line, column: after - lineStart + 1) }
                } else {
                    p = Self.fieldEnd(base, from: p, to: end, delimiter: delimiter, delimiterPattern: delimiterPattern)
                    fe = p
                    if fe > fs, base[fe - 1] == cr { fe -= 1 }
                }

                if field < fieldCount, bad == nil {
                    let f = escaped ? Self.unescape(base + fs, count: fe - fs, into: &scratch) : UnsafeRawBufferPointer(start: base + fs, count: fe - fs)
                    let ok = store(f, tag: tags[field], pattern: patterns.baseAddress! + field, monthStarts: monthStarts, into: buffers.baseAddress! + field, row: rows,
                                   previous: escaped ? nil : previous.baseAddress! + field,
                                   textCache: textCaches.baseAddress! + field, pending: pendingIDs, stagedID: stagedID,
                                   customers: &customers, strings: &strings, skipEmptyCustomer: &skipEmptyCustomer,
                                   readable: escaped ? nil : fileEnd)
                    if !ok { bad = BadField(reason: .value(field: field), line: fieldLine, column: fieldColumn) }
                } else if field < fieldCount, case .value(_)? = bad?.reason {
                    // The row has a value its column cannot hold; its later values are still judged, so that every
                    // misjudged column is found in one pass (the text fallback then reads the file once more, not
                    // once per column). Rows bad for their structure (a stray quote) say nothing about types.
                    Self.tallyMisfit(base + fs, count: fe - fs, escaped: escaped, field: field, tag: tags[field], pattern: patterns.baseAddress! + field,
                                     monthStarts: monthStarts, scratch: &scratch, badValues: &badValues, line: fieldLine, column: fieldColumn)
                }
                field += 1

                if p < end, base[p] == delimiter {
                    p += 1
                    if whitespace {
                        while p < end, base[p] == space { p += 1 }
                        if p >= end || base[p] == newline || base[p] == cr { break }
                    }
                    continue
                }
                break
            }
            // At the end of the record: step over its line break.
            if p < end, base[p] == cr { p += 1 }
            if p < end, base[p] == newline { p += 1; line += 1; lineStart = p }

            if field == fieldCount, bad == nil, !skipEmptyCustomer {
                rows += 1
                if let customerField {
                    pendingIDs.commit(codes: buffers.baseAddress! + customerField, customers: &customers, global: globalCustomers,
                                      ownsDictionaries: ownsDictionaries)
                }
            } else {
                if field != fieldCount, let failure = Self.bareCarriageReturn(base, from: recordStart, to: p, line: recordLine) {
                    fatal = failure
                    break parsing
                }
                // A dropped row leaves no trace in the dictionaries (no customer without rows). The previous-row
                // caches may hold a code just removed (and soon given to another string), so they start afresh.
                customers.truncate(to: customersBefore)
                if strings.count != stringsBefore {
                    strings.truncate(to: stringsBefore)
                    for cache in textCaches { cache.clear() }
                }
                for i in 0..<fieldCount { previous[i] = PreviousValue() }
                Self.recordSkip(fields: field, of: fieldCount, bad: bad, emptyCustomer: skipEmptyCustomer, line: recordLine,
                                columns: columns, skips: &skips, badValues: &badValues, emptyCustomers: &emptyCustomer)
            }
            if p >= prefetched {
                file.prefetch(from: prefetched, to: min(end, prefetched + Self.prefetchStride))
                prefetched += Self.prefetchStride
                file.readAhead(from: readAhead, to: min(end, prefetched + Self.readAheadDistance))
                readAhead = max(readAhead, min(end, prefetched + Self.readAheadDistance))
            }
            // The next small block is checked for NUL bytes just before the parser reads it, so it is read
            // from cache, not memory, a second time. `while`: a long quoted field can step over several blocks.
            while p >= nulChecked, nulChecked < end {
                let next = min(end, nulChecked + Self.nulCheckStride)
                if let nul = Self.firstNUL(base, from: nulChecked, to: next) {
                    fatal = Self.nulFailure(base, at: nul, chunkStart: range.lowerBound)
                    break parsing
                }
                nulChecked = next
            }
            if rows >= populated - Self.populateRows {
                populated = Self.populate(buffers, rows: rows, from: populated, capacity: capacity)
            }
            if p - released >= Self.releaseStride {
                // Queued ids point into these pages.
                if let customerField {
                    pendingIDs.flush(codes: buffers.baseAddress! + customerField, customers: &customers, global: globalCustomers,
                                     ownsDictionaries: ownsDictionaries)
                    growth?.check(&customers, rows: rows, at: p)
                }
                file.release(from: released, to: lineStart)
                released = lineStart
            }
        }
        if let customerField {
            pendingIDs.flush(codes: buffers.baseAddress! + customerField, customers: &customers, global: globalCustomers,
                             ownsDictionaries: ownsDictionaries)
        }
        if fatal == nil, nulChecked < end, let nul = Self.firstNUL(base, from: nulChecked, to: end) {
            fatal = Self.nulFailure(base, at: nul, chunkStart: range.lowerBound)
        }
        file.release(from: released, to: end)
        let added = (customers: customersAtStart..<customers.count, strings: stringsAtStart..<strings.count)
        swap(&customers, &dictionaries.customers)
        swap(&strings, &dictionaries.strings)
        return ChunkResult(buffers: Array(buffers), rows: rows, customers: StringDictionary(), strings: StringDictionary(),
                           customerCodes: added.customers, stringCodes: added.strings, skips: skips,
                           badValues: badValues, emptyCustomer: emptyCustomer, lines: line, fatal: fatal)
    }

    /// Faults in the buffers' pages for the rows after `from` up to `populateRows` past `rows`; returns where
    /// they now end. Out of line: see `recordSkip`.
    @inline(never)
    private static func populate(_ buffers: UnsafeMutableBufferPointer<ColumnBuffer>, rows: Int, from: Int, capacity: Int) -> Int {
        let to = min(capacity, rows + 2 * populateRows)
        if to > from { for buffer in buffers { buffer.populate(rows: from..<to, capacity: capacity) } }
        return max(from, to)
    }

    /// Why a row's field was rejected (its message is only built when the row is recorded as skipped).
    struct BadField {
        enum Reason { case textAfterQuote, value(field: Int), swallowedRows(Int) }
        var reason: Reason
        var line: Int
        var column: Int
    }

    /// Tallies a dropped row under its reason. Out of line: rare, and string-building code in the loop
    /// would keep the compiler from inlining `store` into it.
    @inline(never)
    private static func recordSkip(fields: Int, of fieldCount: Int, bad: BadField?, emptyCustomer: Bool, line: Int, columns: [PlannedColumn],
                                   skips: inout [LoadReport.SkipReason: SkipTally], badValues: inout [Int: SkipTally], emptyCustomers: inout SkipTally) {
        if let bad, case .swallowedRows(let rows) = bad.reason {
            // The row and the rows inside its quotes are lost: all are counted, so the 1 % rule sees them.
            let reason = LoadReport.SkipReason.swallowedRows
            skips[reason, default: SkipTally()].add(line: bad.line, column: bad.column)
            skips[reason]?.count += rows
        } else if fields != fieldCount {
            skips[.fieldCount(expected: fieldCount, found: fields), default: SkipTally()].add(line: line, column: 1)
        } else if let bad {
            let reason: LoadReport.SkipReason
            switch bad.reason {
            case .textAfterQuote: reason = .textAfterQuote
            case .swallowedRows: reason = .swallowedRows  // handled above
            case .value(let field) where columns[field].kind == .customer || columns[field].kind == .string:
                // Text always fits, unless it is too long to be a value.
                reason = .tooLong(column: columns[field].name, bytes: maxInternedLength)
                badValues[field, default: SkipTally()].add(line: bad.line, column: bad.column)
            case .value(let field):
                reason = .unexpected(column: columns[field].name, expected: columns[field].kind.expectation)
                badValues[field, default: SkipTally()].add(line: bad.line, column: bad.column)
            }
            skips[reason, default: SkipTally()].add(line: bad.line, column: bad.column)
        } else if emptyCustomer {
            emptyCustomers.add(line: line, column: 1)
        }
    }

    /// Adds a value of a row already bad to `badValues` when it does not fit its column's kind (text
    /// fits unless too long). Nothing is stored or interned.
    @inline(never)
    private static func tallyMisfit(_ start: UnsafePointer<UInt8>, count: Int, escaped: Bool, field: Int, tag: FieldTag, pattern: UnsafePointer<[UInt8]>,
                                    monthStarts: UnsafePointer<Int32>, scratch: inout UnsafeMutableRawBufferPointer,
                                    badValues: inout [Int: SkipTally], line: Int, column: Int) {
        let f = escaped ? unescape(start, count: count, into: &scratch) : UnsafeRawBufferPointer(start: start, count: count)
        let fits: Bool
        switch tag {
        case .customer, .integerCustomer, .string: fits = f.count <= maxInternedLength
        case .skip: fits = true
        case _ where f.isEmpty || FieldParsers.isNullWord(f): fits = true
        case .float: fits = FieldParsers.double(f) != nil
        case .isoTime: fits = timestamp(f, monthStarts: monthStarts) != nil
        default: fits = otherInteger(f, tag: tag, pattern: pattern) != nil
        }
        if !fits { badValues[field, default: SkipTally()].add(line: line, column: column) }
    }

    /// A quoted field found by `scanQuoted`.
    struct QuotedField {
        /// The text between the quotes, still with `""` escapes when `escaped`.
        var start = 0, end = 0
        /// Where the field's delimiter or line break is.
        var next = 0
        var escaped = false
        /// False when the file ends inside the quotes.
        var closed = true
        /// Line breaks inside the quotes, and where the last line inside starts.
        var newlines = 0, lastLineStart = 0
        /// Where text follows the closing quote (`"ab"c`), if it does.
        var textAfterQuote: Int?
    }

    /// Scans the quoted field opening at `p`. Out of line: most fields of most files are not quoted.
    @inline(never)
    static func scanQuoted(_ base: UnsafePointer<UInt8>, from p: Int, to end: Int, delimiter: UInt8) -> QuotedField {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var field = QuotedField()
        var p = p + 1
        field.start = p
        while true {
            if p >= end { field.closed = false; return field }
            let b = base[p]
            if b == quote {
                if p + 1 < end, base[p + 1] == quote { field.escaped = true; p += 2; continue }
                break
            }
            if b == newline { field.newlines += 1; field.lastLineStart = p + 1 }
            p += 1
        }
        field.end = p
        p += 1
        if p < end, base[p] != delimiter, base[p] != newline, base[p] != cr { field.textAfterQuote = p }
        while p < end, base[p] != delimiter, base[p] != newline { p += 1 }
        field.next = p
        return field
    }

    /// A quoted field's text with each `""` turned into `"`, in `scratch` (grown as needed).
    @inline(never)
    static func unescape(_ start: UnsafePointer<UInt8>, count: Int, into scratch: inout UnsafeMutableRawBufferPointer) -> UnsafeRawBufferPointer {
        if scratch.count < count {
            scratch.deallocate()
            scratch = .allocate(byteCount: count * 2, alignment: 1)
        }
        var i = 0, n = 0
        while i < count { scratch[n] = start[i]; n += 1; i += start[i] == UInt8(ascii: "\"") ? 2 : 1 }
        return UnsafeRawBufferPointer(start: scratch.baseAddress, count: n)
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
    static let populateRows = 1 << 15

    /// The offset of the first delimiter or newline at or after `p` (or `end`). Fields are short but many,
    /// so sixteen bytes are tested per step (`siklus_match16`, SSE2: one compare per byte value and a mask),
    /// then eight (SWAR: a byte equal to the pattern becomes a zero byte) near the end: a timestamp is one
    /// step and a short one, where 8-byte steps took three (ARCHITECTURE.md, session 15, has the timings).
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, delimiter: UInt8, delimiterPattern: UInt64) -> Int {
        var p = start
        while p + 16 <= end {
            let hits = siklus_match16(base + p, delimiter, UInt8(ascii: "\n"))
            if hits != 0 { return p + hits.trailingZeroBitCount }
            p += 16
        }
        while p + 8 <= end {
            let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
            let a = word ^ delimiterPattern, b = word ^ newlines
            let hits = ((a &- ones) & ~a | (b &- ones) & ~b) & highs
            if hits != 0 { return p + hits.trailingZeroBitCount / 8 }
            p += 8
        }
        while p < end, base[p] != delimiter, base[p] != UInt8(ascii: "\n") { p += 1 }
        return p
    }

    /// Parses one field into `buffer[row]`. Returns false when the value does not fit the column.
    @inline(__always)
    private func store(_ f: UnsafeRawBufferPointer, tag: FieldTag, pattern: UnsafePointer<[UInt8]>, monthStarts: UnsafePointer<Int32>, into buffer: UnsafeMutablePointer<ColumnBuffer>,
                       row: Int, previous: UnsafeMutablePointer<PreviousValue>?, textCache: UnsafeMutablePointer<TextCodeCache>,
                       pending: PendingCustomerIDs, stagedID: UnsafeMutablePointer<PendingCustomerIDs.Entry>,
                       customers: inout StringDictionary, strings: inout StringDictionary, skipEmptyCustomer: inout Bool,
                       readable: UnsafeRawPointer?) -> Bool {
        switch tag {
        case .customer:
            if f.isEmpty { skipEmptyCustomer = true; return true }
            if f.count > Self.maxInternedLength { return false }
            // Interned when the row is committed and a few more are parsed (`PendingCustomerIDs`).
            pending.stage(f, text: f, row: row, previous: previous, into: stagedID)
            return true
        case .integerCustomer:
            return Self.stageIntegerCustomer(f, row: row, previous: previous, pending: pending, stagedID: stagedID, skipEmptyCustomer: &skipEmptyCustomer)
        case .string:
            if f.isEmpty { buffer.pointee.codes.unsafelyUnwrapped[row] = StringDictionary.null; return true }
            if f.count > Self.maxInternedLength { return false }
            if f.count <= TextCodeCache.maxLength {
                buffer.pointee.codes.unsafelyUnwrapped[row] = textCache.pointee.code(of: f, readableTo: readable) {
                    intern(f, local: &strings, global: globalStrings)
                }
                return true
            }
            if let code = previous?.pointee.code(ifSameAs: f) { buffer.pointee.codes.unsafelyUnwrapped[row] = code; return true }
            let code = intern(f, local: &strings, global: globalStrings)
            previous?.pointee = PreviousValue(f, code)
            buffer.pointee.codes.unsafelyUnwrapped[row] = code
            return true
        case .float:
            // A required column has no null flags (`ColumnBuffer`): its null drops the row.
            let doubles = buffer.pointee.doubles.unsafelyUnwrapped, nulls = buffer.pointee.nulls
            if f.isEmpty || FieldParsers.isNullWord(f) {
                guard let nulls else { return false }
                doubles[row] = 0; nulls[row] = true; buffer.pointee.nullCount += 1
                return true
            }
            guard let value = FieldParsers.double(f) else { return false }
            doubles[row] = value; nulls?[row] = false
            return true
        case .skip:
            return true
        default:
            let ints = buffer.pointee.int64s.unsafelyUnwrapped, nulls = buffer.pointee.nulls
            if f.isEmpty || FieldParsers.isNullWord(f) {
                guard let nulls else { return false }
                ints[row] = 0; nulls[row] = true; buffer.pointee.nullCount += 1
                return true
            }
            let parsed = tag == .isoTime ? Self.timestamp(f, monthStarts: monthStarts) : Self.otherInteger(f, tag: tag, pattern: pattern)
            guard let parsed else { return false }
            ints[row] = parsed; nulls?[row] = false
            return true
        }
    }

    /// Integer-like kinds other than ISO times: rarer, so kept out of line to keep the parser loop small
    /// enough for the compiler to inline `store` into it.
    @inline(never)
    private static func otherInteger(_ f: UnsafeRawBufferPointer, tag: FieldTag, pattern: UnsafePointer<[UInt8]>) -> Int64? {
        switch tag {
        case .int:
            // `007` is text identity, as the sniffer would have judged had it seen it: not the number 7.
            FieldParsers.int64(f).flatMap { value in
                let start = f[0] == UInt8(ascii: "-") || f[0] == UInt8(ascii: "+") ? 1 : 0
                return f.count - start > 1 && f[start] == UInt8(ascii: "0") ? nil : value
            }
        case .epochSeconds: FieldParsers.int64(f)
        case .compactDate: FieldParsers.compactDate(f)
        case .pattern: FieldParsers.patterned(f, pattern: pattern.pointee)
        // Floor, not truncation: -1500 ms is 1969-12-31 23:59:58, like every other time before 1970.
        case .epochMilliseconds: FieldParsers.int64(f).map { $0 >= 0 ? $0 / 1000 : ($0 - 999) / 1000 }
        default: nil
        }
    }

    /// An ISO time: the common full form on the fast path, anything else through the general parser.
    /// Out of line, like the other parsers: inlined, it would tip the parser loop over the compiler's size
    /// limit and `store` would become a call per field instead of one per time field.
    @inline(never)
    private static func timestamp(_ f: UnsafeRawBufferPointer, monthStarts: UnsafePointer<Int32>) -> Int64? {
        FieldParsers.fullTimestamp(f, monthStarts: monthStarts) ?? generalTimestamp(f)
    }

    @inline(never)
    private static func generalTimestamp(_ f: UnsafeRawBufferPointer) -> Int64? {
        FieldParsers.isoTimestamp(f)?.seconds
    }

    /// A customer id under `ids=integer`: out of line, so that the option costs the usual `store` (inlined
    /// into the parser loop) nothing in size or speed.
    @inline(never)
    private static func stageIntegerCustomer(_ f: UnsafeRawBufferPointer, row: Int, previous: UnsafeMutablePointer<PreviousValue>?,
                                             pending: PendingCustomerIDs, stagedID: UnsafeMutablePointer<PendingCustomerIDs.Entry>,
                                             skipEmptyCustomer: inout Bool) -> Bool {
        if f.isEmpty { skipEmptyCustomer = true; return true }
        if f.count > Self.maxInternedLength { return false }
        // The cache keeps the id as written (`17850.0`): the same text gets the same code.
        pending.stage(FieldParsers.wholeNumberPrefix(f), text: f, row: row, previous: previous, into: stagedID)
        return true
    }

    @inline(__always)
    private func intern(_ f: UnsafeRawBufferPointer, local: inout StringDictionary, global: StringDictionary) -> Int32 {
        Self.intern(f, hash: StringDictionary.hash(f), ownsDictionaries: ownsDictionaries, local: &local, global: global)
    }

    /// The code of `f` (hash `hash`): chunk 0 interns into its copy of the global dictionary; the others
    /// look the global one up and intern misses locally, as negative codes resolved at merge.
    @inline(__always)
    static func intern(_ f: UnsafeRawBufferPointer, hash: UInt64, ownsDictionaries: Bool, local: inout StringDictionary,
                       global: StringDictionary) -> Int32 {
        if ownsDictionaries { return local.intern(f, hash: hash) }
        // A first load's global dictionary is empty: no probe (a call per row, 2.5 % of the load).
        if global.count > 0, let code = global.code(of: f, hash: hash) { return code }
        return -2 - local.intern(f, hash: hash)
    }
}

/// `FieldKind` without payloads, for the parser's per-field switch.
enum FieldTag: UInt8 {
    case customer, string, int, float, isoTime, compactDate, pattern, epochSeconds, epochMilliseconds, skip
    /// A customer id under `ids=integer` (never made from a `FieldKind`: set from the plan).
    case integerCustomer

    init(_ kind: FieldKind) {
        switch kind {
        case .customer: self = .customer
        case .string: self = .string
        case .int: self = .int
        case .float: self = .float
        case .isoTime: self = .isoTime
        case .compactDate: self = .compactDate
        case .pattern: self = .pattern
        case .epochSeconds: self = .epochSeconds
        case .epochMilliseconds: self = .epochMilliseconds
        case .skip: self = .skip
        }
    }
}

/// The previous row's text (in place in the mapped file) and its code, for one column.
struct PreviousValue {
    var start: UnsafeRawPointer?
    var count = -1
    var code: Int32 = 0

    init() {}

    init(_ bytes: UnsafeRawBufferPointer, _ code: Int32) {
        start = bytes.baseAddress
        count = bytes.count
        self.code = code
    }

    @inline(__always)
    func code(ifSameAs f: UnsafeRawBufferPointer) -> Int32? {
        guard f.count == count, let start, let other = f.baseAddress else { return nil }
        var i = 0
        while i + 8 <= count {
            if start.loadUnaligned(fromByteOffset: i, as: UInt64.self) != other.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return nil }
            i += 8
        }
        while i < count {
            if start.load(fromByteOffset: i, as: UInt8.self) != other.load(fromByteOffset: i, as: UInt8.self) { return nil }
            i += 1
        }
        return code
    }
}
