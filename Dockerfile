# Stage 1: build the executable jar with the Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# Copy only the build descriptors first so the dependency download is cached
# as long as no pom.xml or wrapper file changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY shared-api/pom.xml shared-api/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY app/pom.xml app/
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# Checkstyle runs in the validate phase and reads config/checkstyle.xml.
COPY config/ config/
COPY shared-api/src/ shared-api/src/
COPY command-side/src/ command-side/src/
COPY query-side/src/ query-side/src/
COPY app/src/ app/src/
RUN ./mvnw -B -DskipTests package

# Stage 2: runtime image.
FROM eclipse-temurin:17-jre

# curl is used by the health check.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system links \
    && useradd --system --gid links --home-dir /app --shell /usr/sbin/nologin links \
    && mkdir -p /app/data \
    && chown -R links:links /app

WORKDIR /app
COPY --from=build --chown=links:links /workspace/app/target/links-service.jar /app/links-service.jar

# Only used when the embedded stores run (no external PostgreSQL/MongoDB configured).
ENV LINKS_DATA_DIR=/app/data

USER links
EXPOSE 8080

HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS "http://localhost:${SERVER_PORT:-8080}/actuator/health" || exit 1

ENTRYPOINT ["java", "-jar", "/app/links-service.jar"]
