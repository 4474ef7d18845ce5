# One multi-stage build for every service; the build context is the repository root and the module a build argument:
#   docker build --build-arg MODULE=parser-service --build-arg PORT=8082 -t kamerqa/parser-service .
# docker-compose.yml builds ingest-service, parser-service and query-service from it.
# Maven's reactor reads every module the root pom lists, so the build stage copies them all (local-stack only as its
# pom); .ci/check-dockerfiles.py fails when a module is missing here.
FROM eclipse-temurin:17.0.17_10-jdk AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "set --build-arg MODULE=<service module>" >&2; exit 1; }
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY event-contracts event-contracts
COPY service-support service-support
COPY qa-parser qa-parser
COPY ingest-service ingest-service
COPY parser-service parser-service
COPY query-service query-service
COPY local-stack/pom.xml local-stack/pom.xml
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl "$MODULE" -am -DskipTests package \
    && cp "$MODULE"/target/"$MODULE"-*-exec.jar /src/app.jar

FROM eclipse-temurin:17.0.17_10-jre
# the port the service listens on (its PORT variable) and the health check asks
ARG PORT=8080
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app kamerqa
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER 10001
ENV PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
