// The HTTP client of the live commands: the system's libcurl, loaded at run time with
// dlopen, so the program builds without curl's headers and starts without libcurl (only
// `pull`, `push` and `verify` need it). The option numbers are those of libcurl's stable
// ABI (soname 4); `sc_http_option_number` reads them back from the loaded library's own
// table, so a test can check every number used here.
#ifndef CCURLSHIM_H
#define CCURLSHIM_H

#include <stddef.h>

/// What went wrong below HTTP; `SC_HTTP_OK` when an answer (any status) arrived.
enum sc_http_failure {
    SC_HTTP_OK = 0,
    /// libcurl.so.4 could not be loaded, or lacks a function used here.
    SC_HTTP_NO_LIBRARY = 1,
    /// DNS, connect, TLS, proxy, or the connection broke.
    SC_HTTP_UNREACHABLE = 2,
    SC_HTTP_TIMEOUT = 3,
    /// The answer was larger than `max_response_bytes`; it was cut off and dropped.
    SC_HTTP_TOO_LARGE = 4,
    SC_HTTP_CANCELLED = 5,
    /// libcurl refused an option or the request (e.g. a scheme not allowed).
    SC_HTTP_REFUSED = 6,
    /// The answer's header lines passed `SC_HTTP_HEADER_LIMIT` bytes; it was dropped.
    SC_HTTP_HEADERS_TOO_LARGE = 7,
};

/// How many bytes of header lines an answer may have (real ones have a few hundred).
#define SC_HTTP_HEADER_LIMIT 65536

typedef struct sc_http_request {
    const char *method;  // "GET", "POST" or "PATCH"
    const char *url;
    const char *const *headers;  // "Name: value" lines
    int header_count;
    /// Sent through a read callback straight from this buffer, which the caller owns and
    /// wipes: no copy of a body holding a secret outlives the request.
    const unsigned char *body;
    size_t body_length;
    /// 1: http is allowed besides https (the caller allows it for loopback hosts only).
    int allow_http;
    long connect_timeout_ms;
    long total_timeout_ms;
    size_t max_response_bytes;
    const char *ca_file;  // NULL: libcurl's default CA store
    const char *ca_path;  // NULL: none
    const char *user_agent;
    /// Checked while the request runs; non-zero ends it (SC_HTTP_CANCELLED).
    const int *cancel;
} sc_http_request;

typedef struct sc_http_response {
    long status;
    unsigned char *body;  // malloc'd; sc_http_response_free
    size_t body_length;
    char *headers;  // the last answer's header lines, malloc'd
    size_t headers_length;
    int failure;  // enum sc_http_failure
    int curl_code;
    char message[256];
} sc_http_response;

/// 1 when libcurl is loaded and usable; else 0 and why in `why`.
int sc_http_available(char *why, size_t why_length);

/// Runs one request (blocking; safe on several threads at once). Always fills `response`.
void sc_http_perform(const sc_http_request *request, sc_http_response *response);

void sc_http_response_free(sc_http_response *response);

/// The loaded library's number for an option name (without CURLOPT_), or -1.
long sc_http_option_number(const char *name);
/// The number this shim uses for an option name (without CURLOPT_), or -1.
long sc_http_shim_option_number(const char *name);

/// Cancellation flags, set and read atomically from any thread.
void sc_flag_set(int *flag, int value);
int sc_flag_get(const int *flag);

#endif
