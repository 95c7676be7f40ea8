/// The Python program Siklus runs as its Spark bridge, embedded so the binary works from any folder: at
/// `connect` it is written into the session's temp directory and run with python3 (see `SparkBridgeProcess`).
///
/// It holds one SparkSession and answers framed requests on stdin/stdout (`SparkFrame`); the first part
/// here is the framing, the session start and the error description, the second (`serverSource`) the type
/// mapping, the result encoding (`SparkResultDecoder` reads it) and the request loop.
enum SparkBridgeScript {
    /// The whole program.
    static var source: String { startSource + "\n\n\n" + serverSource }

    static let startSource = #"""
# Siklus's Spark bridge: one SparkSession, served over stdin/stdout.
# Frame (both ways): 4-byte big-endian header length, a UTF-8 JSON header, then header["length"] payload bytes.
# Requests: query, execute, columns, cancel (read by a second thread), close. Nothing else is ever written to
# the protocol stream: fd 1 is moved to the log before Spark starts. Exits when Siklus's end of the stream closes.
import json, os, struct, sys, threading, time, queue, re, shutil, array

PROTOCOL_IN = os.fdopen(os.dup(0), "rb", buffering=0)
PROTOCOL_OUT = os.fdopen(os.dup(1), "wb", buffering=0)
_devnull = os.open(os.devnull, os.O_RDONLY)
os.dup2(_devnull, 0)
os.dup2(2, 1)  # stray prints (ours, Spark's, the JVM's) go to the log, never to the protocol
sys.stdout = sys.stderr
WRITE_LOCK = threading.Lock()


def send(header, payload=b""):
    header = dict(header, length=len(payload))
    data = json.dumps(header).encode("utf-8")
    frame = memoryview(struct.pack(">I", len(data)) + data + payload)
    with WRITE_LOCK:
        while frame:  # a raw write may take only part of it
            frame = frame[PROTOCOL_OUT.write(frame):]


def read_exactly(n):
    chunks, left = [], n
    while left > 0:
        chunk = PROTOCOL_IN.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def receive():
    size = read_exactly(4)
    if size is None:
        return None
    header = read_exactly(struct.unpack(">I", size)[0])
    if header is None:
        return None
    header = json.loads(header.decode("utf-8"))
    payload = read_exactly(header.get("length", 0)) if header.get("length", 0) else b""
    if payload is None:
        return None
    header["payload"] = payload
    return header


def fail(message, **extra):
    send(dict(ok=False, message=message, **extra))
    sys.exit(1)


def start(settings):
    workdir = settings["workdir"]
    os.chdir(workdir)  # Derby, spark-warehouse and any relative path land here, never in the user's folder
    java_home = os.environ.get("JAVA_HOME")
    if java_home and not os.path.exists(os.path.join(java_home, "bin", "java")):
        fail("JAVA_HOME=%s has no bin/java: point it at a Java 17 or unset it "
             "(apt-get install openjdk-17-jre-headless; scripts/engines/spark installs it)" % java_home)
    if not java_home and not shutil.which("java"):
        fail("Java is not installed (Spark needs Java 17): apt-get install openjdk-17-jre-headless, "
             "or set JAVA_HOME (scripts/engines/spark installs it)")
    spark_home = os.environ.get("SPARK_HOME")
    if spark_home and not os.path.isdir(os.path.join(spark_home, "jars")):
        fail("SPARK_HOME=%s has no jars/ folder: point it at a Spark install, or unset it to use pyspark's" % spark_home)
    try:
        import pyspark
        from pyspark.sql import SparkSession
    except ImportError as error:
        fail("pyspark is not installed for %s (%s): python3 -m pip install pyspark "
             "(scripts/engines/spark installs it)" % (sys.executable, error))
    log_file = os.path.join(workdir, "spark.log")
    log_config = os.path.join(workdir, "log4j2.properties")
    with open(log_config, "w") as config:
        config.write("rootLogger.level = warn\nrootLogger.appenderRef.file.ref = file\n"
                     "appender.file.type = File\nappender.file.name = file\n"
                     "appender.file.fileName = %s\nappender.file.layout.type = PatternLayout\n"
                     "appender.file.layout.pattern = %%d{HH:mm:ss} %%p %%c{1}: %%m%%n\n" % log_file)
    java_options = "-Dlog4j2.configurationFile=file:%s -Dderby.system.home=%s" % (log_config, workdir)
    builder = (SparkSession.builder.master(settings["master"]).appName("siklus")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.warehouse.dir", os.path.join(workdir, "warehouse"))
               .config("spark.driver.memory", settings.get("driverMemory", "2g"))
               .config("spark.driver.extraJavaOptions", java_options)
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false"))
    # A local session is one machine: as many shuffle partitions as cores (Spark's 200 cost more than the
    # work on small tables), and no broadcast joins (the compiled queries' inlined CTEs build dozens of
    # broadcasts, which ran the 2g driver out of memory). Memory pages of 2 MB rather than the size Spark
    # derives from the memory and cores (16 MB by its formula for 2g and 2 cores, not read back here): a task of an inlined query holds a page per sort and hash map at once
    # (dozens), and asking for one more 16 MB page failed with UNABLE_TO_ACQUIRE_MEMORY where small pages
    # fit; and cached tables may give back more of the memory they share with execution (they spill to
    # disk). A cluster keeps its own settings.
    local = re.match(r"local(?:\[(\d+|\*)(?:,\d+)?\])?$", settings["master"])
    if local:
        written = local.group(1)
        cores = 1 if written is None else (os.cpu_count() or 1) if written == "*" else int(written)
        builder = (builder.config("spark.sql.shuffle.partitions", str(max(cores, 1)))
                   .config("spark.sql.autoBroadcastJoinThreshold", "-1")
                   .config("spark.buffer.pageSize", "2m")
                   .config("spark.memory.storageFraction", "0.3"))
    for key, value in settings.get("conf", {}).items():
        builder = builder.config(key, value)
    try:
        session = builder.getOrCreate()
    except Exception as error:
        fail("Spark did not start: %s" % java_reason(error))
    session.sparkContext.setLogLevel("WARN")
    # A first query loads the classes of planning and code generation (seconds): paid here, once per
    # connect, rather than by the user's first pipeline.
    session.sql("SELECT 1").collect()
    jvm_pid = session.sparkContext._jvm.java.lang.ProcessHandle.current().pid()
    send(dict(ok=True, ready=True, version=session.version, master=session.sparkContext.master,
              jvmPid=int(jvm_pid), pythonPid=os.getpid()))
    return session


def first_line(text):
    return text.strip().split("\n", 1)[0] if text else ""


def java_reason(error):
    """The Java exception behind a py4j error, in one line (not py4j's "An error occurred while calling")."""
    java = getattr(error, "java_exception", None)
    return first_line(str(java.toString())) if java is not None else first_line(str(error))


POSITION_IN_MESSAGE = re.compile(r"\(line (\d+), pos (\d+)\)")


def describe(error, sql):
    """The error header for a failed request: Spark's message, its error class and a 1-based position."""
    from pyspark.errors.exceptions.captured import CapturedException
    message, error_class, position = java_reason(error), None, None
    if isinstance(error, CapturedException):
        message = error.getMessage() or str(error)
        error_class = error.getCondition()
        for context in error.getQueryContext() or []:
            try:
                start = context.startIndex()
            except Exception:
                continue
            if start is not None and start >= 0:
                position = start + 1
                break
    if position is None and sql:
        match = POSITION_IN_MESSAGE.search(str(error))
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            lines = sql.split("\n")
            if 1 <= line <= len(lines):
                position = sum(len(l) + 1 for l in lines[:line - 1]) + column + 1
    message = message.split("\n== SQL")[0].split(";\n'")[0].strip()
    return dict(ok=False, message=message, errorClass=error_class, position=position)
"""#
}
