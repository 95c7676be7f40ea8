import XCTest
@testable import SiklusStore

/// Which header plays which role: synonyms, case, priority, explicit mapping, transaction logs.
final class ColumnRoleTests: XCTestCase {
    private func roles(_ header: [String], _ table: TableKind = .events, row: [String]? = nil,
                       options: LoadOptions = LoadOptions(), file: StaticString = #filePath, line: UInt = #line) -> [String: ColumnRole] {
        let values = row ?? header.map { _ in "1" }
        do {
            let (_, report) = try loadFresh(table, header.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n", options: options)
            var roles: [String: ColumnRole] = [:]
            for column in report.columns { if let role = column.role { roles[column.name] = role } }
            return roles
        } catch {
            XCTFail("\(header): \(error)", file: file, line: line)
            return [:]
        }
    }

    func testEventSynonyms() {
        let customers = ["customer_id", "user_id", "CustomerID", "client_id", "customer", "Customer ID", "USER", "uid"]
        let times = ["ts", "timestamp", "time", "date", "event_time", "InvoiceDate", "order_date", "Event Timestamp", "created_at"]
        let events = ["event", "event_name", "action", "type", "EventType"]
        let amounts = ["amount", "revenue", "price", "value", "dollar_value", "total", "TotalPrice", "Sales"]
        let count = max(customers.count, times.count, events.count, amounts.count)
        for i in 0..<count {
            let header = [customers[i % customers.count], times[i % times.count], events[i % events.count], amounts[i % amounts.count]]
            let found = roles(header, row: ["u1", "2022-09-14", "visit", "9.5"])
            XCTAssertEqual(found, [header[0]: .customer, header[1]: .ts, header[2]: .event, header[3]: .amount], "\(header)")
        }
    }

    func testRolesAreCaseInsensitive() {
        let found = roles(["CUSTOMER_ID", "Ts", "EVENT", "Amount", "CHANNEL"], row: ["u1", "2022-09-14", "visit", "1", "search"])
        XCTAssertEqual(found, ["CUSTOMER_ID": .customer, "Ts": .ts, "EVENT": .event, "Amount": .amount, "CHANNEL": .channel])
    }

    func testMoreSpecificSynonymsWin() {
        let found = roles(["date", "user", "customer_id", "timestamp", "type", "event", "value", "amount"],
                          row: ["2022-09-14", "x", "u1", "2022-09-14 10:00:00", "t", "visit", "2", "3"])
        XCTAssertEqual(found, ["customer_id": .customer, "timestamp": .ts, "event": .event, "amount": .amount])
    }

    func testCustomerAndSpendRoles() {
        XCTAssertEqual(roles(["customer_id", "signup_date", "channel", "country", "plan"], .customers, row: ["u1", "2022-01-01", "search", "ID", "pro"]),
                       ["customer_id": .customer, "signup_date": .signup, "channel": .channel, "country": .country])
        XCTAssertEqual(roles(["date", "channel", "spend", "impressions", "clicks", "campaign"], .spend, row: ["2022-01-01", "search", "1.5", "10", "2", "c1"]),
                       ["date": .date, "channel": .channel, "spend": .spend, "impressions": .impressions, "clicks": .clicks])
        XCTAssertEqual(roles(["Day", "Source", "Cost"], .spend, row: ["2022-01-01", "search", "1.5"]), ["Day": .date, "Source": .channel, "Cost": .spend])
    }

    func testMappingOverridesDetection() {
        let header = ["customer_id", "Buyer", "When", "event"]
        forEachPath { path in
            let options = path.options(LoadOptions(mapping: [.customer: "Buyer", .ts: "When"]))
            let (store, report) = try loadFresh(.events, header.joined(separator: ",") + "\nx1,b1,2022-09-14,visit\nx2,b1,2022-09-15,visit\n", options: options)
            XCTAssertEqual(report.columns.map(\.role), [nil, .customer, .ts, .event], "[\(path)]")
            XCTAssertEqual(store.customerIDs.strings, ["b1"], "[\(path)]")
            XCTAssertEqual(store.eventExtraText("customer_id"), ["x1", "x2"], "[\(path)] the displaced column is kept as an extra")
        }
        // The mapping matches names loosely, as detection does.
        XCTAssertEqual(roles(["Buyer Name", "ts"], row: ["b1", "2022-09-14"], options: LoadOptions(mapping: [.customer: "buyer_name"])), ["Buyer Name": .customer, "ts": .ts])
    }

    func testMappingToAMissingColumnNamesTheHeader() {
        let error = loadError { _ = try loadFresh(.events, "customer_id,ts,event\nu1,2022-09-14,visit\n", options: LoadOptions(mapping: [.customer: "Buyer"])) }
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.message, "no column named \"Buyer\" for role customer")
        XCTAssertEqual(error?.hint, "the header has: customer_id, ts, event")
    }

