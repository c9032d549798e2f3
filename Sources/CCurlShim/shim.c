// See CCurlShim.h. Only what the live commands need: one request at a time per call,
// with every limit set explicitly rather than left to libcurl's defaults.
#define _GNU_SOURCE
#include "CCurlShim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libcurl's stable ABI (curl/curl.h since soname 4): option numbers are the option's
// type base (long 0, pointer 10000, function 20000, off_t 30000) plus its index.
enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_READDATA = 10009,
    OPT_ERRORBUFFER = 10010,
    OPT_WRITEFUNCTION = 20011,
    OPT_READFUNCTION = 20012,
    OPT_USERAGENT = 10018,
    OPT_HTTPHEADER = 10023,
    OPT_HEADERDATA = 10029,
    OPT_CUSTOMREQUEST = 10036,
    OPT_NOPROGRESS = 43,
    OPT_POST = 47,
    OPT_FOLLOWLOCATION = 52,
    OPT_XFERINFODATA = 10057,
    OPT_SSL_VERIFYPEER = 64,
    OPT_CAINFO = 10065,
    OPT_HEADERFUNCTION = 20079,
    OPT_HTTPGET = 80,
    OPT_SSL_VERIFYHOST = 81,
    OPT_CAPATH = 10097,
    OPT_NOSIGNAL = 99,
    OPT_MAXFILESIZE_LARGE = 30117,
    OPT_POSTFIELDSIZE_LARGE = 30120,
    OPT_TIMEOUT_MS = 155,
    OPT_CONNECTTIMEOUT_MS = 156,
    OPT_PROTOCOLS = 181,
    OPT_HEADEROPT = 229,
    OPT_XFERINFOFUNCTION = 20219,
    OPT_PROTOCOLS_STR = 10318,
};

static const struct { const char *name; long number; } shim_options[] = {
    {"WRITEDATA", OPT_WRITEDATA}, {"URL", OPT_URL}, {"READDATA", OPT_READDATA},
    {"ERRORBUFFER", OPT_ERRORBUFFER}, {"WRITEFUNCTION", OPT_WRITEFUNCTION},
    {"READFUNCTION", OPT_READFUNCTION}, {"USERAGENT", OPT_USERAGENT},
    {"HTTPHEADER", OPT_HTTPHEADER}, {"HEADERDATA", OPT_HEADERDATA},
    {"CUSTOMREQUEST", OPT_CUSTOMREQUEST}, {"NOPROGRESS", OPT_NOPROGRESS}, {"POST", OPT_POST},
    {"FOLLOWLOCATION", OPT_FOLLOWLOCATION}, {"XFERINFODATA", OPT_XFERINFODATA},
    {"SSL_VERIFYPEER", OPT_SSL_VERIFYPEER}, {"CAINFO", OPT_CAINFO},
    {"HEADERFUNCTION", OPT_HEADERFUNCTION}, {"HTTPGET", OPT_HTTPGET},
    {"SSL_VERIFYHOST", OPT_SSL_VERIFYHOST}, {"CAPATH", OPT_CAPATH}, {"NOSIGNAL", OPT_NOSIGNAL},
    {"MAXFILESIZE_LARGE", OPT_MAXFILESIZE_LARGE}, {"POSTFIELDSIZE_LARGE", OPT_POSTFIELDSIZE_LARGE},
    {"TIMEOUT_MS", OPT_TIMEOUT_MS}, {"CONNECTTIMEOUT_MS", OPT_CONNECTTIMEOUT_MS},
    {"PROTOCOLS", OPT_PROTOCOLS}, {"XFERINFOFUNCTION", OPT_XFERINFOFUNCTION},
    {"PROTOCOLS_STR", OPT_PROTOCOLS_STR}, {"HEADEROPT", OPT_HEADEROPT},
};

enum {
    CODE_OK = 0,
    CODE_UNSUPPORTED_PROTOCOL = 1,
    CODE_URL_MALFORMAT = 3,
    CODE_WRITE_ERROR = 23,
    CODE_OPERATION_TIMEDOUT = 28,
    CODE_ABORTED_BY_CALLBACK = 42,
    CODE_UNKNOWN_OPTION = 48,
    CODE_FILESIZE_EXCEEDED = 63,
};
#define INFO_RESPONSE_CODE 0x200002L
#define GLOBAL_DEFAULT 3L
#define PROTO_HTTP 1L
#define PROTO_HTTPS 2L
#define HEADER_SEPARATE 1L
#define ERROR_SIZE 256

struct slist {
    char *data;
    struct slist *next;
};

