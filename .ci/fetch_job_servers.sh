#!/usr/bin/env bash
# Fetches the Flink and Spark job servers that tests/pipelines/test_flink_and_spark.py runs the
# pipeline on, into $SCRUBLINE_JOB_SERVERS (default ~/.cache/scrubline/job-servers), each as
# NAME/job-server.jar plus NAME/lib/. Skips a job server already there for the same pom.
# The jar holds only a manifest: its main class is the job server driver and its Class-Path the
# jars Maven resolved from .ci/job-servers/NAME.pom.xml (why not Beam's shaded jar: see the poms),
# so `java -jar job-server.jar`, which Beam's FlinkRunner and SparkRunner run, works as with Beam's.
set -euo pipefail
cd "$(dirname "$0")/job-servers"
dest="${SCRUBLINE_JOB_SERVERS:-$HOME/.cache/scrubline/job-servers}"
if ! command -v mvn >/dev/null || ! command -v java >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven openjdk-17-jre-headless >/dev/null
fi

fetch() {
    local name=$1 main_class=$2 dir="$dest/$1" stamp
    stamp=$(sha256sum "$name.pom.xml" | cut -c1-16)
    if [ -f "$dir/job-server.jar" ] && [ "$(cat "$dir/pom.sha256" 2>/dev/null)" = "$stamp" ]; then
        echo "job server $name: present in $dir"
        return
    fi
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    if ! mvn -B -f "$name.pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$dir.partial/lib" >"$dir.partial/mvn.log" 2>&1; then
        tail -n 40 "$dir.partial/mvn.log" >&2
        exit 1
    fi
    python3 - "$dir.partial" "$main_class" <<'PY'
import sys, zipfile
from pathlib import Path

root, main_class = Path(sys.argv[1]), sys.argv[2]


def header(name: str, value: str) -> bytes:
    """A manifest header: lines of at most 72 bytes, continued on lines that start with a space."""
    raw = f"{name}: {value}".encode()
    lines = [raw[:72]] + [b" " + raw[i : i + 71] for i in range(72, len(raw), 71)]
    return b"".join(line + b"\r\n" for line in lines)


jars = " ".join(f"lib/{p.name}" for p in sorted((root / "lib").glob("*.jar")))
manifest = header("Manifest-Version", "1.0") + header("Main-Class", main_class) + header("Class-Path", jars) + b"\r\n"
with zipfile.ZipFile(root / "job-server.jar", "w") as jar:
    jar.writestr("META-INF/MANIFEST.MF", manifest)
PY
    echo "$stamp" > "$dir.partial/pom.sha256"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
    echo "job server $name: fetched into $dir"
}

fetch flink org.apache.beam.runners.flink.FlinkJobServerDriver
fetch spark org.apache.beam.runners.spark.SparkJobServerDriver
