# Sourced by bin/storyline, bin/mvn and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, then `java` on the PATH, then the newest JDK under /usr/lib/jvm.
_storyline_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}
_storyline_find_jdk() {
  local cand major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(_storyline_java_major "$JAVA_HOME"); [ "${major:-0}" -ge 21 ] 2>/dev/null && { echo "$JAVA_HOME"; return 0; }
  fi
  if command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(_storyline_java_major "$cand"); [ "${major:-0}" -ge 21 ] 2>/dev/null && { echo "$cand"; return 0; }
  fi
  for cand in $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    cand=${cand%/}
    [ -x "$cand/bin/javac" ] || continue
    major=$(_storyline_java_major "$cand"); [ "${major:-0}" -ge 21 ] 2>/dev/null && { echo "$cand"; return 0; }
  done
  return 1
}
if ! STORYLINE_JDK=$(_storyline_find_jdk); then
  echo "storyline: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm). Install one, or set JAVA_HOME." >&2
  exit 3
fi
export JAVA_HOME="$STORYLINE_JDK"
# Maven's own Guava warns about sun.misc.Unsafe on JDK 24+; that is Maven's business, not ours.
if [ "$(_storyline_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
