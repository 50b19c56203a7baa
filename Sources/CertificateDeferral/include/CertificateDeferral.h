#ifndef JOURNAL_CERTIFICATE_DEFERRAL_H
#define JOURNAL_CERTIFICATE_DEFERRAL_H

/* Debian's libgit2 is built with mbedTLS, whose initialisation parses the whole system
   certificate bundle (about 9 ms) in every process, though only an HTTPS transfer needs it.
   This target defines the two mbedTLS functions that read certificates; defined in the
   executable, they are bound before libmbedx509's. While deferring (around git_libgit2_init)
   they only remember where the certificates are; otherwise they forward to mbedTLS's own. */

/* Around git_libgit2_init: 1 before, 0 after. */
void journal_defer_certificates(int deferring);

/* The bundle file and folder libgit2 asked for while deferring (NULL when it asked for none). */
const char *journal_deferred_certificate_file(void);
const char *journal_deferred_certificate_folder(void);

#endif
