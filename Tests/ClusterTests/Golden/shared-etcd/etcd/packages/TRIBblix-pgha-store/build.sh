#!/bin/sh
#
# Nothing to fetch or compile: fixit copies the files from patches/
# into the empty proto area create_pkg is given.
#
: "${THOME:?the Tribblix build sets THOME to the directory holding build/}"
PROTO=/tmp/TRIBblix-pgha-store.$$
rm -fr "$PROTO"
mkdir -p "$PROTO"
"${THOME}/build/create_pkg" TRIBblix-pgha-store "$PROTO"
rm -fr "$PROTO"
