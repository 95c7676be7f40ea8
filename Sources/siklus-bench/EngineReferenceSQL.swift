import SiklusSQL

/// Hand-written SQL for the bench's canonical questions on each engine: the DuckDB reference questions
/// of scripts/lib/bench_duckdb.py ported to PostgreSQL and Spark SQL, over the tables Siklus writes when
/// it loads the bench's files while connected (`events`: customer_id, ts, event, amount, channel;
/// `customers`: customer_id, signup_date, …). The compiled SQL of each question is timed against these
/// (target: at most 2×).
enum EngineReferenceSQL {
    static let awareness = "('ad_impression','impression','ad_click','visit','page_view','session_start')"
    static let education = "('article_view','video_view','demo','webinar','newsletter_signup')"
    static let consideration = "('product_view','add_to_cart','wishlist','compare','trial_start')"
    static let engagement = "('email_open','login','app_open')"
    static let advocacy = "('review','referral','social_like','share','testimonial')"
    static let churn = "('cancel','unsubscribe')"

    /// The reference SQL for `query` (one of scripts/bench's canonical queries) on `dialect`, or nil.
    static func sql(for query: String, _ dialect: SQLDialect) -> String? {
        let month = { (e: String) in "(year(\(e)) * 12 + month(\(e)))" }
        let postgresMonth = { (e: String) in "(extract(year FROM \(e)) * 12 + extract(month FROM \(e)))" }
        let monthIndex = dialect == .postgres ? postgresMonth : month
        let days30 = dialect == .postgres ? "INTERVAL '30 days'" : "INTERVAL 30 DAYS"
        switch query {
        case "cohort by first_purchase period month | retention":
            // Kind 2, each cohort's customers per age (whole months from the first purchase to as_of, the end
            // of the latest event's day), is what tells a cell nobody reached yet from one where nobody came
            // back: the retention table needs it, so the reference computes it too.
            let endOfDay = dialect == .postgres ? "INTERVAL '86399 seconds'" : "INTERVAL 86399 SECONDS"
            return """
            WITH p AS (SELECT customer_id, ts FROM events WHERE event = 'purchase'),
            f AS (SELECT customer_id, min(ts) AS first FROM p GROUP BY customer_id),
            a AS (SELECT DISTINCT p.customer_id, date_trunc('month', f.first) AS cohort,
                         \(monthIndex("p.ts")) - \(monthIndex("f.first")) AS k
                  FROM p JOIN f ON f.customer_id = p.customer_id),
            asof AS (SELECT date_trunc('day', max(ts)) + \(endOfDay) AS t FROM events)
            SELECT 3 AS kind, cohort, k, count(*) FROM a GROUP BY cohort, k
            UNION ALL
            SELECT 2 AS kind, date_trunc('month', f.first) AS cohort, \(monthIndex("asof.t")) - \(monthIndex("f.first")) AS k, count(*)
            FROM f CROSS JOIN asof GROUP BY 2, 3
            ORDER BY 1, 2, 3
            """
        case "cohort signup=2022-09 | stage retention | metric avg_order":
            return """
            WITH p AS (SELECT amount, row_number() OVER (PARTITION BY customer_id ORDER BY ts) AS n
                       FROM events
                       WHERE event = 'purchase' AND customer_id IN
                             (SELECT customer_id FROM customers WHERE signup_date >= DATE '2022-09-01' AND signup_date < DATE '2022-10-01'))
            SELECT sum(amount) / count(*) FROM p WHERE n > 1
            """
        case "cohort by signup period month | funnel awareness -> consideration -> purchase within 30d":
            // Subqueries in CASE are not Spark SQL: levels come from left joins, on both engines.
            return """
            WITH ev AS (SELECT customer_id, ts, event, row_number() OVER (PARTITION BY customer_id ORDER BY ts) AS rn FROM events),
            aw AS (SELECT customer_id, ts, rn FROM ev WHERE event IN \(awareness)),
            co AS (SELECT customer_id, ts, rn FROM ev WHERE event IN \(consideration)),
            fp AS (SELECT customer_id, ts, rn FROM (SELECT customer_id, ts, rn, row_number() OVER (PARTITION BY customer_id ORDER BY rn) AS k
                                                   FROM ev WHERE event = 'purchase') x WHERE k = 1),
            s2 AS (SELECT aw.customer_id, aw.ts AS t1, min(co.rn) AS rn2
                   FROM aw JOIN co ON co.customer_id = aw.customer_id AND co.rn > aw.rn AND co.ts <= aw.ts + \(days30)
                   GROUP BY aw.customer_id, aw.ts, aw.rn),
            s3 AS (SELECT DISTINCT s2.customer_id FROM s2 JOIN fp ON fp.customer_id = s2.customer_id AND fp.rn > s2.rn2 AND fp.ts <= s2.t1 + \(days30)),
            s2c AS (SELECT DISTINCT customer_id FROM s2),
            lv AS (SELECT a.customer_id, CASE WHEN s3.customer_id IS NOT NULL THEN 3 WHEN s2c.customer_id IS NOT NULL THEN 2 ELSE 1 END AS level
                   FROM (SELECT DISTINCT customer_id FROM aw) a
                   LEFT JOIN s3 ON s3.customer_id = a.customer_id LEFT JOIN s2c ON s2c.customer_id = a.customer_id)
            SELECT date_trunc('month', c.signup_date) AS cohort, count(*) AS step1,
                   sum(CASE WHEN level >= 2 THEN 1 ELSE 0 END) AS step2, sum(CASE WHEN level >= 3 THEN 1 ELSE 0 END) AS step3
            FROM lv JOIN customers c ON c.customer_id = lv.customer_id GROUP BY 1 ORDER BY 1
            """
        case "events | by stage | metric events, customers":
            return """
            WITH ev AS (SELECT customer_id, event,
                               CASE WHEN event = 'purchase' THEN row_number() OVER (PARTITION BY customer_id, event = 'purchase' ORDER BY ts) END AS pn
                        FROM events),
            st AS (SELECT customer_id, CASE
                     WHEN event = 'purchase' AND pn = 1 THEN 'purchase'
                     WHEN event = 'purchase' OR event IN \(engagement) THEN 'retention'
                     WHEN event IN \(awareness) THEN 'awareness'
                     WHEN event IN \(education) THEN 'education'
                     WHEN event IN \(consideration) THEN 'consideration'
                     WHEN event IN \(advocacy) THEN 'advocacy'
                     WHEN event IN \(churn) THEN 'churn'
                     ELSE '(other)' END AS stage FROM ev)
            SELECT stage, count(*), count(DISTINCT customer_id) FROM st GROUP BY stage ORDER BY stage
            """
        default:
            return nil
        }
    }
}