static struct {
    int (*global_init)(long);
    void *(*easy_init)(void);
    int (*easy_setopt)(void *, long, ...);
    int (*easy_perform)(void *);
    int (*easy_getinfo)(void *, long, ...);
    void (*easy_cleanup)(void *);
    struct slist *(*slist_append)(struct slist *, const char *);
    void (*slist_free_all)(struct slist *);
    const char *(*easy_strerror)(int);
    const void *(*option_by_name)(const char *);  // since 7.73; optional
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[256];
static int loaded;

static void load(void) {
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(load_error, sizeof load_error, "libcurl.so.4 cannot be loaded (%s)", dlerror());
        return;
    }
#define FIND(field, symbol)                                                                          \
    *(void **)(&curl.field) = dlsym(lib, symbol);                                                     \
    if (!curl.field) {                                                                                \
        snprintf(load_error, sizeof load_error, "libcurl.so.4 has no %s: too old", symbol);           \
        return;                                                                                       \
    }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
    FIND(easy_strerror, "curl_easy_strerror")
#undef FIND
    *(void **)(&curl.option_by_name) = dlsym(lib, "curl_easy_option_by_name");
    // Not thread-safe in older libcurl: done once, here, before any request.
    if (curl.global_init(GLOBAL_DEFAULT) != CODE_OK) {
        snprintf(load_error, sizeof load_error, "libcurl could not be initialised");
        return;
    }
    loaded = 1;
}

int sc_http_available(char *why, size_t why_length) {
    pthread_once(&load_once, load);
    if (!loaded && why && why_length) snprintf(why, why_length, "%s", load_error);
    return loaded;
}

long sc_http_option_number(const char *name) {
    if (!sc_http_available(NULL, 0) || !curl.option_by_name) return -1;
    // struct curl_easyoption { const char *name; CURLoption id; ... }
    const struct { const char *name; int id; } *option = curl.option_by_name(name);
    return option ? option->id : -1;
}

long sc_http_shim_option_number(const char *name) {
    for (size_t i = 0; i < sizeof shim_options / sizeof shim_options[0]; i++)
        if (strcmp(shim_options[i].name, name) == 0) return shim_options[i].number;
    return -1;
}

void sc_flag_set(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_SEQ_CST); }
int sc_flag_get(const int *flag) { return __atomic_load_n(flag, __ATOMIC_SEQ_CST); }

struct buffer {
    unsigned char *bytes;
    size_t length, limit;
    int too_large;
};

static int append(struct buffer *b, const void *data, size_t n) {
    if (n > b->limit - b->length) {
        b->too_large = 1;
        return 0;
    }
    unsigned char *grown = realloc(b->bytes, b->length + n + 1);
    if (!grown) return 0;
    b->bytes = grown;
    memcpy(b->bytes + b->length, data, n);
    b->length += n;
    b->bytes[b->length] = 0;
    return 1;
}

static size_t on_body(char *data, size_t size, size_t count, void *context) {
    return append(context, data, size * count) ? size * count : 0;
}

static size_t on_header(char *data, size_t size, size_t count, void *context) {
    struct buffer *b = context;
    size_t n = size * count;
    // A new status line starts a new answer (after a proxy's CONNECT or a 100 Continue):
    // keep only the last answer's headers.
    if (n >= 5 && memcmp(data, "HTTP/", 5) == 0) b->length = 0;
    return append(b, data, n) ? n : 0;
}

struct body_source {
    const unsigned char *bytes;
    size_t length, sent;
};

static size_t on_read(char *out, size_t size, size_t count, void *context) {
    struct body_source *source = context;
    size_t room = size * count, left = source->length - source->sent;
    size_t n = left < room ? left : room;
    memcpy(out, source->bytes + source->sent, n);
    source->sent += n;
    return n;
}

static int on_progress(void *context, long long dltotal, long long dlnow, long long ultotal, long long ulnow) {
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    const int *cancel = context;
    return cancel && sc_flag_get(cancel) ? 1 : 0;
}

static void fail(sc_http_response *response, int failure, int code, const char *message) {
    response->failure = failure;
    response->curl_code = code;
    snprintf(response->message, sizeof response->message, "%s", message);
}

