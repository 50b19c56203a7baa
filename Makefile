# Installs journal as a command-line tool: the binary, the ready hooks, the man pages and the
# shell completions, under PREFIX (default /usr/local; DESTDIR is honoured, as packagers expect).
#   make install PREFIX=~/.local
#   make uninstall PREFIX=~/.local      (removes exactly what install wrote)
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build
ROOT := $(DESTDIR)$(PREFIX)
RELEASE := $(SCRATCH)/release
MANUALS := $(SCRATCH)/plugins/GenerateManual/outputs/journal
# What install wrote, one path a line, read by uninstall.
MANIFEST := $(ROOT)/share/journal/installed-files

.PHONY: all build manuals install uninstall

all: build

# The Swift runtime linked in: the binary needs no toolchain to run.
build:
	$(SWIFT) build -c release --static-swift-stdlib --product journal --scratch-path $(SCRATCH)

# swift-argument-parser's plugin writes journal.1 and one page per command. It builds the
# package in release mode its own way, so the binary is built again after it.
manuals:
	$(SWIFT) package --scratch-path $(SCRATCH) plugin --allow-writing-to-package-directory generate-manual --multi-page

install: manuals
	$(MAKE) build
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
