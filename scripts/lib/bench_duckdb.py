"""DuckDB side of scripts/bench: the same questions as Siklus's canonical queries, in SQL.

Prints one `kind<TAB>index<TAB>seconds` line per measurement: `load 0` (one events load, which the warm queries
then use; scripts/bench times the loads with --load-once, each right after one of its own), `warm i` (query i, in the order scripts/bench lists them, best of N), then with --cold `cold i` (query i run
once on a fresh connection right after loading the tables, best of up to 3 such runs) and with --gzip
`gzip 0` (events.csv.gz, best of up to 3). DuckDB runs with 2 threads, like Siklus on this machine.

    python3 bench_duckdb.py DIR REPEAT [--cold] [--gzip]
    python3 bench_duckdb.py DIR REPEAT --load-once   (one `load 0` line: a single timed load)
"""
import sys
import time

import duckdb

AWARENESS = "('ad_impression','impression','ad_click','visit','page_view','session_start')"
EDUCATION = "('article_view','video_view','demo','webinar','newsletter_signup')"
CONSIDERATION = "('product_view','add_to_cart','wishlist','compare','trial_start')"
ENGAGEMENT = "('email_open','login','app_open')"
ADVOCACY = "('review','referral','social_like','share','testimonial')"
CHURN = "('cancel','unsubscribe')"

QUERIES = [
    # cohort by first_purchase period month | retention
    """
    WITH p AS (SELECT customer_id, ts FROM events WHERE event = 'purchase'),
    f AS (SELECT customer_id, min(ts) AS first FROM p GROUP BY customer_id),
    a AS (SELECT DISTINCT p.customer_id, date_trunc('month', f.first) AS cohort,
                 (year(p.ts) * 12 + month(p.ts)) - (year(f.first) * 12 + month(f.first)) AS k
          FROM p JOIN f USING (customer_id))
    SELECT cohort, k, count(*) FROM a GROUP BY cohort, k ORDER BY cohort, k
    """,
    # cohort signup=2022-09 | stage retention | metric avg_order
    """
    WITH p AS (SELECT amount, row_number() OVER (PARTITION BY customer_id ORDER BY ts) AS n
               FROM events
               WHERE event = 'purchase' AND customer_id IN
                     (SELECT customer_id FROM customers WHERE signup_date >= DATE '2022-09-01' AND signup_date < DATE '2022-10-01'))
    SELECT sum(amount) / count(*) FROM p WHERE n > 1
    """,
    # cohort by signup period month | funnel awareness -> consideration -> purchase within 30d
    f"""
    WITH ev AS (SELECT customer_id, ts, event, row_number() OVER (PARTITION BY customer_id ORDER BY ts) AS rn FROM events),
    aw AS (SELECT customer_id, ts, rn FROM ev WHERE event IN {AWARENESS}),
    co AS (SELECT customer_id, ts, rn FROM ev WHERE event IN {CONSIDERATION}),
    fp AS (SELECT customer_id, ts, rn FROM (SELECT customer_id, ts, rn, row_number() OVER (PARTITION BY customer_id ORDER BY rn) AS k
                                           FROM ev WHERE event = 'purchase') WHERE k = 1),
    s2 AS (SELECT aw.customer_id, aw.ts AS t1, min(co.rn) AS rn2
           FROM aw JOIN co ON co.customer_id = aw.customer_id AND co.rn > aw.rn AND co.ts <= aw.ts + INTERVAL 30 DAY
           GROUP BY aw.customer_id, aw.ts, aw.rn),
    s3 AS (SELECT DISTINCT s2.customer_id FROM s2 JOIN fp ON fp.customer_id = s2.customer_id AND fp.rn > s2.rn2 AND fp.ts <= s2.t1 + INTERVAL 30 DAY),
    lv AS (SELECT customer_id, CASE WHEN customer_id IN (SELECT customer_id FROM s3) THEN 3
                                    WHEN customer_id IN (SELECT customer_id FROM s2) THEN 2 ELSE 1 END AS level
           FROM (SELECT DISTINCT customer_id FROM aw))
    SELECT date_trunc('month', c.signup_date) AS cohort, count(*) AS step1,
           count(*) FILTER (WHERE level >= 2) AS step2, count(*) FILTER (WHERE level >= 3) AS step3
    FROM lv JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY 1
    """,
    # events | by stage | metric events, customers
    f"""
    WITH ev AS (SELECT customer_id, event,
                       CASE WHEN event = 'purchase' THEN row_number() OVER (PARTITION BY customer_id, event = 'purchase' ORDER BY ts) END AS pn
                FROM events),
    st AS (SELECT customer_id, CASE
             WHEN event = 'purchase' AND pn = 1 THEN 'purchase'
             WHEN event = 'purchase' OR event IN {ENGAGEMENT} THEN 'retention'
             WHEN event IN {AWARENESS} THEN 'awareness'
             WHEN event IN {EDUCATION} THEN 'education'
             WHEN event IN {CONSIDERATION} THEN 'consideration'
             WHEN event IN {ADVOCACY} THEN 'advocacy'
             WHEN event IN {CHURN} THEN 'churn'
             ELSE '(other)' END AS stage FROM ev)
    SELECT stage, count(*), count(DISTINCT customer_id) FROM st GROUP BY stage ORDER BY stage
    """,
]


def best(con, sql, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        con.execute(sql).fetchall()
        times.append(time.perf_counter() - start)
    return min(times)


def connect():
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute("SET enable_progress_bar = false")
    return con


def timed_load(path):
    """A fresh connection and the seconds its CREATE TABLE events took."""
    con = connect()
    start = time.perf_counter()
    con.execute(f"CREATE TABLE events AS SELECT * FROM read_csv('{path}')")
    return con, time.perf_counter() - start


def main():
    data, repeat = sys.argv[1], int(sys.argv[2])
    if "--load-once" in sys.argv:
        # One timed load and nothing else: scripts/bench runs it right after each of its own loads, so that both
        # sides' loads are sampled in the same minutes (this machine's speed drifts by tens of percent).
        print(f"load\t0\t{timed_load(f'{data}/events.csv')[1]}")
        return
    loads = max(1, min(repeat, 3))
    con, seconds = timed_load(f"{data}/events.csv")
    print(f"load\t0\t{seconds}")
    con.execute(f"CREATE TABLE customers AS SELECT * FROM read_csv('{data}/customers.csv')")
    for i, sql in enumerate(QUERIES):
        print(f"warm\t{i}\t{best(con, sql, repeat)}")
    con.close()
    if "--cold" in sys.argv:
        # Best of `loads` cold runs, each on a fresh connection right after loading (as scripts/bench times ours):
        # a single first run scatters by tens of percent on this kind of machine.
        for i, sql in enumerate(QUERIES):
            times = []
            for _ in range(loads):
                con, _ = timed_load(f"{data}/events.csv")
                con.execute(f"CREATE TABLE customers AS SELECT * FROM read_csv('{data}/customers.csv')")
                start = time.perf_counter()
                con.execute(sql).fetchall()
                times.append(time.perf_counter() - start)
                con.close()
            print(f"cold\t{i}\t{min(times)}")
    if "--gzip" in sys.argv:
        print(f"gzip\t0\t{min(timed_load(f'{data}/events.csv.gz')[1] for _ in range(loads))}")


if __name__ == "__main__":
    main()
