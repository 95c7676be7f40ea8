# Shared by scripts/run, scripts/test and scripts/bench: install what Siklus needs when missing.

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        apt-get update -qq >/dev/null 2>&1 || true
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# libedit (line editor), zlib (gzip-compressed data files), libpq (the PostgreSQL client), pkg-config (to find them), tmux (terminal end-to-end tests) and, with
# `ensure_system_packages --browser`, Chromium (the test that a browser renders an exported report).
ensure_system_packages() {
    local missing=()
    dpkg -s libedit-dev >/dev/null 2>&1 || missing+=(libedit-dev)
    dpkg -s zlib1g-dev >/dev/null 2>&1 || missing+=(zlib1g-dev)
    dpkg -s libpq-dev >/dev/null 2>&1 || missing+=(libpq-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
    if [ "${1:-}" = --browser ]; then
        command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
            || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing: ${missing[*]}" >&2
        apt_install "${missing[@]}"
    fi
}

# DuckDB's Python package, used to cross-check numbers and as the benchmark baseline.
ensure_duckdb() {
    python3 -c 'import duckdb' >/dev/null 2>&1 && return 0
    echo "installing: duckdb (pip)" >&2
    python3 -m pip install -q duckdb >/dev/null 2>&1
}

# Python's lifetimes 0.11.3, the reference of the customer-value tests (SiklusValueModelsTests), in its own
# virtual environment (.build/lifetimes-venv, on top of the system's numpy and pandas when present), so the
# pinned version never touches the system's packages.
ensure_lifetimes() {
    local venv=.build/lifetimes-venv
    "$venv/bin/python" -c 'import lifetimes; assert lifetimes.__version__ == "0.11.3"' >/dev/null 2>&1 && return 0
    echo "installing: lifetimes==0.11.3 (pip, in $venv)" >&2
    mkdir -p .build
    python3 -m venv --system-site-packages "$venv" >/dev/null 2>&1 || return 1
    "$venv/bin/pip" install -q lifetimes==0.11.3 >/dev/null 2>&1
}

# PostgreSQL 15 (server binaries for the throwaway test cluster, scripts/engines/postgres) and libpq-dev
# (the C client SiklusConnect links).
ensure_postgres() {
    local missing=()
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
    dpkg -s libpq-dev >/dev/null 2>&1 || missing+=(libpq-dev)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing: ${missing[*]}" >&2
        apt_install "${missing[@]}"
    fi
}

# The engines the SQL matrix runs on: PostgreSQL (the tests start a throwaway cluster) and Spark from pyspark
# with a Java 17 runtime (the tests start one local session); scripts/engines/spark installs the latter.
ensure_engines() {
    ensure_postgres || return 1
    "$(dirname "${BASH_SOURCE[0]}")/../engines/spark" >/dev/null
}
