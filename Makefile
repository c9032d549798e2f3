# Builds and installs social-console like other command-line tools.
#
#   make                                   the self-contained release binary (Swift runtime linked in)
#   make install [PREFIX=/usr/local] [DESTDIR=]
#   make uninstall [PREFIX=/usr/local] [DESTDIR=]
#   make check-install                     install into a temporary folder, check it, uninstall
#
# Installs the binary to $(PREFIX)/bin, the man page to $(PREFIX)/share/man/man1 and the
# bash, zsh and fish completions where those shells look for them. The man page and the
# completions are generated from the command definitions by the built binary itself, so
# they always match it.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# How the binary is linked decides much of its start (Benchmarks/README.md, "Start-up, first frame and
# fleet speed"):
# - The Swift runtime linked statically: the binary needs no toolchain on the machine it
#   runs on.
# - The C++ library and libgcc that runtime is written against linked in as well: loading
#   and binding the shared libstdc++ was most of the dynamic loader's work at every start.
#   Swift's static link asks for `-lstdc++` by name; the linker script Link/libstdc++.so, in
#   a folder searched before the compiler's own, answers it with the static archive (the
#   GCC Runtime Library Exception allows linking it into any program).
# - ncurses linked in too, where its static archives are installed (Debian's libncurses-dev
#   has them; elsewhere the shared library is used as before): loading libncursesw and
#   libtinfo, which Debian links to be bound at once, was most of what the loader had left.
#   The Link/ncurses folder answers `-lncursesw` with the archives. Like the Swift runtime,
#   it is then updated with the binary, not with the system's ncurses package. The terminal
#   descriptions are still read from the system's terminfo folders.
# - No $ORIGIN run path (SwiftPM's default, for Swift libraries beside the binary, which a
#   static one has none of): the loader looked for each library in the binary's own folder
#   first, two dozen failed lookups, and a library put there would have been loaded.
# - lld, and the binary's own symbols not exported (the static link exports them for
#   backtraces, which CrashGuard does not print): at start the Swift runtime looks up its
#   own address among the exported symbols, one by one.
# - Where the C library reads them (glibc 2.36 and later), relative relocations packed
#   (RELR): the loader reads a few kilobytes instead of a megabyte of them. The binary is
#   still position-independent: its address is random at every start (ASLR).
# - The functions the start runs placed side by side (Link/start-order.txt, written by
#   Benchmarks/start-order.py): fewer pages of code faulted in at every start. Names the
#   binary no longer has are skipped, so a stale list only loses some of the gain.
RELR := $(shell getconf GNU_LIBC_VERSION 2>/dev/null | awk '{ split($$2, v, "."); if (v[1] > 2 || (v[1] == 2 && v[2] >= 36)) print "yes" }')
NCURSES_STATIC := $(shell for a in libncursesw.a libtinfo.a; do [ -f "$$($(CC) -print-file-name=$$a 2>/dev/null)" ] || exit 0; done; echo yes)
BUILD_FLAGS = -c release --static-swift-stdlib --disable-local-rpath \
	$(if $(NCURSES_STATIC),-Xswiftc -L -Xswiftc '$(CURDIR)/Link/ncurses') \
	-Xswiftc -L -Xswiftc '$(CURDIR)/Link' -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
	-Xswiftc -use-ld=lld -Xlinker --no-export-dynamic \
	-Xlinker '--symbol-ordering-file=$(CURDIR)/Link/start-order.txt' -Xlinker --no-warn-symbol-ordering \
	$(if $(RELR),-Xlinker -z -Xlinker pack-relative-relocs)
BIN = .build/release
OUT = .build/install-files
# The man page's date: the last commit's, so that the page is the same however often it is made.
MAN_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)

# Every path below reaches the shell single-quoted, so spaces, backticks, semicolons and the
# like in PREFIX or DESTDIR are only characters of a folder's name. What a single-quoted word
# cannot carry (a single quote, a line break) and what make itself would expand ($) is refused
# before anything runs; the raw values are looked at, never expanded.
define refuse_unsafe
$(if $(or $(findstring ',$(value $(1))),$(findstring $$,$(value $(1))),$(findstring $(newline),$(value $(1)))),\
  $(error $(1) holds a single quote, a $$ or a line break, which this Makefile cannot pass on safely; nothing was done))
endef
define newline


endef
$(foreach v,PREFIX DESTDIR BIN OUT,$(eval $(call refuse_unsafe,$(v))))

bindir = $(DESTDIR)$(PREFIX)/bin
man1dir = $(DESTDIR)$(PREFIX)/share/man/man1
bashdir = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
zshdir = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
fishdir = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

INSTALLED = '$(bindir)/social-console' '$(man1dir)/social-console.1' '$(bashdir)/social-console' \
	'$(zshdir)/_social-console' '$(fishdir)/social-console.fish'

.PHONY: all build files install uninstall check-install clean-install-files

all: build files

# SwiftPM does not know the linker reads Link/start-order.txt: a newer list removes the
# binary, so that it is linked again.
build:
	@if [ Link/start-order.txt -nt '$(BIN)/social-console' ]; then rm -f '$(BIN)/social-console'; fi
	$(SWIFT) build $(BUILD_FLAGS) --product social-console

# The man page and the completion scripts, made by the built binary from its own command
# definitions (and, for the page, the console's key table and the manual's data).
files: build
	mkdir -p '$(OUT)'
	'$(BIN)/social-console' --generate-man-page '$(MAN_DATE)' > '$(OUT)/social-console.1'
	'$(BIN)/social-console' --generate-completion-script bash > '$(OUT)/social-console.bash'
	'$(BIN)/social-console' --generate-completion-script zsh > '$(OUT)/_social-console'
	'$(BIN)/social-console' --generate-completion-script fish > '$(OUT)/social-console.fish'

install: all
	install -d '$(bindir)' '$(man1dir)' '$(bashdir)' '$(zshdir)' '$(fishdir)'
	install -m 0755 '$(BIN)/social-console' '$(bindir)/social-console'
	install -m 0644 '$(OUT)/social-console.1' '$(man1dir)/social-console.1'
	install -m 0644 '$(OUT)/social-console.bash' '$(bashdir)/social-console'
	install -m 0644 '$(OUT)/_social-console' '$(zshdir)/_social-console'
	install -m 0644 '$(OUT)/social-console.fish' '$(fishdir)/social-console.fish'

uninstall:
	rm -f $(INSTALLED)

# What a fresh machine would see: install under a temporary DESTDIR, check every file
# and the binary (Tests/install-check.sh), then uninstall and check nothing is left.
check-install: all
	@set -e; root=$$(mktemp -d); trap 'rm -rf "$$root"' EXIT; \
	$(MAKE) --no-print-directory install DESTDIR="$$root" PREFIX=/usr/local; \
	Tests/install-check.sh "$$root/usr/local"; \
	$(MAKE) --no-print-directory uninstall DESTDIR="$$root" PREFIX=/usr/local; \
	left=$$(find "$$root" -type f); \
	if [ -n "$$left" ]; then echo "make uninstall left: $$left"; exit 1; fi; \
	echo "check-install: make uninstall removed every installed file"
