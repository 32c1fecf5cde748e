# Install smfkit like any command-line tool:
#
#   make install PREFIX=/usr/local      # binary, man pages, completions
#   make uninstall PREFIX=/usr/local    # removes exactly what install put there
#
# DESTDIR stages an install for a package build; SCRATCH names the SwiftPM
# build directory. Scripts/install does the work and says what it does.

PREFIX ?= /usr/local
DESTDIR ?=
SCRATCH ?= .build

.PHONY: install uninstall

install:
	Scripts/install install --prefix "$(PREFIX)" --destdir "$(DESTDIR)" --scratch-path "$(SCRATCH)"

uninstall:
	Scripts/install uninstall --prefix "$(PREFIX)" --destdir "$(DESTDIR)"
