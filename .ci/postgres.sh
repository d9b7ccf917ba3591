#!/usr/bin/env bash
# Makes sure a local PostgreSQL server is running for the tests that need one (auth-service's
# PostgreSQL tests), with role `brokergate` / password `brokergate` owning database `brokergate_test`
# on 127.0.0.1:5432.
#
#   .ci/postgres.sh            run it (a developer's machine, as root or with sudo)
#   . .ci/postgres.sh          source it (.ci/run does): also exports BROKERGATE_TEST_PG_URL/_USER/_PASSWORD
#
# Idempotent and quick when the server is already installed and running. Debian only: installs the
# `postgresql` package with apt-get when the server or its cluster tools are missing. Skipped entirely
# when BROKERGATE_TEST_PG_URL is already set (the tests then use that server as it is).
# Any failure stops with a message saying which step failed.

bg_pg_fail() {
    echo "postgres.sh: ERROR: $*" >&2
    echo "postgres.sh: the PostgreSQL tests cannot run without this server; see auth-service/README.md#databases" >&2
    return 1
}

bg_pg_log() {
    echo "postgres.sh: $*" >&2
}

# Runs a command as root: directly when we are root, else through sudo without a password prompt.
bg_pg_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        bg_pg_fail "need root (or password-less sudo) to run: $*"
    fi
}

# Runs a command as the `postgres` OS user (the server and its peer-authenticated superuser).
bg_pg_as_postgres() {
    if [[ $(id -un) == postgres ]]; then
        (cd / && "$@")
    elif [[ $(id -u) -eq 0 ]] && command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u postgres -- "$@")
    elif [[ $(id -u) -eq 0 ]]; then
        (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        (cd / && sudo -n -u postgres -- "$@")
    else
        bg_pg_fail "need root (or password-less sudo) to run as the postgres user: $*"
    fi
}

bg_pg_server_installed() {
    command -v pg_ctlcluster >/dev/null 2>&1 && command -v pg_lsclusters >/dev/null 2>&1 \
        && command -v psql >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

bg_pg_ensure() {
    local want_port=5432 db=brokergate_test role=brokergate password=brokergate
    local started=$SECONDS

    if [[ -n ${BROKERGATE_TEST_PG_URL:-} ]]; then
        bg_pg_log "BROKERGATE_TEST_PG_URL is set ($BROKERGATE_TEST_PG_URL): using that server, nothing to start"
        return 0
    fi

    # 1. The server package.
    if ! bg_pg_server_installed; then
        bg_pg_log "PostgreSQL server not installed: installing Debian's postgresql package"
        command -v apt-get >/dev/null 2>&1 || { bg_pg_fail "apt-get not found: install PostgreSQL yourself or set BROKERGATE_TEST_PG_URL"; return 1; }
        bg_pg_root env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null \
            || { bg_pg_fail "apt-get update failed"; return 1; }
        bg_pg_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql </dev/null \
            || { bg_pg_fail "apt-get install postgresql failed"; return 1; }
        bg_pg_server_installed || { bg_pg_fail "postgresql installed but pg_ctlcluster/psql/postgres still missing"; return 1; }
    fi

    # 2. The cluster: the one on port 5432, else any existing one, else a new `main` of the newest version.
    local version cluster port
    read -r version cluster port < <(pg_lsclusters -h 2>/dev/null | awk -v p="$want_port" '$3 == p {print $1, $2, $3; exit}') || true
    if [[ -z ${version:-} ]]; then
        read -r version cluster port < <(pg_lsclusters -h 2>/dev/null | awk '{print $1, $2, $3; exit}') || true
    fi
    if [[ -z ${version:-} ]]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        bg_pg_log "no PostgreSQL cluster: creating $version/main on port $want_port"
        bg_pg_root pg_createcluster "$version" main --port "$want_port" </dev/null >&2 \
            || { bg_pg_fail "pg_createcluster $version main failed"; return 1; }
        cluster=main
        port=$want_port
    fi

    # 3. Started (pg_ctlcluster, run as root, starts the server as the cluster's owner, postgres).
    if pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c && $4 ~ /^online/ {f=1} END {exit !f}'; then
        bg_pg_log "cluster $version/$cluster already running on port $port"
    else
        bg_pg_log "starting cluster $version/$cluster on port $port"
        local out
        if ! out=$(bg_pg_root pg_ctlcluster "$version" "$cluster" start </dev/null 2>&1); then
            if [[ $out == *"already running"* ]]; then
                bg_pg_log "cluster $version/$cluster was started meanwhile"
            else
                echo "$out" >&2
                tail -n 20 "/var/log/postgresql/postgresql-$version-$cluster.log" >&2 2>/dev/null || true
                bg_pg_fail "pg_ctlcluster $version $cluster start failed"
                return 1
            fi
        fi
    fi
    pg_isready -q -h 127.0.0.1 -p "$port" -t 30 \
        || { bg_pg_fail "the server of cluster $version/$cluster does not accept TCP connections on 127.0.0.1:$port"; return 1; }

    # 4. Role and database, idempotently (the SQL is sent on psql's stdin: \gexec needs it); skipped
    #    when the role can already log in to the database (no root needed then).
    if PGPASSWORD=$password psql -X -q -h 127.0.0.1 -p "$port" -U "$role" -d "$db" -tAc 'SELECT 1' </dev/null >/dev/null 2>&1; then
        bg_pg_log "role $role and database $db already present"
    else
        bg_pg_as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres >/dev/null <<SQL \
            || { bg_pg_fail "cannot create role $role / database $db in cluster $version/$cluster"; return 1; }
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
        CREATE ROLE $role LOGIN PASSWORD '$password';
    ELSE
        ALTER ROLE $role LOGIN PASSWORD '$password';
    END IF;
END
\$\$;
SELECT 'CREATE DATABASE $db OWNER $role' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
ALTER DATABASE $db OWNER TO $role;
SQL
    fi

    # 5. Checked the way the tests connect: TCP, password authentication.
    PGPASSWORD=$password psql -X -q -h 127.0.0.1 -p "$port" -U "$role" -d "$db" -tAc 'SELECT 1' </dev/null >/dev/null \
        || { bg_pg_fail "cannot log in as $role to $db on 127.0.0.1:$port with a password (check pg_hba.conf)"; return 1; }

    export BROKERGATE_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/$db"
    export BROKERGATE_TEST_PG_USER=$role
    export BROKERGATE_TEST_PG_PASSWORD=$password
    bg_pg_log "PostgreSQL $version ready: $BROKERGATE_TEST_PG_URL as $role ($((SECONDS - started)) s)"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    bg_pg_ensure
else
    bg_pg_ensure || return 1
fi
