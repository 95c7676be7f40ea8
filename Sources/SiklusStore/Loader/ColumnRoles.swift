/// Finds which header plays which role, by name (case-insensitive, ignoring `_`, spaces and
/// punctuation) with common synonyms, in priority order.
enum ColumnRoles {
    /// Synonyms per role for each table, most specific first (normalized: lowercase letters and digits).
    /// With a quantity column (`lineItems`), a bare `price` is the unit price, not the amount.
    static func synonyms(for table: TableKind, lineItems: Bool = false) -> [(ColumnRole, [String])] {
        let customer = ["customerid", "userid", "clientid", "customer", "user", "client", "uid", "customerno"]
        switch table {
        case .events:
            return [
                (.customer, customer),
                (.ts, ["ts", "timestamp", "time", "eventtime", "invoicedate", "orderdate", "datetime", "eventtimestamp",
                       "eventdate", "occurredat", "createdat", "date"]),
                (.event, ["event", "eventname", "action", "type", "eventtype"]),
                (.amount, ["amount", "revenue"] + (lineItems ? [] : ["price"])
                    + ["value", "dollarvalue", "total", "totalprice", "sales", "ordervalue"]),
                (.channel, ["channel", "source", "utmsource", "medium", "acquisitionchannel"]),
                (.order, ["orderid", "order", "orderno", "invoiceno", "invoice", "invoiceid", "transactionid", "receiptid"]),
                (.quantity, ["quantity", "qty"]),
                (.unit_price, ["unitprice"] + (lineItems ? ["price"] : [])),
            ]
        case .customers:
            return [
                (.customer, customer),
                (.signup, ["signup", "signupdate", "signedup", "signupat", "createdat", "registeredat", "registrationdate",
                           "joindate", "joined", "firstseen", "date"]),
                (.channel, ["channel", "acquisitionchannel", "source", "utmsource", "medium"]),
                (.country, ["country", "countrycode", "nation", "market"]),
            ]
        case .spend:
            return [
                (.date, ["date", "day", "ts", "timestamp", "spenddate"]),
                (.channel, ["channel", "source", "utmsource", "medium"]),
                (.spend, ["spend", "cost", "amount", "budget", "adspend"]),
                (.impressions, ["impressions", "imps", "impr", "views"]),
                (.clicks, ["clicks", "click"]),
                (.opens, ["opens", "emailopens", "opened"]),
                (.delivered, ["delivered", "emailsdelivered", "deliveries"]),
            ]
        }
    }

    /// Roles a table cannot do without.
    static func required(for table: TableKind) -> [ColumnRole] {
        switch table {
        case .events: [.customer, .ts]
        case .customers: [.customer]
        case .spend: [.date, .channel]
        }
    }

    /// Lowercase letters and digits only: `Customer ID` → `customerid`.
    static func normalize(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSetASCII.isAlphanumeric($0) }.map(Character.init))
    }

    /// Header index for each role: explicit mapping first, then synonyms in priority order.
    /// `namesOfTable`: the names are an engine table's columns, not a file's header (said so in errors).
    static func assign(headers: [String], table: TableKind, mapping: [ColumnRole: String], path: String,
                       namesOfTable: Bool = false) throws -> [ColumnRole: Int] {
        let normalized = headers.map(normalize)
        let lineItems = table == .events && (mapping[.quantity] != nil || normalized.contains { $0 == "quantity" || $0 == "qty" })
        var roles: [ColumnRole: Int] = [:]
        var taken = Set<Int>()
        for (role, name) in mapping {
            guard let index = headers.firstIndex(where: { $0 == name }) ?? normalized.firstIndex(of: normalize(name)) else {
                throw LoadError(path: path, line: 1, .noSuchColumn(name: name, role: role),
                                help: namesOfTable ? .tableHas(headers) : .headerHas(headers))
            }
            guard synonyms(for: table, lineItems: lineItems).contains(where: { $0.0 == role }) else {
                let valid = synonyms(for: table).map(\.0)
                throw LoadError(path: path, line: 1, .noRole(table: table, role: role), help: .rolesOf(table: table, roles: valid))
            }
            if let other = roles.first(where: { $0.value == index })?.key {
                let pair = [other, role].sorted { $0.rawValue < $1.rawValue }
                throw LoadError(path: path, line: 1, .twoRoles(column: headers[index], first: pair[0], second: pair[1]),
                                help: .twoRoles)
            }
            roles[role] = index
            taken.insert(index)
        }
        for (role, names) in synonyms(for: table, lineItems: lineItems) where roles[role] == nil {
            for name in names {
                if let index = normalized.indices.first(where: { normalized[$0] == name && !taken.contains($0) }) {
                    roles[role] = index
                    taken.insert(index)
                    break
                }
            }
        }
        // Quantity and unit price make the amount only together and only when there is no amount column;
        // otherwise, unless mapped, they stay ordinary columns (typed as sniffed).
        if table == .events, roles[.amount] != nil || roles[.quantity] == nil || roles[.unit_price] == nil {
            for role in [ColumnRole.quantity, .unit_price] where mapping[role] == nil { roles[role] = nil }
        }
        return roles
    }
}

/// ASCII character classes without Foundation's CharacterSet.
enum CharacterSetASCII {
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || (s >= "A" && s <= "Z")
    }
}
