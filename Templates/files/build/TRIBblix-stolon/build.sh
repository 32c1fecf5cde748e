#!/bin/sh
#
# Builds TRIBblix-stolon, which Tribblix no longer ships (tribblix/build
# dropped it on 2024-12-23, "Drop stolon, stale and unused"; its last
# version was 0.17.4). Written by smfkit for a site that runs a stolon
# cluster: put this directory into a tribblix/build checkout, run it there
# as Tribblix runs every build.sh, and publish the .zap in a repository of
# your own (docs/packaging.md). Same layout as Tribblix's package had:
# the binaries in /opt/tribblix/stolon/bin.
#
: "${THOME:?the Tribblix build sets THOME to the directory holding build/}"
VERSION=0.17.4
WORK=/tmp/TRIBblix-stolon.$$
PROTO=/tmp/TRIBblix-stolon-proto.$$
rm -fr "$WORK" "$PROTO"
mkdir -p "$WORK" "$PROTO/opt/tribblix/stolon/bin"
cd "$WORK" || exit 1
git clone --branch "v${VERSION}" --depth 1 https://github.com/sorintlab/stolon || exit 1
cd stolon || exit 1
# build_require brings Go 1.26 (TRIBv-go-126) under /usr/versions.
env PATH="/usr/versions/go-1.26/bin:$PATH" gmake || exit 1
cp bin/stolon-keeper bin/stolon-sentinel bin/stolon-proxy bin/stolonctl "$PROTO/opt/tribblix/stolon/bin"
cp README.md "$PROTO/opt/tribblix/stolon"
"${THOME}/build/create_pkg" TRIBblix-stolon "$PROTO"
rm -fr "$WORK" "$PROTO"
