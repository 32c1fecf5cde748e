#!/bin/sh
#
# Nothing to fetch or compile: fixit copies the files from patches/
# into the empty proto area create_pkg is given.
#
: "${THOME:?the Tribblix build sets THOME to the directory holding build/}"
PROTO=/tmp/TRIBblix-pgha.$$
rm -fr "$PROTO"
mkdir -p "$PROTO"
"${THOME}/build/create_pkg" TRIBblix-pgha "$PROTO"
rm -fr "$PROTO"
