# Multi-stage build of the ensemble binary: compile on the Swift image, run on slim Debian with only runtime libraries.
ARG SWIFT_IMAGE=swift:6.3-bookworm

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libcurl4-openssl-dev libyaml-dev libmicrohttpd-dev libhiredis-dev libsqlite3-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Package.swift names every target, tests and benchmarks included, so the whole tree is the build context.
COPY . .
# The Swift runtime and Foundation are linked statically, so the runtime image needs no Swift toolchain.
RUN swift build -c release --static-swift-stdlib --product ensemble \
    && install -D -m 0755 "$(swift build -c release --static-swift-stdlib --show-bin-path)/ensemble" /out/ensemble

FROM debian:bookworm-slim
# libstdc++6 is what the statically linked Swift runtime still loads dynamically (slim images ship it for apt already).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libcurl4 libyaml-0-2 libmicrohttpd12 libhiredis0.14 libsqlite3-0 libstdc++6 ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/ensemble /usr/local/bin/ensemble
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/ensemble"]
