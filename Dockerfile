# A small image that runs the mediactl release binary: Debian's slim image (glibc, libstdc++) and one file.
#
#   Scripts/build-release                       # dist/mediactl-VERSION-linux-x86_64.tar.gz and its .sha256
#   docker build --build-arg VERSION=0.1.0 -t mediactl .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/repo" mediactl check
#
# Not built or tested by mediactl's CI: the machines it runs on have no container runtime.
FROM debian:12-slim AS unpack
ARG VERSION
COPY dist/mediactl-${VERSION}-linux-x86_64.tar.gz dist/mediactl-${VERSION}-linux-x86_64.tar.gz.sha256 /dist/
RUN cd /dist && sha256sum --check mediactl-${VERSION}-linux-x86_64.tar.gz.sha256 \
    && tar -xzf mediactl-${VERSION}-linux-x86_64.tar.gz \
    && install -m 0755 mediactl-${VERSION}-linux-x86_64/mediactl /usr/local/bin/mediactl

FROM debian:12-slim
COPY --from=unpack /usr/local/bin/mediactl /usr/local/bin/mediactl
WORKDIR /repo
ENTRYPOINT ["/usr/local/bin/mediactl"]
CMD ["check"]
