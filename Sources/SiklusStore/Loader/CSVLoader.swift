import CMemoryHints
import Foundation

/// Reads one CSV file into a table of a store: sniff → plan → parse chunks on all cores → merge
/// dictionaries → append to the table → report.
struct CSVLoader {
    let path: String
    let table: TableKind
    let options: LoadOptions
    var mode: LoadMode = .normal

    /// Bad rows beyond this share of the file fail the load instead of being skipped.
    static let maxBadShare = 0.01

    /// Called after planning, before the file is parsed (tests use it to change the file mid-load).
    nonisolated(unsafe) static var beforeParsing: ((String) -> Void)?

    func load(into store: inout Store) throws -> LoadReport {
        let file = try MappedFile(path: path)
        do {
            let report = try load(file, into: &store)
            try file.checkUnchanged()
            return report
        } catch {
            // Whatever went wrong may be the file changing under the reader: say so, rather than a
            // misleading error about the zeros read in place of the missing bytes.
            try file.checkUnchanged()
            throw error
        }
    }

    private func load(_ file: MappedFile, into store: inout Store) throws -> LoadReport {
        let started = DispatchTime.now()
        var timer = PhaseTimer()
        // A gzip file (by its magic bytes, whatever its name) is sniffed from its first decompressed block.
        var gzip: (blocks: GzipBlocks, head: MappedFile?)?
        var text = file, dataBytes = file.count
        if GzipInflater.isGzip(file.bytes) {
            let blocks = try GzipBlocks(compressed: file, blockBytes: options.gzipBlockBytes, delimiter: options.delimiter)
            guard let head = try blocks.next() else {
                throw LoadError(path: path, .emptyGzip, help: .headerRowAndRecords)
            }
            gzip = (blocks, head)
            text = head
            dataBytes = Int(Double(file.count) * blocks.ratio)
        }
        let sniffed = try CSVSniffer(file: text, forcedDelimiter: options.delimiter, hasHeader: options.header, names: options.columnNames).sniff()
        gzip?.blocks.setDelimiter(sniffed.dialect.delimiter)
        timer.mark("sniff")
        var plan = try makePlan(sniffed, existing: store, dataBytes: dataBytes)
        timer.mark("plan")
        // The same file again, unchanged (whatever path names it), or a byte-identical copy of one: its rows
        // are in already. Checked after planning, so that mistakes in the options are still reported.
        let fingerprint = ContentFingerprint(file.bytes)
        if mode == .normal {
            if let earlier = store.loads.last(where: { $0.table == table && $0.source == file.identity }) {
                return .alreadyLoaded(earlier, path: path)
            }
            for earlier in store.loads.reversed() where earlier.table == table {
                guard let other = earlier.fingerprint, other.mayEqual(fingerprint),
                      let verdict = DuplicateCheck.compare(file, fingerprint, with: earlier, other) else { continue }
                return .copy(of: earlier, path: path, verified: verdict)
            }
        }
        Self.beforeParsing?(path)

        var chunks = try parseChunks(file: file, gzip: gzip, plan: plan, store: store)
        gzip?.head = nil
        var passes = 1
        timer.mark("parse chunks")
        var notes: [LoadReport.Note] = []
        // An extra column with values its sampled type cannot hold is text: the file is read again, rather
        // than dropping whole events for a side column the sample misjudged. Once: the parser judges every
        // value of a bad row, so the first pass finds every misjudged column however many there are.
        let fallbacks = textFallbacks(chunks, plan: plan, store: store)
        if !fallbacks.isEmpty {
            for i in chunks.indices { chunks[i].deallocate() }
            for (i, line) in fallbacks {
                notes.append(.columnIsText(column: plan.columns[i].name, line: line, expected: plan.columns[i].kind.expectation))
                (plan.columns[i].kind, plan.columns[i].type) = (.string, .string)
            }
            // A gzip file is decompressed again from the start.
            if gzip != nil { gzip = (try GzipBlocks(compressed: file, blockBytes: options.gzipBlockBytes, delimiter: plan.dialect.delimiter), nil) }
            chunks = try parseChunks(file: file, gzip: gzip, plan: plan, store: store)
            passes += 1
            timer.mark("parse again, with text columns")
        }
        var merged = MergedChunks(chunks: consume chunks, dataLine: plan.dialect.dataLine, customers: store.customerIDs, strings: store.strings)
        defer { merged.deallocate() }
        try checkBadRows(merged)
        // The chunks' own dictionaries are gone: their pages go back before the rows are ordered (the peak).
        siklus_release_free_heap()
        timer.mark("merge dictionaries")

        store.customerIDs = merged.customers
        store.strings = merged.strings
        let summary = TableAppender(table: table, plan: plan, customerCount: store.customerIDs.count)
            .apply(&merged, to: &store, notes: &notes)
        timer.mark("append and index")
        var skipped = merged.skips.map { LoadReport.Skipped(reason: $0.key, count: $0.value.count, firstLines: $0.value.first.map(\.line)) }
        skipped.sort { ($0.firstLines.first ?? 0) < ($1.firstLines.first ?? 0) }
        if merged.emptyCustomer.count > 0 {
            skipped.append(.init(reason: .emptyCustomer, count: merged.emptyCustomer.count, firstLines: merged.emptyCustomer.first.map(\.line)))
        }
        if merged.rows == 0, skipped.isEmpty { notes.append(.headerOnly) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return LoadReport(table: table, path: path, delimiter: plan.dialect.delimiter, rowsLoaded: merged.rows, skipped: skipped,
                          distinctCustomers: summary.distinctCustomers, timeSpan: summary.timeSpan,
                          columns: plan.columns.map { .init(name: $0.name, type: $0.type, role: $0.role) },
                          notes: notes, elapsed: elapsed, source: file.identity, passes: passes, fingerprint: fingerprint)
    }

    // MARK: Planning

    /// `dataBytes`: the file's (decompressed, or estimated) size, to size the customer dictionary.
    private func makePlan(_ sniffed: CSVSniffer.Sniffed, existing store: Store, dataBytes: Int) throws -> LoadPlan {
        let roles = try ColumnRoles.assign(headers: sniffed.header, table: table, mapping: options.mapping, path: path)
        for role in ColumnRoles.required(for: table) where roles[role] == nil {
            let names = Array(ColumnRoles.synonyms(for: table).first { $0.0 == role }?.1.prefix(5) ?? [])
            if !options.header, options.columnNames == nil {
                throw LoadError(path: path, line: 1, .roleWithoutHeader(table: table, role: role, count: sniffed.header.count),
                                help: .nameColumns(role: role))
            }
            if options.header, options.columnNames == nil, ValueFormatHints.looksLikeData(sniffed.header) {
                throw LoadError(path: path, line: 1, .roleInDataHeader(table: table, role: role, header: sniffed.header),
                                help: .firstLineIsData(count: sniffed.header.count))
            }
            throw LoadError(path: path, line: 1, .roleMissing(table: table, role: role, names: names),
                            help: .mapRole(header: sniffed.header, role: role))
        }
        let roleOf = Dictionary(uniqueKeysWithValues: roles.map { ($0.value, $0.key) })
        let formats = sniffed.header.enumerated().map { i, name in format(for: name, role: roleOf[i]) }
        // Each column's sample is judged on its own core; text roles and explicit formats need no judging.
        let inferred = Parallel.map(sniffed.header.count) { i -> (FieldKind, ColumnType) in
            if let format = formats[i] { return ColumnTypeInference.kind(for: format) }
            if let role = roleOf[i], [ColumnRole.customer, .event, .channel, .country, .order].contains(role) { return (.string, .string) }
            return ColumnTypeInference.infer(sniffed.sample[i])
        }
        var columns: [PlannedColumn] = []
        for (i, name) in sniffed.header.enumerated() {
            let role = roleOf[i]
            let format = formats[i]
            var (kind, type) = inferred[i]
            switch role {
            case .customer?:
                (kind, type) = (.customer, .string)
            case .event?, .channel?, .country?, .order?:
                // Order ids stay text even when they look numeric: `C536379` (a cancellation) is not a bad row.
                (kind, type) = (.string, .string)
            case .quantity? where type == .int || type == .float, .unit_price? where type == .int || type == .float:
                // Kept as sniffed (whole quantities stay integers); they are multiplied into the amount.
                break
            case .amount?, .spend?, .impressions?, .clicks?, .quantity?, .unit_price?, .opens?, .delivered?:
                // A few values that are not numbers are bad rows, reported with their lines; mostly non-numbers is the wrong column.
                let values = sniffed.sample[i].filter { !$0.isEmpty && !$0.withUnsafeBytes(FieldParsers.isNullWord) }
                if type != .int && type != .float && values.filter({ $0.withUnsafeBytes(FieldParsers.double) != nil }).count * 2 < values.count {
                    throw LoadError(path: path, line: sniffed.dialect.dataLine, .notNumbers(column: name, role: role!, type: type),
                                    help: ValueFormatHints.number(role: role!, sample: sniffed.sample[i], delimiter: sniffed.dialect.delimiter))
                }
                (kind, type) = (.float, .float)
            case .ts?, .signup?, .date?:
                if format == nil, type != .date, type != .datetime {
                    // No value to judge by (a header-only file, or a first record the sniffer cannot read): expect ISO times.
                    guard sniffed.sample[i].contains(where: { !$0.isEmpty && !$0.withUnsafeBytes(FieldParsers.isNullWord) }) else {
                        (kind, type) = (.isoTime, .datetime)
                        break
                    }
                    // Mostly ISO times: the few others are bad rows, reported with their lines.
                    let times = sniffed.sample[i].filter { $0.withUnsafeBytes(FieldParsers.isoTimestamp) != nil }
                    if times.count * 2 >= sniffed.sample[i].filter({ !$0.isEmpty && !$0.withUnsafeBytes(FieldParsers.isNullWord) }).count {
                        (kind, type) = ColumnTypeInference.infer(times)
                        break
                    }
                    throw timeError(column: name, role: role!, inferred: type, sample: sniffed.sample[i], line: sniffed.dialect.dataLine)
                }
            case nil:
                break
            }
            if let existing = existingType(of: name, in: store), existing != type, role?.isStoredAsExtra ?? true {
                // No values to go by (an empty column, a header-only file): keep the type already loaded.
                if format == nil, !sniffed.sample[i].contains(where: { !$0.isEmpty && !$0.withUnsafeBytes(FieldParsers.isNullWord) }) {
                    (kind, type) = (existing == .int ? .int : existing == .float ? .float : existing == .string ? .string : .isoTime, existing)
                } else if Set([existing, type]) == [.int, .float] {
                    // Whole numbers in one file, decimals in another: both are floats (the table's column is
                    // widened when the rows are added).
                    (kind, type) = (.float, .float)
                } else {
                    throw LoadError(path: path, line: sniffed.dialect.dataLine, .typeClash(column: name, type: type, existing: existing, table: table),
                                    help: .renameColumn)
                }
            }
            columns.append(PlannedColumn(name: name, kind: kind, type: type, role: role,
                                         required: role == .ts || (role == .date && table == .spend)))
        }
        var plan = LoadPlan(dialect: sniffed.dialect, columns: columns, bytesPerRecord: sniffed.bytesPerRecord)
        plan.integerIDs = options.integerIDs
        if let i = roles[.customer], !sniffed.sample[i].isEmpty {
            plan.expectedCustomers = CustomerCountEstimate(sample: sniffed.sample[i], dataBytes: max(0, dataBytes - sniffed.dialect.dataStart),
                                                           bytesPerRecord: sniffed.bytesPerRecord).expected
        }
        return plan
    }

    /// The time format given for a column (`format <column>=…`), by its name or, failing that, its role.
    private func format(for name: String, role: ColumnRole?) -> TimeFormat? {
        options.formats[name] ?? options.formats[name.lowercased()] ?? role.flatMap { options.formats[$0.rawValue] }
    }

    private func timeError(column: String, role: ColumnRole, inferred: ColumnType, sample: [[UInt8]], line: Int) -> LoadError {
        if inferred == .int {
            return LoadError(path: path, line: line, .integerDates(column: column, role: role),
                             help: ValueFormatHints.integerTime(role: role, sample: sample))
        }
        let example = sample.first { !$0.isEmpty && $0.withUnsafeBytes(FieldParsers.isoTimestamp) == nil }.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return LoadError(path: path, line: line, .notISODates(column: column, role: role, example: example),
                         help: ValueFormatHints.time(role: role, sample: sample))
    }

    private func existingType(of name: String, in store: Store) -> ColumnType? {
        let lower = name.lowercased()
        switch table {
        case .events: return store.events.extras.first { $0.name.lowercased() == lower }?.type
        case .customers: return store.customers.column(named: lower)?.type
        case .spend: return store.spend.column(named: lower)?.type
        }
    }

    // MARK: Parsing

    /// Splits the data at line breaks into one chunk per core and parses them concurrently; a core that
    /// finishes early splits off the back half of what is left of another's (`ChunkClaims`).
    ///
    /// A split is assumed to fall outside quotes; the chunk before it proves that by ending outside a
    /// quoted field. If it does not (a quoted field spans the split), the file is parsed again on one thread.
    private func parseChunks(file: MappedFile, gzip: (blocks: GzipBlocks, head: MappedFile?)?, plan: LoadPlan, store: Store) throws -> [ChunkResult] {
        if let gzip {
            return try checkFatal(parseGzip(gzip.blocks, head: gzip.head, plan: plan, store: store), plan: plan)
        }
        let start = plan.dialect.dataStart, end = file.count
        let parts = options.singleThreaded || end - start < options.parallelThreshold ? 1
            : options.rangesInReverseForTesting ? max(2, Parallel.width) : Parallel.width
        var bounds = [start]
        let bytes = file.bytes
        for k in 1..<max(1, parts) {
            var p = max(bounds.last!, start + (end - start) * k / parts)
            while p < end, bytes[p] != UInt8(ascii: "\n") { p += 1 }
            if p + 1 < end { bounds.append(p + 1) }
        }
        bounds.append(end)
        let ranges = (0..<(bounds.count - 1)).map { bounds[$0]..<bounds[$0 + 1] }
        let globals = (store.customerIDs, store.strings)
        // A core whose ranges are done splits off the rest of another's (`ChunkClaims`); chunks go in file order.
        let claims = ranges.count > 1 ? ChunkClaims(bytes: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), ranges: ranges,
                                                    window: options.claimWindow, minimumSteal: options.minimumSplit) : nil
        let parseRanges = { (i: Int) -> [(start: Int, chunk: ChunkResult)] in
            var mine = [(ranges[i].lowerBound, ChunkParser(file: file, range: ranges[i], plan: plan, globalCustomers: globals.0, globalStrings: globals.1,
                                                           ownsDictionaries: i == 0, idsEnd: i == 0 ? end : ranges[i].upperBound,
                                                           claims: claims.map { ($0, i) }).parse())]
            while let claims, let split = claims.steal() {
                mine.append((split.range.lowerBound, ChunkParser(file: file, range: split.range, plan: plan, globalCustomers: globals.0,
                                                                 globalStrings: globals.1, ownsDictionaries: false, idsEnd: split.range.upperBound,
                                                                 claims: (claims, split.index)).parse()))
            }
            return mine
        }
        let parsed = options.rangesInReverseForTesting ? ranges.indices.reversed().map(parseRanges) : Parallel.map(ranges.count, parseRanges)
        var chunks = parsed.joined().sorted { $0.start < $1.start }.map(\.chunk)
        if chunks.count > 1, chunks.dropLast().contains(where: { $0.fatal?.mayBeASplitQuote == true }) {
            for i in chunks.indices { chunks[i].deallocate() }
            chunks = [ChunkParser(file: file, range: start..<end, plan: plan, globalCustomers: globals.0, globalStrings: globals.1,
                                  ownsDictionaries: true, idsEnd: end).parse()]
        }
        return try checkFatal(chunks, plan: plan)
    }

