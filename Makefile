# Installs journal as a command-line tool: the binary, the ready hooks, the man pages and the
# shell completions, under PREFIX (default /usr/local; DESTDIR is honoured, as packagers expect).
#   make install PREFIX=~/.local
#   make uninstall PREFIX=~/.local      (removes exactly what install wrote)
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# The toolchain's own clang (beside swift) compiles the one-line object that names the commit.
CLANG ?= $(shell d=$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")") && [ -x "$$d/clang" ] && echo "$$d/clang" || echo clang)
SCRATCH ?= .build
ROOT := $(DESTDIR)$(PREFIX)
RELEASE := $(SCRATCH)/release
MANUALS := $(SCRATCH)/manuals
# What install wrote, one path a line, read by uninstall.
MANIFEST := $(ROOT)/share/journal/installed-files

# The commit `journal --version` names: HEAD's short hash, "-dirty" after it when the checkout
# has changes not committed (untracked files included); empty when this folder is not the top of
# a Git checkout (a source tarball), and then the binary says "commit unknown".
COMMIT := $(shell [ "$$(git -C '$(CURDIR)' rev-parse --show-toplevel 2>/dev/null)" = '$(CURDIR)' ] && \
	c=$$(git -C '$(CURDIR)' rev-parse --short HEAD 2>/dev/null) && \
	{ [ -z "$$(git -C '$(CURDIR)' status --porcelain 2>/dev/null)" ] && echo $$c || echo $$c-dirty; })
# The commit is linked in as an object of its own (see Sources/BuildInfo), named after it: a new
# commit relinks the binary and recompiles nothing.
ifneq ($(COMMIT),)
COMMIT_OBJECT := $(abspath $(SCRATCH))/commit-$(COMMIT).o
LINK_COMMIT := -Xlinker $(COMMIT_OBJECT)
# Man pages dated by the commit, not the day they were built.
MANUAL_DATE := --date $(shell git -C '$(CURDIR)' log -1 --format=%cs)
endif

.PHONY: all build manuals install uninstall

all: build

# The Swift runtime linked in: the binary needs no toolchain to run, nor the $ORIGIN run path
# SwiftPM adds for libraries beside it (there are none).
build: $(COMMIT_OBJECT)
	$(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath --product journal --scratch-path $(SCRATCH) $(LINK_COMMIT)

$(COMMIT_OBJECT):
	mkdir -p $(@D)
	printf 'const char journal_commit[] = "%s";\n' '$(COMMIT)' | $(CLANG) -x c -c -o $@ -

# swift-argument-parser's generate-manual tool writes journal.1 and one page per command from
# what the built binary says of itself. Built here with the same flags as journal (its plugin
# would build every product of the package again, in release mode its own way).
manuals: build
	$(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath --product generate-manual --scratch-path $(SCRATCH)
	rm -rf $(MANUALS) && mkdir -p $(MANUALS)
	$(RELEASE)/generate-manual $(RELEASE)/journal --multi-page $(MANUAL_DATE) --output-directory $(MANUALS)

install: build manuals
	install -d $(ROOT)/bin $(ROOT)/share/journal/hooks $(ROOT)/share/man/man1 \
		$(ROOT)/share/bash-completion/completions $(ROOT)/share/zsh/site-functions $(ROOT)/share/fish/vendor_completions.d
	install -m 755 $(RELEASE)/journal $(ROOT)/bin/journal
	install -m 755 hooks/* $(ROOT)/share/journal/hooks/
	install -m 644 $(MANUALS)/*.1 $(ROOT)/share/man/man1/
	$(RELEASE)/journal --generate-completion-script bash > $(ROOT)/share/bash-completion/completions/journal
	$(RELEASE)/journal --generate-completion-script zsh > $(ROOT)/share/zsh/site-functions/_journal
	$(RELEASE)/journal --generate-completion-script fish > $(ROOT)/share/fish/vendor_completions.d/journal.fish
	{ echo bin/journal; \
	  for hook in hooks/*; do echo share/journal/$$hook; done; \
	  for page in $(MANUALS)/*.1; do echo share/man/man1/$${page##*/}; done; \
	  echo share/bash-completion/completions/journal; \
	  echo share/zsh/site-functions/_journal; \
	  echo share/fish/vendor_completions.d/journal.fish; \
	  echo share/journal/installed-files; } > $(MANIFEST)

uninstall:
	@test -f $(MANIFEST) || { echo "make uninstall: nothing installed under $(ROOT) ($(MANIFEST) is missing)"; exit 1; }
	cd $(ROOT) && while read -r path; do rm -f "$$path"; done < share/journal/installed-files
	-rmdir $(ROOT)/share/journal/hooks $(ROOT)/share/journal 2>/dev/null
