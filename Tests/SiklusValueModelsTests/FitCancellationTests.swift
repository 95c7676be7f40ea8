import Foundation
import SiklusLanguage
import SiklusTestSupport
import XCTest
@testable import SiklusEngine
@testable import SiklusValueModels

/// Ctrl-C during a fit (issue 14): the Nelder–Mead loop polls its cancellation closure every iteration, and
/// the session reports a cancelled fit as `query cancelled`, leaving its tables and variables as they were.
final class FitCancellationTests: XCTestCase {
    /// 40 customers with 1 to 4 purchase days in January 2023, as_of its last day; `polls` counts (and
    /// answers) the session's Ctrl-C checks from the first statement on, as the shell sets it at start.
    private func session(polls: PollCounter) throws -> Session {
        let files = TestFiles()
        addTeardownBlock { _ = files }
        var rows = ["customer,ts,event,amount"]
        for c in 0..<40 {
            for k in 0...(c % 4) { rows.append("c\(c),2023-01-\(String(format: "%02d", 1 + (c + 7 * k) % 28)) 10:00:00,purchase,\(5 + c % 7 + k)") }
        }
        let session = Session()
        session.isCancelled = { polls.poll() }
        _ = try session.texts("""
            load events "\(files.write("e.csv", rows.joined(separator: "\n")))"
            set as_of = 2023-01-31
            """)
        return session
    }

    func testTheSimplexStopsAtTheIterationTheFlagIsRaised() {
        let polls = PollCounter(raiseAfter: 3)
        let outcome = NelderMead(isCancelled: { polls.poll() }).minimize({ $0.reduce(0) { $0 + ($1 - 1) * ($1 - 1) } }, from: [5, -5])
        XCTAssertTrue(outcome.cancelled)
        XCTAssertFalse(outcome.converged)
        XCTAssertEqual(outcome.iterations, 3, "the fourth poll raises the flag before the fourth iteration")
        XCTAssertFalse(NelderMead().minimize({ $0.reduce(0) { $0 + ($1 - 1) * ($1 - 1) } }, from: [5, -5]).cancelled)
    }

    func testBothFitsThrowACancellationWhenTheFlagIsSet() {
        let summary = PurchaseSummary(frequency: [2, 0, 1, 3], recency: [30, 0, 10, 25], age: [31, 16, 28, 40], monetary: [16, 0, 9, 12])
        XCTAssertThrowsError(try BetaGeometricNBD.fit(summary, isCancelled: { true })) {
            XCTAssertEqual($0 as? ModelFitError, .cancelled(model: "bgnbd"))
        }
        XCTAssertThrowsError(try GammaGammaSpend.fit(summary, isCancelled: { true })) {
            XCTAssertEqual($0 as? ModelFitError, .cancelled(model: "gamma_gamma"))
        }
    }

    /// The flag is raised only once the fit runs: `rfm` reads the same summary without a fit, so its polls
    /// count what comes before the fit; one poll more and `clv params` is inside the optimiser.
    func testASessionReportsACancelledFitAndKeepsItsState() throws {
        let polls = PollCounter(raiseAfter: .max)
        let session = try session(polls: polls)
        polls.reset(raiseAfter: .max)
        let rfm = try session.query("events | rfm period day")
        let beforeFit = polls.count
        polls.reset(raiseAfter: beforeFit)
        XCTAssertEqual(session.failure("events | clv params period day")?.message, "query cancelled")
        XCTAssertGreaterThan(polls.count, beforeFit, "the fit polled the flag")
        polls.reset(raiseAfter: .max)
        XCTAssertEqual(try session.query("events | rfm period day").texts("segment"), rfm.texts("segment"))
        XCTAssertEqual(try session.query("events | clv params period day").texts("parameter").count, 11, "the next statement fits as usual")
    }

    /// `explain … | clv` fits the model for its worked customer: Ctrl-C there ends that fit and says so
    /// (the explanation is printed without the numbers) instead of calling the model unfittable.
    func testExplainSaysItsFitWasCancelled() throws {
        let polls = PollCounter(raiseAfter: .max)
        let session = try session(polls: polls)
        polls.reset(raiseAfter: .max)
        let whole = try session.texts("explain events | clv params period day")
        XCTAssertTrue(whole.contains("p_alive = "), whole)
        // The fit is the explanation's last long loop: a few polls before the end are inside it.
        polls.reset(raiseAfter: polls.count - 5)
        let cancelled = try session.texts("explain events | clv params period day")
        XCTAssertTrue(cancelled.contains("(the fit was cancelled)"), cancelled)
        XCTAssertFalse(cancelled.contains("cannot be fitted"), cancelled)
    }
}

/// A cancellation closure's state: true from the poll after `raiseAfter` polls on.
private final class PollCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var polls = 0, limit: Int
    init(raiseAfter limit: Int) { self.limit = limit }
    var count: Int { lock.withLock { polls } }
    func reset(raiseAfter limit: Int) { lock.withLock { polls = 0; self.limit = limit } }
    func poll() -> Bool { lock.withLock { polls += 1; return polls > limit } }
}

/// `Session.isCancelled` set after a query has run (the context is cached by then) is the one polled.
final class SessionCancellationTests: XCTestCase {
    func testAClosureSetAfterTheFirstQueryIsPolled() throws {
        let files = TestFiles()
        let rows = ["customer,ts,event,amount"] + (0..<20).map { "c\($0 % 5),2023-01-\(10 + $0) 10:00:00,purchase,\(5 + $0)" }
        let session = Session()
        _ = try session.texts("load events \"\(files.write("e.csv", rows.joined(separator: "\n")))\"")
        XCTAssertEqual(try session.query("events | rfm").rowCount, 5)
        let polls = PollCounter(raiseAfter: 0)
        session.isCancelled = { polls.poll() }
        XCTAssertEqual(session.failure("events | rfm")?.message, "query cancelled")
        XCTAssertGreaterThan(polls.count, 0)
        session.isCancelled = { false }
        XCTAssertEqual(try session.query("events | rfm").rowCount, 5)
    }
}
