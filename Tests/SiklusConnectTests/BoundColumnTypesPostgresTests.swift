import Foundation
import SiklusConnect
import SiklusEngine
import SiklusSQL
import SiklusTestSupport
import XCTest

/// Bound PostgreSQL tables whose columns are not text: a boolean column filters and groups as the same
/// data loaded from a file does in memory (`true` / `false`), and names with dots inside quotes
/// (`sales."my.orders"`, a column `"vip.flag"`) reach the engine whole.
extension RemoteRunPostgresTests {
    func testBooleanColumnsCompareAsBooleans() throws {
        let dir = TestFiles()
        let people = "customer_id,signup,vip\na,2024-01-01,true\nb,2024-01-02,false\nc,2024-01-03,\nd,2024-01-04,true\n"
        let events = "customer_id,ts,event,amount,returned\na,2024-01-05 10:00:00,purchase,10,false\nb,2024-01-06 10:00:00,purchase,20,true\n"
            + "c,2024-01-07 10:00:00,purchase,30,\nd,2024-01-08 10:00:00,visit,,false\na,2024-02-01 10:00:00,purchase,5,true\n"
        let local = Session()
        try run("load customers \"\(dir.write("people.csv", people))\"\nload events \"\(dir.write("events.csv", events))\"", in: local)
        let setup = try connect()
        try setup.execute("DROP SCHEMA IF EXISTS flags CASCADE")
        try setup.execute("CREATE SCHEMA flags")
        try setup.execute("CREATE TABLE flags.\"my.people\" (customer_id text, signup timestamp, vip boolean)")
        try setup.execute("INSERT INTO flags.\"my.people\" VALUES ('a','2024-01-01',true), ('b','2024-01-02',false), ('c','2024-01-03',NULL), ('d','2024-01-04',true)")
        try setup.execute("CREATE TABLE flags.events (customer_id text, ts timestamp, event text, amount float8, returned boolean)")
        try setup.execute("INSERT INTO flags.events VALUES ('a','2024-01-05 10:00:00','purchase',10,false), ('b','2024-01-06 10:00:00','purchase',20,true), "
                          + "('c','2024-01-07 10:00:00','purchase',30,NULL), ('d','2024-01-08 10:00:00','visit',NULL,false), ('a','2024-02-01 10:00:00','purchase',5,true)")
        let remote = try connectedSession("load customers table \"flags.\\\"my.people\\\"\"\nload events table \"flags.events\"")
        defer { remote.disconnect() }
        for pipeline in ["cohort vip = true | metric customers, revenue",
                         "cohort vip = false | metric customers, revenue",
                         "cohort vip != true | metric customers",
                         "cohort vip in (true, false) | metric customers",
                         "cohort vip = yes | metric customers",
                         "cohort | where not (vip = true) | metric customers",
                         "cohort by vip | metric customers, revenue",
                         "events | where returned = true | metric orders, revenue",
                         "events | where returned != true | by returned | metric orders",
                         "events | by returned | metric orders, revenue"] {
            assertSameTable(try remote.query(pipeline), try local.query(pipeline), pipeline)
        }
    }
}