    func testMappingTwoRolesToOneColumn() {
        let error = loadError { _ = try loadFresh(.events, "Buyer,ts\nb1,2022-09-14\n", options: LoadOptions(mapping: [.customer: "Buyer", .event: "Buyer"])) }
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.message, "column Buyer is mapped to two roles, customer and event")
        XCTAssertEqual(error?.hint, "map each role to a column of its own")
    }

    func testMappingARoleTheTableDoesNotHave() {
        let error = loadError { _ = try loadFresh(.events, "customer_id,ts,cost\nu1,2022-09-14,1\n", options: LoadOptions(mapping: [.spend: "cost"])) }
        XCTAssertEqual(error?.message, "events has no role spend")
        XCTAssertEqual(error?.hint, "roles of events: customer, ts, event, amount, channel, order, quantity, unit_price")
    }

    func testMissingRequiredRolesAreErrors() {
        let noTime = loadError { _ = try loadFresh(.events, "customer_id,event\nu1,visit\n") }
        XCTAssertEqual(noTime?.message.hasPrefix("events need a ts column"), true, noTime?.message ?? "")
        XCTAssertEqual(noTime?.hint, "the header has: customer_id, event; name the column with: map ts=ColumnName")
        let noChannel = loadError { _ = try loadFresh(.spend, "date,spend\n2022-01-01,1\n") }
        XCTAssertEqual(noChannel?.message.hasPrefix("spend need a channel column"), true, noChannel?.message ?? "")
        let noCustomer = loadError { _ = try loadFresh(.customers, "id,channel\n1,search\n") }
        XCTAssertEqual(noCustomer?.hint, "the header has: id, channel; name the column with: map customer=ColumnName")
    }

    /// Quantity and unit price are multiplied into the amount, so they must hold numbers like the amount
    /// (a `where` that bound only the second pattern of a `case` once let a text quantity through).
    func testQuantityAndUnitPriceMustHoldNumbers() {
        for (header, role) in [("Quantity,UnitPrice", "quantity"), ("UnitPrice,Quantity", "unit_price")] {
            let error = loadError { _ = try loadFresh(.events, "customer_id,ts,\(header)\nu1,2022-09-14,many,2\nu2,2022-09-14,few,3\n") }
            let column = header.split(separator: ",")[0]
            XCTAssertEqual(error?.message, "column \(column) (\(role)) should hold numbers, but holds string values", header)
        }
    }

    func testAmountColumnMustHoldNumbers() throws {
        let error = loadError { _ = try loadFresh(.events, "customer_id,ts,amount\nu1,2022-09-14,$12\nu2,2022-09-14,$3\n") }
        XCTAssertEqual(error?.message, "column amount (amount) should hold numbers, but holds string values")
        XCTAssertEqual(error?.hint, "map amount to a numeric column, e.g. map amount=OtherColumn")
        // Only missing values, or a few bad values among numbers, are still an amount column.
        let (store, report) = try loadFresh(.events, "customer_id,ts,amount\nu1,2022-09-14,NA\nu2,2022-09-14,\n")
        XCTAssertEqual(report.columns[2].type, .float)
        XCTAssertEqual(store.events.amountNulls, [true, true])
        let few = loadError { _ = try loadFresh(.events, "customer_id,ts,amount\nu1,2022-09-14,1\nu2,2022-09-14,$3\nu3,2022-09-14,2\n") }
        XCTAssertEqual(few?.message, "amount: expected a number")
        XCTAssertEqual(few?.line, 3)
        XCTAssertEqual(few?.column, 15)
    }

    func testTransactionLogWithoutEventColumnIsAllPurchases() {
        let text = """
        InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,6,12/1/2010 8:26,2.55,17850,United Kingdom
        536365,71053,6,12/1/2010 8:26,3.39,17850,United Kingdom
        536366,22633,6,12/1/2010 8:28,1.85,17850.0,United Kingdom
        536367,84879,32,12/1/2010 8:34,1.69,13047,United Kingdom
        C536379,D,-1,12/1/2010 9:41,27.5,14527,United Kingdom
        536380,22961,24,1/12/2011 10:05,0.85,,France

        """
        let error = loadError { _ = try loadFresh(.events, text) }
        XCTAssertEqual(error?.message, "column InvoiceDate (ts) has values like \"12/1/2010 8:26\" that are not ISO dates")
        forEachPath { path in
            let options = path.options(LoadOptions(formats: ["ts": .pattern("%m/%d/%Y %H:%M")]))
            let (store, report) = try loadFresh(.events, text, options: options)
            XCTAssertEqual(report.rowsLoaded, 5, "[\(path)]")
            XCTAssertEqual(report.skipped, [.init(reason: .emptyCustomer, count: 1, firstLines: [7])], "[\(path)]")
            // Line items (issue 11): InvoiceNo groups rows into orders, C536379 is a cancellation, amount = Quantity × UnitPrice.
            XCTAssertEqual(report.notes.map(\.description), ["no amount column: amount = Quantity × UnitPrice",
                                          "no event column: this is a transaction log, so every row is a purchase",
                                          "orders: purchase rows with the same customer and InvoiceNo are one order (line items): "
                                            + "3 orders and 1 return (ids C + digits, or all rows negative; netted out of revenue)"], "[\(path)]")
            XCTAssertEqual(report.columns.map(\.type), [.string, .string, .int, .datetime, .float, .string, .string], "[\(path)]")
            XCTAssertEqual(report.columns.map(\.role), [.order, nil, .quantity, .ts, .unit_price, .customer, nil], "[\(path)]")
            XCTAssertEqual(Set(store.eventNames), ["purchase"], "[\(path)]")
            XCTAssertEqual(store.eventCustomerIDs, ["17850", "17850", "17850.0", "13047", "14527"], "[\(path)]")
            XCTAssertEqual(store.eventTimes, ["2010-12-01 08:26:00", "2010-12-01 08:26:00", "2010-12-01 08:28:00", "2010-12-01 08:34:00", "2010-12-01 09:41:00"], "[\(path)]")
            XCTAssertEqual(store.eventExtraText("StockCode"), ["85123A", "71053", "22633", "84879", "D"], "[\(path)]")
            XCTAssertEqual(store.events.extra("UnitPrice")?.doubleValues, [2.55, 3.39, 1.85, 1.69, 27.5], "[\(path)]")
            XCTAssertEqual(store.events.amountNulls, [false, false, false, false, false], "[\(path)]")
            XCTAssertEqual(store.events.amount, [6 * 2.55, 6 * 3.39, 6 * 1.85, 32 * 1.69, -27.5], "[\(path)] amount = Quantity × UnitPrice")
            XCTAssertEqual(store.eventExtraText("InvoiceNo"), ["536365", "536365", "536366", "536367", "C536379"], "[\(path)] order ids stay text")
            XCTAssertEqual(report.timeSpan, utc(2010, 12, 1, 8, 26)...utc(2010, 12, 1, 9, 41), "[\(path)]")
        }
    }

    func testTransactionLogWithMappedAmount() throws {
        let text = "CustomerID,InvoiceDate,UnitPrice\n17850,2010-12-01 08:26:00,2.55\n"
        let (store, report) = try loadFresh(.events, text, options: LoadOptions(mapping: [.amount: "UnitPrice"]))
        XCTAssertEqual(report.columns.map(\.role), [.customer, .ts, .amount])
        XCTAssertEqual(store.events.amount, [2.55])
        XCTAssertTrue(store.events.hasAmount(0))
        XCTAssertEqual(store.eventNames, ["purchase"])
    }
}
