# Sourced by ./run-demo and .ci/run: makes JAVA_HOME a JDK 21 or newer.
# Keeps JAVA_HOME when it already is one; otherwise takes the newest JDK under /usr/lib/jvm.

java_major() { # prints the feature version of the java at $1/bin/java, or 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}

select_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  best="" best_major=0
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "$major" -gt "$best_major" ]; then best="$candidate" best_major="$major"; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "RunServerPlus needs a JDK 21 or newer; set JAVA_HOME to one (none was found under /usr/lib/jvm)." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
