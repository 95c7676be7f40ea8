extension SparkBridgeScript {
    /// Types, result encoding, the control thread (cancel, end of stream) and the request loop.
    static let serverSource = #"""
def siklus_type(data_type):
    from pyspark.sql import types as T
    if isinstance(data_type, (T.StringType, T.VarcharType, T.CharType)):
        return "text"
    if isinstance(data_type, (T.ByteType, T.ShortType, T.IntegerType, T.LongType)):
        return "integer"
    if isinstance(data_type, T.DecimalType):
        return "integer" if data_type.scale == 0 and data_type.precision <= 18 else "number"
    if isinstance(data_type, (T.FloatType, T.DoubleType)):
        return "number"
    if isinstance(data_type, (T.TimestampType, T.TimestampNTZType, T.DateType)):
        return "timestamp"
    if isinstance(data_type, T.BooleanType):
        return "boolean"
    return "text"  # arrays, maps, structs, intervals, binary, NULL: shown as their text


def as_fetchable(data_frame):
    """The query with timestamps and dates as Unix seconds (UTC) and other types as Siklus reads them,
    converted by Spark so the driver never applies a local time zone."""
    from pyspark.sql import functions as F, types as T
    fields = data_frame.schema.fields
    positional = data_frame.toDF(*["c%d" % i for i in range(len(fields))])
    columns = []
    for i, field in enumerate(fields):
        column, kind = F.col("c%d" % i), siklus_type(field.dataType)
        if isinstance(field.dataType, T.DateType):
            column = F.unix_date(column).cast("long") * 86400
        elif isinstance(field.dataType, T.TimestampNTZType):
            column = F.unix_seconds(column.cast("timestamp"))
        elif isinstance(field.dataType, T.TimestampType):
            column = F.unix_seconds(column)
        elif isinstance(field.dataType, T.DecimalType):
            column = column.cast("long" if kind == "integer" else "double")
        elif kind == "text" and not isinstance(field.dataType, (T.StringType, T.VarcharType, T.CharType)):
            column = column.cast("string")
        columns.append(column.alias("c%d" % i))
    return positional.select(*columns), [(f.name, siklus_type(f.dataType), f.dataType.simpleString()) for f in fields]


def encode(kinds, rows):
    """Column after column: integers/timestamps as int64, numbers as float64 (exact), booleans as bytes,
    text as int32 lengths then UTF-8; each column but booleans starts with one null flag byte per row."""
    parts = []
    for i, kind in enumerate(kinds):
        values = [row[i] for row in rows]
        if kind == "boolean":
            parts.append(bytes(2 if v is None else int(v) for v in values))
            continue
        parts.append(bytes(v is None for v in values))
        if kind in ("integer", "timestamp"):
            column = array.array("q", (0 if v is None else int(v) for v in values))
        elif kind == "number":
            column = array.array("d", (0.0 if v is None else float(v) for v in values))
        else:
            encoded = [b"" if v is None else str(v).encode("utf-8") for v in values]
            lengths = array.array("i", (len(e) for e in encoded))
            if sys.byteorder == "big":
                lengths.byteswap()
            parts.append(lengths.tobytes())
            parts.append(b"".join(encoded))
            continue
        if sys.byteorder == "big":
            column.byteswap()
        parts.append(column.tobytes())
    return b"".join(parts)


CACHE_STATEMENT = re.compile(r"\s*CACHE\s+TABLE\s", re.IGNORECASE)
CACHE_SETTINGS = {"spark.sql.legacy.inlineCTEInCommands": "true", "spark.sql.legacy.storeAnalyzedPlanForView": "true"}


class Bridge:
    def __init__(self, session):
        self.session = session
        self.requests = queue.Queue()
        self.cancelled = set()
        self.finished = -1  # the last answered request: a late cancel for it (or an older one) is dropped
        self.lock = threading.Lock()

    def read_requests(self):
        """The control thread: cancels at once, queues everything else; on end of stream, stops everything."""
        while True:
            request = receive()
            if request is None:
                try:
                    self.session.sparkContext.cancelAllJobs()
                finally:
                    os._exit(0)  # the JVM sees its stdin close and exits (no orphan)
            if request.get("op") == "cancel":
                target = request["target"]
                with self.lock:
                    if target <= self.finished:
                        continue
                    self.cancelled.add(target)
                self.cancel_group("siklus-%d" % target)
            else:
                self.requests.put(request)

    def cancel_group(self, group):
        """Cancels the request's jobs: those of its job group, running or started later (each request has
        its own group), and those carrying its tag (a broadcast runs in a job group of its own but keeps
        the tag). Siklus repeats the cancel each second, catching any job that slipped between."""
        context = self.session.sparkContext
        try:
            context._jsc.sc().cancelJobGroupAndFutureJobs(group)
        except Exception:  # a Spark before 4.0
            context.cancelJobGroup(group)
        try:
            context.cancelJobsWithTag(group)
        except Exception:  # a Spark before 3.5: no tags
            pass

    def serve(self):
        threading.Thread(target=self.read_requests, daemon=True).start()
        while True:
            request = self.requests.get()
            if request["op"] == "close":
                self.session.stop()
                send(dict(id=request["id"], ok=True))
                os._exit(0)
            self.answer(request)

    def answer(self, request):
        ident, sql = request["id"], request.get("sql")
        context = self.session.sparkContext
        group, started = "siklus-%d" % ident, time.time()
        context.setJobGroup(group, "siklus request %d" % ident, interruptOnCancel=True)
        try:
            context.addJobTag(group)
        except Exception:
            pass
        try:
            with self.lock:
                if ident in self.cancelled:
                    raise RuntimeError("cancelled before it started")
            header, payload = getattr(self, "op_" + request["op"])(request)
            header["id"] = ident
            with self.lock:
                if ident in self.cancelled:
                    header = dict(id=ident, ok=False, cancelled=True, message="query cancelled")
                    payload = b""
            send(header, payload)
        except Exception as error:
            with self.lock:
                cancelled = ident in self.cancelled
            header = describe(error, sql)
            header["id"] = ident
            if cancelled:
                header.update(cancelled=True, message="query cancelled")
            send(header)
        finally:
            # One line per request in bridge.log: what ran and how long it took (for slow-query reports).
            sys.stderr.write("%s request %d %s: %.3f s\n" % (time.strftime("%H:%M:%S"), ident, request["op"],
                                                            time.time() - started))
            sys.stderr.flush()
            try:
                context.removeJobTag(group)
            except Exception:
                pass
            with self.lock:
                self.cancelled.discard(ident)
                self.finished = ident

    def sql(self, text):
        """Runs `text`; a CACHE TABLE … AS (Siklus's materialized CTEs) with its CTEs inlined and its plan
        stored analyzed: Spark renumbers the CTE ids of a view's definition when the view is read by a
        query with a WITH of its own, so a cached view defined with a WITH was never found in the cache and
        every reference computed it again (twice the work of not caching)."""
        if not CACHE_STATEMENT.match(text):
            return self.session.sql(text)
        conf = self.session.conf
        before = {key: conf.get(key, None) for key in CACHE_SETTINGS}
        for key, value in CACHE_SETTINGS.items():
            conf.set(key, value)
        try:
            return self.session.sql(text)
        finally:
            for key, value in before.items():
                conf.unset(key) if value is None else conf.set(key, value)

    def op_query(self, request):
        data_frame, schema = as_fetchable(self.sql(request["sql"]))
        # At most maxCells cells reach Siklus: one row more than allowed is fetched to tell "too many".
        max_cells = request.get("maxCells")
        if max_cells:
            max_rows = max_cells // max(1, len(schema))
            rows = data_frame.limit(max_rows + 1).collect()
            if len(rows) > max_rows:
                raise ValueError("the result has more than %d cells (%d rows of %d columns): narrow the pipeline (fewer groups, a coarser period, limit N)"
                                 % (max_cells, max_rows, len(schema)))
        else:
            rows = data_frame.collect()
        columns = [dict(name=n, type=k, sparkType=s) for n, k, s in schema]
        return dict(ok=True, columns=columns, rows=len(rows)), encode([k for _, k, _ in schema], rows)

    def op_execute(self, request):
        self.sql(request["sql"])
        return dict(ok=True), b""

    def op_columns(self, request):
        schema = self.session.table(request["table"]).schema
        columns = [dict(name=f.name, type=siklus_type(f.dataType), sparkType=f.dataType.simpleString())
                   for f in schema.fields]
        return dict(ok=True, columns=columns), b""


def main():
    settings = receive()
    if settings is None:
        sys.exit(0)
    Bridge(start(settings)).serve()


main()
"""#
}
