#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "CertificateDeferral.h"

static int deferring;
static char *deferred_file;
static char *deferred_folder;

void journal_defer_certificates(int on) {
    deferring = on;
}

const char *journal_deferred_certificate_file(void) {
    return deferred_file;
}

const char *journal_deferred_certificate_folder(void) {
    return deferred_folder;
}

typedef int (*certificate_reader)(void *chain, const char *path);

static int remember(char **slot, const char *path) {
    free(*slot);
    *slot = path ? strdup(path) : NULL;
    /* mbedTLS answers with the number of certificates it could not parse: none. */
    return 0;
}

static int forward(const char *name, void *chain, const char *path) {
    certificate_reader real = (certificate_reader)dlsym(RTLD_NEXT, name);
    return real ? real(chain, path) : -1;
}

int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    if (deferring) return remember(&deferred_file, path);
    return forward("mbedtls_x509_crt_parse_file", chain, path);
}

int mbedtls_x509_crt_parse_path(void *chain, const char *path) {
    if (deferring) return remember(&deferred_folder, path);
    return forward("mbedtls_x509_crt_parse_path", chain, path);
}
