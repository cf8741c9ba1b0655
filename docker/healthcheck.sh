#!/usr/bin/env bash
# HEALTHCHECK of the app image: healthy when GET /actuator/health on the app's port answers 200 with status UP
# (database and Camunda gateway both answer). Plain bash, so the runtime image needs neither curl nor wget.
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8081}"
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
response="$(timeout 5 cat <&3)"
[[ "${response}" == "HTTP/1."?" 200"* && "${response}" == *'"status":"UP"'* ]]