    /// Throws the first chunk's structural error at its file line (freeing every chunk), or returns the chunks.
    private func checkFatal(_ chunks: [ChunkResult], plan: LoadPlan) throws -> [ChunkResult] {
        var chunks = chunks
        var line = plan.dialect.dataLine
        for chunk in chunks {
            if let fatal = chunk.fatal {
                for i in chunks.indices { chunks[i].deallocate() }
                throw LoadError(path: path, line: line + fatal.line, column: fatal.column, fatal.problem,
                                help: fatal.help(String(path.split(separator: "/").last ?? "file.csv")))
            }
            line += chunk.lines
        }
        return chunks
    }

    /// Extra columns (no role, no explicit format) with values their sniffed type cannot hold, each with
    /// the file line of the first such value; left out when the table already has the column with that
    /// type, where the rows stay bad rows.
    private func textFallbacks(_ chunks: [ChunkResult], plan: LoadPlan, store: Store) -> [(column: Int, line: Int)] {
        var found: [Int: Int] = [:]
        var line = plan.dialect.dataLine
        for chunk in chunks {
            for (i, tally) in chunk.badValues where found[i] == nil {
                let column = plan.columns[i]
                guard column.role == nil, column.type != .string, let first = tally.first.first,
                      format(for: column.name, role: nil) == nil, existingType(of: column.name, in: store) == nil else { continue }
                found[i] = line + first.line
            }
            line += chunk.lines
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func checkBadRows(_ merged: MergedChunks) throws {
        let bad = merged.skips.values.reduce(0) { $0 + $1.count }
        let total = merged.rows + bad + merged.emptyCustomer.count
        guard bad > 0, Double(bad) > Self.maxBadShare * Double(total) else { return }
        let first = merged.skips.min { ($0.value.first.first?.line ?? 0) < ($1.value.first.first?.line ?? 0) }!
        let at = first.value.first.first!
        throw LoadError(path: path, line: at.line, column: at.column, .badRows(first.key),
                        help: .badRows(bad: bad, total: total, percent: Int(Self.maxBadShare * 100)))
    }
}
