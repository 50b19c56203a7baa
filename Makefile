# Installs journal as a command-line tool: the binary, the ready hooks, the man pages and the
# shell completions, under PREFIX (default /usr/local; DESTDIR is honoured, as packagers expect).
#   make install PREFIX="$HOME/.local"
#   make uninstall PREFIX="$HOME/.local" (removes exactly what install wrote)
#   make deb                            (journal_VERSION_ARCH.deb of the same install under /usr)
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
# The toolchain's own clang (beside swift) compiles the one-line object that names the commit.
CLANG ?= $(shell d=$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")") && [ -x "$$d/clang" ] && echo "$$d/clang" || echo clang)
SCRATCH ?= .build
# Where make deb writes the package, and who it names as maintainer: DEBFULLNAME and DEBEMAIL
# as Debian's own tools read them, else the author of the commit built.
DEBDIR ?= .
MAINTAINER ?= $(or $(if $(DEBEMAIL),$(DEBFULLNAME) <$(DEBEMAIL)>),$(shell git -C '$(CURDIR)' log -1 --format='%an <%ae>' 2>/dev/null),unknown <unknown@invalid>)
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

.PHONY: all build manuals install uninstall deb

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

# The same install, staged under PREFIX=/usr, packed by dpkg-deb. Depends is what
# dpkg-shlibdeps (dpkg-dev) finds the binary needs: the Debian packages of the libraries it
# links, with the least versions their symbols ask for. The version is the first word of the
# built binary's --version. Not in the package: the list make uninstall reads (dpkg keeps its
# own). Man pages are compressed, as Debian ships them; the package with xz's fastest level
# (5 s where the default takes 24 s, for a tenth more bytes).
DEBWORK := $(abspath $(SCRATCH))/deb
deb:
	rm -rf $(DEBWORK) && mkdir -p $(DEBWORK)/debian
	$(MAKE) --no-print-directory install PREFIX=/usr DESTDIR=$(DEBWORK)/debian/journal SCRATCH=$(SCRATCH)
	rm $(DEBWORK)/debian/journal/usr/share/journal/installed-files
	gzip -9n $(DEBWORK)/debian/journal/usr/share/man/man1/*.1
	printf 'Source: journal\n\nPackage: journal\nArchitecture: any\n' > $(DEBWORK)/debian/control
	set -e; cd $(DEBWORK); root=debian/journal; \
	install -d -m 755 $$root/DEBIAN; \
	version=$$($$root/usr/bin/journal --version | cut -d' ' -f1); \
	arch=$$(dpkg --print-architecture); \
	depends=$$(dpkg-shlibdeps -O -e$$root/usr/bin/journal | sed -n 's/^shlibs:Depends=//p'); \
	test -n "$$depends"; \
	{ echo "Package: journal"; \
	  echo "Version: $$version"; \
	  echo "Architecture: $$arch"; \
	  echo "Maintainer: $(MAINTAINER)"; \
	  echo "Installed-Size: $$(du -sk $$root/usr | cut -f1)"; \
	  echo "Depends: $$depends"; \
	  echo "Recommends: git"; \
	  echo "Section: utils"; \
	  echo "Priority: optional"; \
	  echo "Description: work journal: one Markdown task list per day, versioned in Git"; \
	  echo " Each day is a Markdown task list in a Git repository; every change is one commit."; \
	  echo " Unfinished tasks carry forward to the next day; journals sync between machines"; \
	  echo " through any Git remote. Built from commit $(or $(COMMIT),unknown)."; \
	} > $$root/DEBIAN/control; \
	chmod 644 $$root/DEBIAN/control; \
	dpkg-deb --root-owner-group -Zxz -z1 --build $$root "$(abspath $(DEBDIR))/journal_$${version}_$${arch}.deb"