void sc_http_perform(const sc_http_request *request, sc_http_response *response) {
    memset(response, 0, sizeof *response);
    char why[256] = "";
    if (!sc_http_available(why, sizeof why)) return fail(response, SC_HTTP_NO_LIBRARY, 0, why);
    void *easy = curl.easy_init();
    if (!easy) return fail(response, SC_HTTP_REFUSED, 0, "libcurl could not start a request");

    char error_text[ERROR_SIZE] = "";
    struct buffer body = {NULL, 0, request->max_response_bytes, 0};
    struct buffer headers = {NULL, 0, SC_HTTP_HEADER_LIMIT, 0};
    struct body_source source = {request->body, request->body_length, 0};
    struct slist *list = NULL;
    int code = CODE_OK;
#define SET(option, value)                                                                           \
    if (code == CODE_OK) code = curl.easy_setopt(easy, option, value)
    SET(OPT_ERRORBUFFER, error_text);
    SET(OPT_URL, request->url);
    // Only https (and http where the caller allows it: loopback); never a redirect.
    int protocols = curl.easy_setopt(easy, OPT_PROTOCOLS_STR, request->allow_http ? "http,https" : "https");
    if (protocols == CODE_UNKNOWN_OPTION)  // libcurl before 7.85
        protocols = curl.easy_setopt(easy, OPT_PROTOCOLS, request->allow_http ? PROTO_HTTP | PROTO_HTTPS : PROTO_HTTPS);
    if (code == CODE_OK) code = protocols;
    SET(OPT_FOLLOWLOCATION, 0L);
    SET(OPT_SSL_VERIFYPEER, 1L);
    SET(OPT_SSL_VERIFYHOST, 2L);
    if (request->ca_file) SET(OPT_CAINFO, request->ca_file);
    if (request->ca_path) SET(OPT_CAPATH, request->ca_path);
    // Threads: no signals for DNS timeouts.
    SET(OPT_NOSIGNAL, 1L);
    SET(OPT_CONNECTTIMEOUT_MS, request->connect_timeout_ms);
    SET(OPT_TIMEOUT_MS, request->total_timeout_ms);
    SET(OPT_MAXFILESIZE_LARGE, (long long)request->max_response_bytes);
    SET(OPT_USERAGENT, request->user_agent);
    SET(OPT_WRITEFUNCTION, on_body);
    SET(OPT_WRITEDATA, &body);
    SET(OPT_HEADERFUNCTION, on_header);
    SET(OPT_HEADERDATA, &headers);
    SET(OPT_NOPROGRESS, 0L);
    SET(OPT_XFERINFOFUNCTION, on_progress);
    SET(OPT_XFERINFODATA, (void *)request->cancel);
    if (strcmp(request->method, "GET") == 0) {
        SET(OPT_HTTPGET, 1L);
    } else {
        SET(OPT_POST, 1L);
        SET(OPT_READFUNCTION, on_read);
        SET(OPT_READDATA, &source);
        SET(OPT_POSTFIELDSIZE_LARGE, (long long)request->body_length);
        if (strcmp(request->method, "POST") != 0) SET(OPT_CUSTOMREQUEST, request->method);
    }
    for (int i = 0; i < request->header_count && code == CODE_OK; i++) {
        struct slist *grown = curl.slist_append(list, request->headers[i]);
        if (!grown) code = CODE_WRITE_ERROR;
        else list = grown;
    }
    // No "Expect: 100-continue" round trip before a body.
    if (code == CODE_OK && request->body) {
        struct slist *grown = curl.slist_append(list, "Expect:");
        if (grown) list = grown;
    }
    SET(OPT_HTTPHEADER, list);
    // Those header lines (the key) go to the server only, never to a proxy in its CONNECT:
    // libcurl's default since 7.42.1, set here as every other limit is.
    SET(OPT_HEADEROPT, HEADER_SEPARATE);
#undef SET
    if (code != CODE_OK) {
        fail(response, SC_HTTP_REFUSED, code, curl.easy_strerror(code));
    } else {
        code = curl.easy_perform(easy);
        long status = 0;
        curl.easy_getinfo(easy, INFO_RESPONSE_CODE, &status);
        response->status = status;
        if (code == CODE_OK) {
            response->body = body.bytes, response->body_length = body.length;
            response->headers = (char *)headers.bytes, response->headers_length = headers.length;
            body.bytes = NULL, headers.bytes = NULL;
        } else {
            const char *text = error_text[0] ? error_text : curl.easy_strerror(code);
            int failure = SC_HTTP_UNREACHABLE;
            if (code == CODE_OPERATION_TIMEDOUT) failure = SC_HTTP_TIMEOUT;
            else if (code == CODE_FILESIZE_EXCEEDED || body.too_large) failure = SC_HTTP_TOO_LARGE;
            // A server sending header lines without end is no unreachable one.
            else if (headers.too_large) failure = SC_HTTP_HEADERS_TOO_LARGE;
            else if (code == CODE_ABORTED_BY_CALLBACK && request->cancel && sc_flag_get(request->cancel)) failure = SC_HTTP_CANCELLED;
            else if (code == CODE_UNSUPPORTED_PROTOCOL || code == CODE_URL_MALFORMAT) failure = SC_HTTP_REFUSED;
            fail(response, failure, code, text);
        }
    }
    // The header lines may hold the key (Authorization): wiped before they are freed.
    for (struct slist *item = list; item; item = item->next)
        if (item->data) explicit_bzero(item->data, strlen(item->data));
    curl.slist_free_all(list);
    curl.easy_cleanup(easy);
    free(body.bytes);
    free(headers.bytes);
}

void sc_http_response_free(sc_http_response *response) {
    free(response->body);
    free(response->headers);
    response->body = NULL;
    response->headers = NULL;
}
