import XCTest
@testable import SiklusLanguage

/// A funnel's `by` and `attribution` options (issue 13 §3): parsed in any order with the other options,
/// printed back as written.
final class FunnelSplitParserTests: XCTestCase {
    func testByAndAttributionParseAmongTheOtherOptions() throws {
        let cases: [(String, [String], FunnelAttribution?)] = [
            ("funnel a -> b by week", ["week"], nil),
            ("funnel a -> b within 7d by events.channel attribution last", ["events.channel"], .last),
            ("funnel a -> b attribution step 2 by platform, country strict", ["platform", "country"], .step(2)),
            ("funnel a -> b by platform attribution first quantiles", ["platform"], .first),
        ]
        for (text, names, attribution) in cases {
            let (step, parsed) = try XCTUnwrap(parseStep(text), text)
            guard case .funnel(let funnel) = step else { return XCTFail(text) }
            XCTAssertEqual(funnel.groupBy.map(\.text), names, text)
            XCTAssertEqual(funnel.attribution?.value, attribution, text)
            if let attribution = funnel.attribution { XCTAssertEqual(parsed.text(attribution.span), "attribution " + attribution.value.text, text) }
            // The printed step parses back to the same options.
            let (again, _) = try XCTUnwrap(parseStep(funnel.text), funnel.text)
            guard case .funnel(let reparsed) = again else { return XCTFail(funnel.text) }
            XCTAssertEqual(reparsed.groupBy.map(\.text), names, funnel.text)
            XCTAssertEqual(reparsed.attribution?.value, attribution, funnel.text)
        }
    }
}
