/*
 * articlekit._speedups: the fast YAML path's line loop, in C.
 *
 * parse_subset(text, max_depth, key_info, key_info_of, scalar, flow, max_len, typed)
 * set_fallback(cls)
 * index_of(mappings, special, typed_texts)
 *
 * parse_subset is src/articlekit/_speedups_py.py's parse_subset, line for line, for
 * texts the caller has already found small enough that no length or
 * key-count limit can be reached:
 *   - text: the front matter (str);
 *   - max_depth: how many collections may be open at once (limits.max_depth - 2);
 *   - key_info: a dict from a key to its info (fastyaml._key_info), read first;
 *   - key_info_of: key_info_of(key) -> int, for a key the dict does not hold
 *     (fastyaml._key_info_of): -1 when the plain key resolves to other than
 *     text, else what the rules' index does with its value;
 *   - scalar, flow: scalar(rest, max_len) and flow(rest, max_len), which read
 *     every scalar (flow collection) the loop does not build itself, exactly
 *     as the pure-Python parser does;
 *   - max_len: limits.max_string_length, passed on to scalar and flow;
 *   - typed (may be left out): a list, or None.  A list is passed on to scalar and
 *     flow as a third argument (scalar(rest, max_len, typed)), and the loop
 *     appends to it the text of every yes, no, on or off (in any of their
 *     spellings) that it reads itself as a boolean, and of every float it
 *     reads itself (4.632458: simple_float); the callbacks append the
 *     texts of the other plain scalars they read as booleans or as numbers
 *     not written as decimal integers.  Every plain scalar that YAML 1.1 may
 *     read as other than it looks (the rules' AK211) is among them
 *     (tests/test_fastyaml_typed.py).
 * It answers:
 *   - None: the text holds a character the fast path does not take (the
 *     caller then uses the full loader), or no mapping at all;
 *   - (root, mappings, special), exactly what the Python twin answers;
 *   - or raises the class given to set_fallback() (fastyaml.Fallback: "use
 *     the full loader"), or whatever a callback raised.
 *
 * It builds the common values itself (plain text, double-quoted text without
 * escapes, YAML 1.1 booleans and nulls, decimal integers, UTC timestamps
 * written 2020-08-11T13:41:00Z, floats written 4.632458 (simple_float), whose
 * texts go to `typed` as fastyaml._typed lists them), cuts trailing comments, joins plain scalars
 * continued on the next lines, reads block scalars (block_scalar) and lists the
 * mappings of flow collections (nested), and hands every other scalar to
 * `scalar` and `flow`.  Keys may hold spaces and punctuation, or be quoted.
 * tests/test_speedups.py and tests/test_fastyaml_constructs.py prove the two
 * parsers give the same answer.
 *
 * index_of is articlekit._dataindex.index_of (which _speedups_py.index_of calls)
 * for what parse_subset answered: the rules' DataIndex of the data, made
 * without running the index's own __init__.
 *
 * The module uses multi-phase initialisation and keeps everything it holds
 * (the fallback class, the table of keys seen, the DataIndex class) in its
 * module state, which is released with the module.  It declares that it does
 * not need the GIL: on a free-threaded CPython the table of keys is guarded by
 * a mutex, the DataIndex class and its attribute names are only read after the
 * module is set up, and nothing else is shared between calls.
 *
 * The text is read as UTF-8 (for ASCII text CPython hands out its own
 * buffer); every byte the loop looks at is ASCII, and UTF-8 never uses ASCII
 * bytes inside a multi-byte character, so cutting at those bytes is safe.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <stdint.h>
#include <string.h>
#ifdef Py_T_OBJECT_EX /* (3.12 on) */
#define MEMBER_OBJECT_EX Py_T_OBJECT_EX
#define MEMBER_READONLY Py_READONLY
#else
#include <structmember.h>
#define MEMBER_OBJECT_EX T_OBJECT_EX
#define MEMBER_READONLY READONLY
#endif

enum { K_MAP = 0, K_SEQ = 1 };

typedef struct {
    Py_ssize_t indent;
    int kind;
    PyObject *container; /* borrowed: held by its parent, or by root */
    PyObject *path;      /* owned */
} Frame;

/* Keys repeat from file to file: a small table from a key's bytes to its str (hash computed
 * once) and its info.  A key's info depends on the key_info dict and the key_info_of function
 * of the call that found it, so the table belongs to one such pair at a time (held in
 * `owner_dict` and `owner_fn`): a call with another pair empties it first (fastyaml always
 * passes its own pair, which always gives a key the same info).  A key whose slots are all
 * taken replaces the key in its first slot, so a file of many odd keys cannot leave the table
 * useless for the files after it. */
#define KEY_SLOTS 1024

/* The attributes index_of sets on a DataIndex, in this order. */
enum { I_KEYS, I_URLS, I_DATES, I_IMAGES, I_OWNERS, I_TYPED, N_INDEX_NAMES };
static const char *const index_names[N_INDEX_NAMES] = {"keys", "urls", "dates", "images", "owners", "typed_texts"};
/* _dataindex's key kinds (URL, IMAGES, OWNER, DATE) */
enum { KIND_URL = 1, KIND_IMAGES = 2, KIND_OWNER = 3, KIND_DATE = 4 };
typedef struct {
    PyObject *key; /* owned; NULL: empty slot */
    long info;
} KeySlot;

typedef struct {
    PyObject *fallback;       /* set_fallback()'s class, or NULL */
    PyDateTime_CAPI *datetime; /* the datetime module's C API (lives as long as the process) */
    PyObject *owner_dict;     /* the key_info the table was filled from, or NULL */
    PyObject *owner_fn;       /* the key_info_of the table was filled from, or NULL */
    unsigned long generation; /* bumped whenever the table is emptied */
    PyObject *index_class;          /* articlekit._dataindex.DataIndex, for index_of */
    PyObject *names[N_INDEX_NAMES]; /* its attribute names (interned) */
    Py_ssize_t offsets[N_INDEX_NAMES]; /* where its __slots__ hold them (0: set by name) */
#ifdef Py_GIL_DISABLED
    PyMutex lock; /* guards everything above and `slots` */
#endif
    KeySlot slots[KEY_SLOTS];
} State;

#ifdef Py_GIL_DISABLED
#define LOCK(st) PyMutex_Lock(&(st)->lock)
#define UNLOCK(st) PyMutex_Unlock(&(st)->lock)
#else
#define LOCK(st) ((void)(st))
#define UNLOCK(st) ((void)(st))
#endif

static State *
state_of(PyObject *module)
{
    return (State *)PyModule_GetState(module);
}

/* Character classes of _speedups_py.py (first characters of a scalar, characters of a key):
 * bits of a table filled at import (fill_key_chars). */
enum { C_MAYBE_TYPED = 1, C_WORD_LETTER = 2, C_INDICATOR = 4 };
static unsigned char char_classes[256];
static const char maybe_typed_chars[] = "yYnNtTfFoO-+0123456789.<~="; /* _MAYBE_TYPED */
static const char word_letter_chars[] = "yYnNtTfFoO";                 /* _WORD_LETTERS */
static const char indicator_chars[] = "-?:,[]{}#&*!|>'\"%@`";         /* _INDICATORS */
#define MAYBE_TYPED(c) (char_classes[(unsigned char)(c)] & C_MAYBE_TYPED)
#define WORD_LETTER(c) (char_classes[(unsigned char)(c)] & C_WORD_LETTER)
#define INDICATOR(c) (char_classes[(unsigned char)(c)] & C_INDICATOR)

static int
key_start(unsigned char c) /* [A-Za-z0-9_] */
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* _speedups_py._KEY_CHAR: printable ASCII but space " # ' , : [ ] { } \\ (a table, filled at import) */
static unsigned char key_chars[256];
/* a key character or a space (_speedups_py._KEY_BODY) */
static unsigned char key_body_chars[256];

static void
fill_key_chars(void)
{
    int c;
    const char *q;
    for (c = '!'; c < 0x7f; c++) key_chars[c] = strchr("\"#',:[]{}\\", c) == NULL;
    for (c = 0; c < 256; c++) key_body_chars[c] = key_chars[c] || c == ' ';
    for (q = maybe_typed_chars; *q; q++) char_classes[(unsigned char)*q] |= C_MAYBE_TYPED;
    for (q = word_letter_chars; *q; q++) char_classes[(unsigned char)*q] |= C_WORD_LETTER;
    for (q = indicator_chars; *q; q++) char_classes[(unsigned char)*q] |= C_INDICATOR;
}

#define key_char(c) (key_chars[(unsigned char)(c)])

/* Whether the byte p[i] of the UTF-8 text p[0:n] may be part of a character the fast path
 * takes (see holdable); it looks at the bytes after it, never before. */
static int
holdable_at(const unsigned char *p, Py_ssize_t i, Py_ssize_t n)
{
    unsigned char b = p[i];
    if (b >= 0x20 && b < 0x7f) return 1;
    if (b == '\n') return 1;
    if (b == '\r') return i + 1 < n && p[i + 1] == '\n';
    if (b < 0x80) return 0; /* a control character, a tab, DEL */
    if (b == 0xC2) return !(i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F); /* U+0080..U+009F */
    if (b == 0xE2) return !(i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9));
    if (b == 0xEF)
        return !(i + 2 < n && ((p[i + 1] == 0xBB && p[i + 2] == 0xBF) ||
                               (p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF))));
    return 1; /* another lead byte, or a continuation byte */
}

/* Eight bytes at once (bit twiddling): some byte is below 0x20 / above 0x7e (exact for "some"). */
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
#define SOME_BELOW_20(w) (((w) - ONES * 0x20) & ~(w) & HIGHS)
#define SOME_ABOVE_7E(w) ((((w) + ONES * (127 - 0x7e)) | (w)) & HIGHS)

/* Whether every character of the UTF-8 text is one the fast path takes: _speedups_py._OUTSIDE
 * matches none of them once "\r\n" is read as "\n" (a lone CR is refused).  Runs of eight
 * printable ASCII bytes (most of any text) are passed over at once. */
static int
holdable(const unsigned char *p, Py_ssize_t n)
{
    Py_ssize_t i = 0, j;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (!(SOME_BELOW_20(w) | SOME_ABOVE_7E(w))) continue;
        for (j = i; j < i + 8; j++) /* (most often a line break among printable ASCII) */
            if ((unsigned char)(p[j] - 0x20) >= 0x5f && p[j] != '\n' && !holdable_at(p, j, n)) return 0;
    }
    for (; i < n; i++)
        if (!holdable_at(p, i, n)) return 0;
    return 1;
}

/* The str of the UTF-8 bytes p[0:n].  When the whole text is ASCII (`ascii`), so are they: the
 * str is made and its bytes copied, without decoding (one character: CPython's own, as the
 * decoder gives it). */
static PyObject *
text_of(const unsigned char *p, Py_ssize_t n, int ascii)
{
    PyObject *s;
    if (!ascii || n < 2) return PyUnicode_DecodeUTF8((const char *)p, n, "strict");
    s = PyUnicode_New(n, 127);
    if (s != NULL) memcpy(PyUnicode_1BYTE_DATA(s), p, (size_t)n);
    return s;
}

/* _speedups_py._WORDS: a new reference to True, False or None, or NULL (not a word; no error set). */
static PyObject *
word_value(const unsigned char *p, Py_ssize_t n)
{
    /* by length: each word, then its value ('t' True, 'f' False, 'n' None) */
    static const char *const words[6] = {
        "",
        "~n",
        "ontOntONtnofNofNOf",
        "yestYestYEStofffOfffOFFf",
        "truetTruetTRUEtnullnNullnNULLn",
        "falsefFalsefFALSEf",
    };
    const char *w;
    if (n < 1 || n > 5) return NULL;
    for (w = words[n]; *w; w += n + 1) {
        if (memcmp(w, p, (size_t)n) != 0) continue;
        if (w[n] == 't') Py_RETURN_TRUE;
        if (w[n] == 'f') Py_RETURN_FALSE;
        Py_RETURN_NONE;
    }
    return NULL;
}

/* _speedups_py._DECIMAL: [1-9][0-9]{0,17}|0 */
static int
is_decimal(const unsigned char *p, Py_ssize_t n)
{
    Py_ssize_t i;
    if (n == 1 && p[0] == '0') return 1;
    if (n < 1 || n > 18 || p[0] < '1' || p[0] > '9') return 0;
    for (i = 1; i < n; i++)
        if (p[i] < '0' || p[i] > '9') return 0;
    return 1;
}

/* fastyaml._MAX_TYPED: longer numbers are left to Python (which leaves them to the full loader) */
#define MAX_TYPED 64

static Py_ssize_t
digit_run(const unsigned char *p, Py_ssize_t i, Py_ssize_t n)
{
    while (i < n && p[i] >= '0' && p[i] <= '9') i++;
    return i;
}

/* _speedups_py._SIMPLE_FLOAT: [-+]?[0-9]+\.[0-9]*([eE][-+][0-9]+)?, at most MAX_TYPED bytes: a
 * float YAML 1.1 reads as float(text) (no "_", no ":", no .inf or .nan).  A new float, or NULL
 * with no error set (not of that form: the caller asks Python), or NULL with an error set. */
static PyObject *
simple_float(const unsigned char *p, Py_ssize_t n)
{
    char buf[MAX_TYPED + 1], *end;
    Py_ssize_t i = 0, j;
    double d;
    if (n > MAX_TYPED || n < 2) return NULL;
    if (p[0] == '-' || p[0] == '+') i = 1;
    j = digit_run(p, i, n);
    if (j == i || j >= n || p[j] != '.') return NULL;
    i = digit_run(p, j + 1, n);
    if (i < n) { /* an exponent: e or E, a sign, digits, and the end */
        if ((p[i] != 'e' && p[i] != 'E') || i + 2 >= n || (p[i + 1] != '-' && p[i + 1] != '+')) return NULL;
        if (digit_run(p, i + 2, n) != n) return NULL;
    }
    memcpy(buf, p, (size_t)n);
    buf[n] = '\0';
    /* what float(text) does with such a text (no spaces, no underscores): overflow gives inf */
    d = PyOS_string_to_double(buf, &end, NULL);
    if (d == -1.0 && PyErr_Occurred()) return NULL;
    if (end != buf + n) return NULL; /* (cannot happen: the form is a float's) */
    return PyFloat_FromDouble(d);
}

static int
digits(const unsigned char *p, int n, int *out)
{
    int i, v = 0;
    for (i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return 1;
}

/* fastyaml._STAMP: YYYY-MM-DDTHH:MM:SSZ as an aware UTC datetime.  NULL with no error set when
 * the text is not of that form or the date does not exist (the caller then asks Python); NULL
 * with an error set for any other failure (no memory). */
static PyObject *
utc_stamp(const PyDateTime_CAPI *api, const unsigned char *p, Py_ssize_t n)
{
    int y, mo, d, h, mi, s;
    PyObject *value;
    if (n != 20 || p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':' ||
        p[19] != 'Z')
        return NULL;
    if (!digits(p, 4, &y) || !digits(p + 5, 2, &mo) || !digits(p + 8, 2, &d) ||
        !digits(p + 11, 2, &h) || !digits(p + 14, 2, &mi) || !digits(p + 17, 2, &s))
        return NULL;
    value = api->DateTime_FromDateAndTime(y, mo, d, h, mi, s, 0, api->TimeZone_UTC, api->DateTimeType);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_ValueError))
        PyErr_Clear(); /* a date that does not exist: Python reports it */
    return value;
}

static int
has_pair(const unsigned char *p, Py_ssize_t n, unsigned char a, unsigned char b)
{
    Py_ssize_t i;
    for (i = 0; i + 1 < n; i++)
        if (p[i] == a && p[i + 1] == b) return 1;
    return 0;
}

/* What one call of parse_subset reads: its callbacks, and what it took from the module. */
typedef struct {
    State *st;
    PyObject *fallback; /* owned for the call */
    PyObject *key_info, *key_info_of, *scalar, *flow, *max_len;
    PyObject *mappings; /* the call's list of mappings (borrowed) */
    PyObject *typed;    /* the call's list of typed scalars' texts (borrowed), or NULL */
    Py_ssize_t max_len_value; /* max_len as a number (-1: not one; scalar decides) */
    int ascii;                /* whether the text is ASCII (text_of) */
} Call;

/* A plain scalar's text (its comment cut), unless it holds ": " or ends with ":" (then: fallback). */
static PyObject *
plain_text(const Call *c, const unsigned char *v, Py_ssize_t n)
{
    if (v[n - 1] == ':' || has_pair(v, n, ':', ' ')) {
        PyErr_SetNone(c->fallback);
        return NULL;
    }
    return text_of(v, n, c->ascii);
}

/* fn(text, max_len), or fn(text, max_len, typed) when the call has a `typed` list. */
static PyObject *
call_text(const Call *c, PyObject *fn, PyObject *text)
{
    return PyObject_CallFunctionObjArgs(fn, text, c->max_len, c->typed, NULL); /* NULL typed ends the args */
}

static PyObject *
call_back(const Call *c, PyObject *fn, const unsigned char *rest, Py_ssize_t n)
{
    PyObject *text = text_of(rest, n, c->ascii), *value;
    if (text == NULL) return NULL;
    value = call_text(c, fn, text);
    Py_DECREF(text);
    return value;
}

/* _speedups_py._nested: list the mappings of the flow collection `value` (a list or dict) in
 * `mappings`; `room`: how many collections may still open, `value` included.  0, or -1 with an
 * error set (the fallback when too deep). */
static int
nested(const Call *c, PyObject *value, PyObject *mappings, Py_ssize_t room)
{
    Py_ssize_t i = 0, n;
    PyObject *k, *item;
    if (room < 1) {
        PyErr_SetNone(c->fallback);
        return -1;
    }
    if (PyDict_CheckExact(value)) {
        if (PyList_Append(mappings, value) < 0) return -1;
        while (PyDict_Next(value, &i, &k, &item))
            if ((PyDict_CheckExact(item) || PyList_CheckExact(item)) && nested(c, item, mappings, room - 1) < 0)
                return -1;
        return 0;
    }
    if (!PyList_CheckExact(value)) return 0;
    n = PyList_GET_SIZE(value);
    for (i = 0; i < n; i++) {
        item = PyList_GET_ITEM(value, i);
        if ((PyDict_CheckExact(item) || PyList_CheckExact(item)) && nested(c, item, mappings, room - 1) < 0)
            return -1;
    }
    return 0;
}

/* flow(rest, max_len), and its mappings listed (`room` as for `nested`). */
static PyObject *
flow_value(const Call *c, const unsigned char *rest, Py_ssize_t n, Py_ssize_t room)
{
    PyObject *value = call_back(c, c->flow, rest, n);
    if (value == NULL) return NULL;
    if (((PyList_CheckExact(value) && PyList_GET_SIZE(value) > 0) ||
         (PyDict_CheckExact(value) && PyDict_GET_SIZE(value) > 0)) &&
        nested(c, value, c->mappings, room) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

static int
hex_value(const unsigned char *p, int digits, unsigned long *out)
{
    unsigned long v = 0;
    int i;
    for (i = 0; i < digits; i++) {
        unsigned char h = p[i];
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0) return 0;
        v = v * 16 + (unsigned long)d;
    }
    *out = v;
    return 1;
}

/* fastyaml._scalar for a double-quoted scalar with escapes (rest[0:n], rest[0] == '"'): the
 * text, when rest is what fastyaml._DQ_LINE reads (the quoted text, then spaces, or spaces and a
 * comment) and its escapes all stand for characters that may be held (fastyaml._unescape), and
 * it is at most max_len characters long.  Otherwise NULL with no error set (the caller then asks
 * fastyaml._scalar, which decides), or NULL with an error set (no memory). */
static PyObject *
escaped_text(const unsigned char *rest, Py_ssize_t n, Py_ssize_t max_len)
{
    /* every escape but \L and \P (2 bytes, 3 in UTF-8) is at most as long as its UTF-8 */
    unsigned char *out = PyMem_Malloc((size_t)n + (size_t)n / 2 + 4), *o;
    Py_ssize_t i = 1, chars = 0, j;
    PyObject *value = NULL;
    if (out == NULL) return PyErr_NoMemory();
    o = out;
    while (i < n && rest[i] != '"') {
        unsigned long code;
        unsigned char b = rest[i];
        if (b != '\\') {
            *o++ = b;
            chars += (b & 0xC0) != 0x80; /* not a continuation byte: a character starts */
            i++;
            continue;
        }
        if (i + 1 >= n) goto done;
        switch (rest[i + 1]) {
        case '0': code = 0x00; break;
        case 'a': code = 0x07; break;
        case 'b': code = 0x08; break;
        case 't': code = 0x09; break;
        case 'n': code = 0x0A; break;
        case 'v': code = 0x0B; break;
        case 'f': code = 0x0C; break;
        case 'r': code = 0x0D; break;
        case 'e': code = 0x1B; break;
        case ' ': code = 0x20; break;
        case '"': code = 0x22; break;
        case '/': code = 0x2F; break;
        case '\\': code = 0x5C; break;
        case 'N': code = 0x85; break;
        case '_': code = 0xA0; break;
        case 'L': code = 0x2028; break;
        case 'P': code = 0x2029; break;
        case 'x':
        case 'u':
        case 'U': {
            int digits = rest[i + 1] == 'x' ? 2 : rest[i + 1] == 'u' ? 4 : 8;
            if (i + 2 + digits > n || !hex_value(rest + i + 2, digits, &code)) goto done;
            if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) goto done; /* libyaml refuses these */
            i += digits;
            break;
        }
        default: goto done;
        }
        i += 2;
        chars++;
        if (code < 0x80) *o++ = (unsigned char)code;
        else if (code < 0x800) {
            *o++ = (unsigned char)(0xC0 | (code >> 6));
            *o++ = (unsigned char)(0x80 | (code & 0x3F));
        }
        else if (code < 0x10000) {
            *o++ = (unsigned char)(0xE0 | (code >> 12));
            *o++ = (unsigned char)(0x80 | ((code >> 6) & 0x3F));
            *o++ = (unsigned char)(0x80 | (code & 0x3F));
        }
        else {
            *o++ = (unsigned char)(0xF0 | (code >> 18));
            *o++ = (unsigned char)(0x80 | ((code >> 12) & 0x3F));
            *o++ = (unsigned char)(0x80 | ((code >> 6) & 0x3F));
            *o++ = (unsigned char)(0x80 | (code & 0x3F));
        }
    }
    if (i >= n || chars > max_len) goto done; /* no closing quote; too long */
    /* after the closing quote: spaces only, or spaces and a comment */
    for (j = i + 1; j < n && rest[j] == ' '; j++)
        ;
    if (j < n && (rest[j] != '#' || j == i + 1)) goto done;
    value = PyUnicode_DecodeUTF8((const char *)out, o - out, "strict");
done:
    PyMem_Free(out);
    return value;
}

/* `value` (a new reference), once the text rest[0:m] that gave it is appended to the call's
 * list of typed scalars (when it has one); NULL, with `value` released, when that fails. */
static PyObject *
listed(const Call *c, const unsigned char *rest, Py_ssize_t m, PyObject *value)
{
    PyObject *text;
    if (c->typed == NULL) return value;
    text = text_of(rest, m, c->ascii);
    if (text == NULL || PyList_Append(c->typed, text) < 0) {
        Py_XDECREF(text);
        Py_DECREF(value);
        return NULL;
    }
    Py_DECREF(text);
    return value;
}

/* The value of a one-line scalar (or flow collection) written as `rest` (n > 0, rest[0] != ' '):
 * what fastyaml gives for it after "key: " or after "- ". */
static PyObject *
value_of(const Call *c, const unsigned char *rest, Py_ssize_t n, Py_ssize_t room)
{
    unsigned char first = rest[0];
    Py_ssize_t m = n;
    PyObject *value;
    while (m > 0 && rest[m - 1] == ' ') m--; /* rest.rstrip(" ") */
    if (first != '"' && first != '\'' && first != '[' && first != '{' && m > 1) {
        /* a comment: the text before the first " #", rstripped (rest[0] is not a space) */
        const unsigned char *h = memchr(rest + 1, '#', (size_t)(m - 1));
        while (h != NULL && h[-1] != ' ') h = memchr(h + 1, '#', (size_t)(rest + m - h - 1));
        if (h != NULL) {
            m = h - 1 - rest;
            while (rest[m - 1] == ' ') m--;
        }
    }
    if (first == '"') {
        if (m >= 2 && rest[m - 1] == '"' && memchr(rest + 1, '\\', m - 2) == NULL &&
            memchr(rest + 1, '"', m - 2) == NULL)
            return text_of(rest + 1, m - 2, c->ascii);
        if (c->max_len_value >= 0) {
            value = escaped_text(rest, n, c->max_len_value);
            if (value != NULL || PyErr_Occurred()) return value;
        }
        return call_back(c, c->scalar, rest, n);
    }
    if (!MAYBE_TYPED(first)) {
        if (INDICATOR(first)) {
            if ((first == '[' || first == '{') && room > 0) return flow_value(c, rest, n, room);
            return call_back(c, c->scalar, rest, n);
        }
        return plain_text(c, rest, m);
    }
    value = word_value(rest, m);
    if (value != NULL) {
        /* a boolean of fewer than 4 letters is a yes, no, on or off (true and false have 4 and 5) */
        if (m < 4 && PyBool_Check(value)) return listed(c, rest, m, value);
        return value;
    }
    if (is_decimal(rest, m)) {
        long long number = 0;
        Py_ssize_t i;
        for (i = 0; i < m; i++) number = number * 10 + (rest[i] - '0'); /* at most 18 digits */
        return PyLong_FromLongLong(number);
    }
    if (WORD_LETTER(first)) return plain_text(c, rest, m);
    value = utc_stamp(c->st->datetime, rest, m);
    if (value != NULL || PyErr_Occurred()) return value;
    if (c->max_len_value >= 0 && m <= c->max_len_value) {
        value = simple_float(rest, m); /* "4.632458": what fastyaml._typed reads, and lists */
        if (value != NULL) return listed(c, rest, m, value);
        if (PyErr_Occurred()) return NULL;
    }
    return call_back(c, c->scalar, rest, m);
}

/* Whether a plain scalar written as rest[0:n] (rstripped) may go on on the next lines: no
 * indicator first, no comment, no ": ", no ":" at the end (_speedups_py._continuable). */
static int
continuable(const unsigned char *rest, Py_ssize_t n)
{
    return n > 0 && !INDICATOR(rest[0]) && !has_pair(rest, n, ':', ' ') && !has_pair(rest, n, ' ', '#') &&
           rest[n - 1] != ':';
}

/* The end of the line that starts at q (before its "\r\n" or "\n"), and in *next where the next
 * line starts (NULL: this is the text's last piece, with no line break after it). */
static const unsigned char *
line_end(const unsigned char *q, const unsigned char *end, const unsigned char **next)
{
    const unsigned char *eol = memchr(q, '\n', (size_t)(end - q));
    if (eol == NULL) {
        *next = NULL;
        return end;
    }
    *next = eol + 1;
    return (eol > q && eol[-1] == '\r') ? eol - 1 : eol;
}

/* _speedups_py._block_scalar: the block scalar whose header is h[0:hn], its lines from `q` (the
 * start of the line after the header, or NULL), in a mapping at indent `base`.  A new str, with
 * *resume where the main loop goes on (NULL: at the end); NULL with the fallback set (or any
 * error). */
static PyObject *
block_scalar(const Call *c, const unsigned char *h, Py_ssize_t hn, const unsigned char *q,
             const unsigned char *end, Py_ssize_t base, const unsigned char **resume)
{
    unsigned char chomp = 0;
    int folded = h[0] == '>';
    Py_ssize_t i = 1, j, indent, found, lead = 0, gap = -1, k;
    const unsigned char *line, *after, *next, *last_next = NULL;
    unsigned char *buf, *o;
    PyObject *value;

    if (i < hn && (h[i] == '+' || h[i] == '-')) chomp = h[i++];
    if (i < hn && h[i] >= '1' && h[i] <= '9') indent = base + (h[i++] - '0');
    else indent = -1;
    if (i < hn && (h[i] == '+' || h[i] == '-')) {
        if (chomp) goto fallback;
        chomp = h[i++];
    }
    for (j = i; j < hn && h[j] == ' '; j++) {}
    if (j < hn && (j == i || h[j] != '#')) goto fallback;

    /* leading blank lines, then the first line of text */
    for (;;) {
        if (q == NULL) goto fallback; /* nothing but blank lines: an empty scalar */
        after = line_end(q, end, &next);
        if (after > q) break;
        if (next == NULL) goto fallback;
        lead++;
        q = next;
    }
    for (found = 0; q + found < after && q[found] == ' '; found++) {}
    if (indent < 0) indent = found;
    if (found < indent || indent <= base || q + found == after) goto fallback;

    buf = PyMem_Malloc((size_t)(end - q) + (size_t)lead + 2);
    if (buf == NULL) return PyErr_NoMemory();
    o = buf;
    for (k = 0; k < lead; k++) *o++ = '\n';
    line = q;
    while (line != NULL) {
        Py_ssize_t spaces;
        after = line_end(line, end, &next);
        if (after == line) {
            if (next == NULL) break;
            if (gap >= 0) gap++;
            line = next;
            continue;
        }
        for (spaces = 0; line + spaces < after && line[spaces] == ' '; spaces++) {}
        if (line + spaces == after || (spaces >= indent && folded && line[indent] == ' ')) {
            PyMem_Free(buf); /* a line of spaces; a more-indented line of a folded scalar */
            goto fallback;
        }
        if (spaces < indent) break;
        if (gap > 0) {
            for (k = folded ? gap : gap + 1; k > 0; k--) *o++ = '\n';
        }
        else if (gap == 0)
            *o++ = folded ? ' ' : '\n';
        memcpy(o, line + indent, (size_t)(after - line - indent));
        o += after - line - indent;
        gap = 0;
        last_next = next;
        line = next;
    }
    if (chomp != '-' && last_next != NULL) {
        *o++ = '\n';
        if (chomp == '+') { /* the blank lines after it, up to the next line or the end */
            line = last_next;
            while (line != NULL) {
                after = line_end(line, end, &next);
                if (after != line || next == NULL) break;
                *o++ = '\n';
                line = next;
            }
        }
    }
    value = PyUnicode_DecodeUTF8((const char *)buf, o - buf, "strict");
    PyMem_Free(buf);
    *resume = last_next;
    return value;
fallback:
    PyErr_SetNone(c->fallback);
    return NULL;
}

/* Empty the key table and give it to (key_info, key_info_of); with the lock held.  What the
 * table held is moved to `old` (the caller releases it after unlocking: releasing the old
 * owners may run any code). */
static void
own_table(State *st, PyObject *key_info, PyObject *key_info_of, PyObject *old[2])
{
    Py_ssize_t i;
    for (i = 0; i < KEY_SLOTS; i++) Py_CLEAR(st->slots[i].key); /* str: frees memory, runs no code */
    old[0] = st->owner_dict;
    old[1] = st->owner_fn;
    Py_INCREF(key_info);
    Py_INCREF(key_info_of);
    st->owner_dict = key_info;
    st->owner_fn = key_info_of;
    st->generation++;
}

/* A dict's item as a new reference: 1 found, 0 not there, -1 error. */
static int
dict_get(PyObject *dict, PyObject *key, PyObject **out)
{
#if PY_VERSION_HEX >= 0x030D0000
    return PyDict_GetItemRef(dict, key, out);
#else
    *out = PyDict_GetItemWithError(dict, key);
    if (*out != NULL) {
        Py_INCREF(*out);
        return 1;
    }
    return PyErr_Occurred() ? -1 : 0;
#endif
}

/* A hash of the bytes p[0:n], eight at a time, mixed (murmur3's finalizer) so that its low bits
 * depend on every byte. */
static size_t
key_hash(const unsigned char *p, Py_ssize_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n, w;
    for (; n >= 8; p += 8, n -= 8) {
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 32;
    }
    if (n > 0) { /* the last 1 to 7 bytes (a memcpy of a variable size is a call) */
        w = 0;
        while (n > 0) w = (w << 8) | p[--n];
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    return (size_t)h;
}

/* A new reference to the key written as p[0:n] (ASCII), and its info in *info. */
static PyObject *
key_of(const Call *c, const unsigned char *p, Py_ssize_t n, long *info)
{
    State *st = c->st;
    size_t slot, home, probe;
    unsigned long generation;
    PyObject *key, *info_obj, *old[2] = {NULL, NULL}, *replaced = NULL;
    int found;
    slot = home = key_hash(p, n) & (KEY_SLOTS - 1);

    LOCK(st);
    if (st->owner_dict != c->key_info || st->owner_fn != c->key_info_of)
        own_table(st, c->key_info, c->key_info_of, old); /* filled for another caller */
    for (probe = 0; probe < 8; probe++, slot = (slot + 1) & (KEY_SLOTS - 1)) {
        KeySlot *ks = &st->slots[slot];
        if (ks->key == NULL) break;
        if (PyUnicode_GET_LENGTH(ks->key) == n && memcmp(PyUnicode_DATA(ks->key), p, (size_t)n) == 0) {
            *info = ks->info;
            key = Py_NewRef(ks->key);
            UNLOCK(st);
            Py_XDECREF(old[0]);
            Py_XDECREF(old[1]);
            return key;
        }
    }
    generation = st->generation;
    UNLOCK(st);
    Py_XDECREF(old[0]);
    Py_XDECREF(old[1]);

    key = text_of(p, n, c->ascii);
    if (key == NULL) return NULL;
    if (PyObject_Hash(key) == -1) goto error; /* kept in the str: dict look-ups reuse it */
    found = dict_get(c->key_info, key, &info_obj);
    if (found < 0) goto error;
    if (!found) {
        info_obj = PyObject_CallOneArg(c->key_info_of, key);
        if (info_obj == NULL) goto error;
    }
    *info = PyLong_AsLong(info_obj);
    Py_DECREF(info_obj);
    if (*info == -1 && PyErr_Occurred()) goto error;

    LOCK(st);
    /* the callbacks may have run any code, parse_subset with another pair included: keep
     * the answer only if the table still belongs to this call's pair */
    if (st->generation == generation && st->owner_dict == c->key_info && st->owner_fn == c->key_info_of) {
        KeySlot *ks;
        if (probe == 8) slot = home; /* every slot taken: replace the first */
        ks = &st->slots[slot];
        replaced = ks->key;
        ks->key = Py_NewRef(key);
        ks->info = *info;
    }
    UNLOCK(st);
    Py_XDECREF(replaced);
    return key;
error:
    Py_DECREF(key);
    return NULL;
}

/* The stack of open collections: a few frames inside parse_subset's own C frame (most front
 * matter opens fewer than SMALL_STACK collections at once), moved to the heap when it grows. */
#define SMALL_STACK 16
typedef struct {
    Frame *frames;
    Py_ssize_t capacity;
    Frame small[SMALL_STACK];
} Stack;

static int
push(Stack *stack, Py_ssize_t *depth, Py_ssize_t indent, int kind, PyObject *container, PyObject *path)
{
    /* steals `path`; 0, or -1 with an error set (no memory) */
    Frame *f;
    if (*depth == stack->capacity) {
        Py_ssize_t capacity = 2 * stack->capacity;
        Frame *frames = PyMem_Malloc((size_t)capacity * sizeof(Frame));
        if (frames == NULL) {
            Py_DECREF(path);
            PyErr_NoMemory();
            return -1;
        }
        memcpy(frames, stack->frames, (size_t)*depth * sizeof(Frame));
        if (stack->frames != stack->small) PyMem_Free(stack->frames);
        stack->frames = frames;
        stack->capacity = capacity;
    }
    f = &stack->frames[(*depth)++];
    f->indent = indent;
    f->kind = kind;
    f->container = container;
    f->path = path;
    return 0;
}

static PyObject *
append_index(PyObject *path, Py_ssize_t index)
{
    /* (*path, index) */
    Py_ssize_t n = PyTuple_GET_SIZE(path), i;
    PyObject *out = PyTuple_New(n + 1), *number;
    if (out == NULL) return NULL;
    for (i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(path, i);
        Py_INCREF(item);
        PyTuple_SET_ITEM(out, i, item);
    }
    number = PyLong_FromSsize_t(index);
    if (number == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    PyTuple_SET_ITEM(out, n, number);
    return out;
}

static PyObject *
append_key(PyObject *path, PyObject *key)
{
    /* (*path, key) */
    Py_ssize_t n = PyTuple_GET_SIZE(path), i;
    PyObject *out = PyTuple_New(n + 1);
    if (out == NULL) return NULL;
    for (i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(path, i);
        Py_INCREF(item);
        PyTuple_SET_ITEM(out, i, item);
    }
    Py_INCREF(key);
    PyTuple_SET_ITEM(out, n, key);
    return out;
}

#define FALLBACK()                                  \
    do {                                            \
        PyErr_SetNone(c.fallback);                    \
        goto error;                                 \
    } while (0)

#define START_CONTINUATION(container, k, base, text, n) \
    do {                                                 \
        cont_ok = 1;                                     \
        cont_container = (container);                    \
        cont_key = (k);                                  \
        cont_base = (base);                              \
        cont_p = (text);                                 \
        cont_n = (n);                                    \
        Py_CLEAR(cont_text);                             \
    } while (0)

static PyObject *
parse_subset(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *text, *typed = NULL;
    Call c;
    Py_ssize_t max_depth, size, depth = 0, pos, i;
    const unsigned char *p, *end;
    Stack frames;
    Frame *stack = frames.frames = frames.small; /* frames.frames, as `push` last left it */
    PyObject *root = NULL, *mappings = NULL, *special = NULL, *result = NULL;
    /* a "key:" whose value is on the following lines */
    PyObject *p_parent = NULL, *p_key = NULL, *p_path = NULL;
    Py_ssize_t p_indent = 0;
    PyObject *key = NULL, *value = NULL;
    /* the plain scalar the next line may continue (_speedups_py._continuable): its container
     * (borrowed), its key (borrowed: held by the container; NULL for the list's last item), the
     * indent of the container, its first line's text and, once continued, its text so far */
    int cont_ok = 0;
    PyObject *cont_container = NULL, *cont_key = NULL, *cont_text = NULL;
    Py_ssize_t cont_base = 0, cont_n = 0;
    const unsigned char *cont_p = NULL;

    /* what PyArg_ParseTuple(args, "UnO!OOOO|O:parse_subset", ...) checked, without a tuple */
    if (nargs < 7 || nargs > 8) {
        PyErr_Format(PyExc_TypeError, "parse_subset() takes at %s %d arguments (%zd given)",
                     nargs < 7 ? "least" : "most", nargs < 7 ? 7 : 8, nargs);
        return NULL;
    }
    text = args[0];
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "parse_subset() argument 1 must be str, not %.50s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    {
        PyObject *number = PyNumber_Index(args[1]);
        if (number == NULL) return NULL;
        max_depth = PyLong_AsSsize_t(number);
        Py_DECREF(number);
        if (max_depth == -1 && PyErr_Occurred()) return NULL;
    }
    if (!PyDict_Check(args[2])) {
        PyErr_Format(PyExc_TypeError, "parse_subset() argument 3 must be dict, not %.50s", Py_TYPE(args[2])->tp_name);
        return NULL;
    }
    c.key_info = args[2];
    c.key_info_of = args[3];
    c.scalar = args[4];
    c.flow = args[5];
    c.max_len = args[6];
    typed = nargs > 7 ? args[7] : NULL;
    if (typed == Py_None) typed = NULL;
    if (typed != NULL && !PyList_Check(typed)) {
        PyErr_SetString(PyExc_TypeError, "parse_subset(): typed must be a list or None");
        return NULL;
    }
    c.typed = typed;
    c.max_len_value = PyLong_Check(c.max_len) ? PyLong_AsSsize_t(c.max_len) : -1;
    if (c.max_len_value == -1 && PyErr_Occurred()) PyErr_Clear(); /* a huge number: scalar decides */
    c.st = state_of(self);
    if (c.st == NULL) return NULL;
    LOCK(c.st);
    c.fallback = Py_XNewRef(c.st->fallback);
    UNLOCK(c.st);
    if (c.fallback == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "set_fallback() was not called");
        return NULL;
    }
    p = (const unsigned char *)PyUnicode_AsUTF8AndSize(text, &size);
    if (p == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) goto error;
        PyErr_Clear(); /* a lone surrogate: not a text the fast path takes */
        Py_DECREF(c.fallback);
        Py_RETURN_NONE;
    }
    c.ascii = PyUnicode_IS_ASCII(text); /* (ready now, as PyUnicode_AsUTF8AndSize made it) */
    if (!holdable(p, size)) {
        Py_DECREF(c.fallback);
        Py_RETURN_NONE;
    }
    frames.capacity = SMALL_STACK;
    mappings = PyList_New(0);
    special = PyList_New(0);
    c.mappings = mappings;
    if (mappings == NULL || special == NULL) goto error;
    end = p + size;
    pos = 0;
    while (pos <= size) {
        const unsigned char *line = p + pos, *eol, *q, *rest, *key_at = NULL, *after;
        Py_ssize_t spaces, dash_len = 0, key_len = 0, rest_len, indent;
        Frame *top;
        int dash, quoted = 0, could_continue = cont_ok;

        eol = memchr(line, '\n', (size_t)(end - line));
        if (eol == NULL) eol = end;
        pos = (eol - p) + 1;
        cont_ok = 0;
        after = eol;
        if (after > line && after[-1] == '\r') after--; /* "\r\n" */

        /* _speedups_py._LINE: indent, "- +", a plain word key with ":" then spaces or the end, the rest */
        q = line;
        while (q < after && *q == ' ') q++;
        spaces = q - line;
        if (q + 1 < after && q[0] == '-' && q[1] == ' ') {
            const unsigned char *d = q + 1;
            while (d < after && *d == ' ') d++;
            dash_len = d - q;
            q = d;
        }
        if (q < after && key_start(*q)) {
            /* a plain key: key characters and spaces, ":" before a key character, no space last */
            const unsigned char *k = q + 1;
            for (;;) {
                while (k < after && key_body_chars[*k]) k++;
                if (k + 1 < after && *k == ':' && key_char(k[1])) k += 2; /* a ":" inside the key */
                else break;
            }
            if (k < after && *k == ':' && k[-1] != ' ' && (k + 1 == after || k[1] == ' ')) {
                key_at = q;
                key_len = k - q;
                k++;
                while (k < after && *k == ' ') k++;
                q = k;
            }
        }
        else if (q < after && (*q == '"' || *q == '\'')) {
            /* a quoted key: printable ASCII, no escapes */
            const unsigned char *k = q + 1;
            while (k < after && *k >= ' ' && *k < 0x7f && *k != *q && !(*q == '"' && *k == '\\')) k++;
            if (k < after && *k == *q && k + 1 < after && k[1] == ':' && (k + 2 == after || k[2] == ' ')) {
                key_at = q + 1;
                key_len = k - q - 1;
                quoted = 1;
                k += 2;
                while (k < after && *k == ' ') k++;
                q = k;
            }
        }
        rest = q;
        rest_len = after - q;
        dash = dash_len > 0;
        top = depth ? &stack[depth - 1] : NULL;

        if (key_at != NULL && !dash && p_parent == NULL && top != NULL && top->kind == K_MAP &&
            spaces == top->indent) {
            /* the common line: "key: value" in the open mapping */
        }
        else {
            if (!dash && key_at == NULL) {
                Py_ssize_t m = rest_len;
                PyObject *joined, *piece;
                int failed;
                if (rest_len == 0 || rest[0] == '#') continue; /* blank line or comment */
                /* a line that continues a plain scalar (_speedups_py._continuable), or else */
                while (rest[m - 1] == ' ') m--;
                if (!could_continue || spaces <= cont_base || !continuable(rest, m) || !continuable(cont_p, cont_n))
                    FALLBACK();
                if (cont_text == NULL) {
                    cont_text = text_of(cont_p, cont_n, c.ascii);
                    if (cont_text == NULL) goto error;
                }
                piece = text_of(rest - 1, m + 1, c.ascii); /* " " (the indent's last space) and the text */
                if (piece == NULL) goto error;
                joined = PyUnicode_Concat(cont_text, piece);
                Py_DECREF(piece);
                if (joined == NULL) goto error;
                Py_SETREF(cont_text, joined);
                value = MAYBE_TYPED(cont_p[0]) ? call_text(&c, c.scalar, joined)
                                               : Py_NewRef(joined);
                if (value == NULL) goto error;
                if (cont_key != NULL)
                    failed = PyDict_SetItem(cont_container, cont_key, value) < 0;
                else
                    failed = PyList_SetItem(cont_container, PyList_GET_SIZE(cont_container) - 1, Py_NewRef(value)) < 0;
                Py_CLEAR(value);
                if (failed) goto error;
                cont_ok = 1;
                continue;
            }
            indent = spaces;
            if (root == NULL) {
                if (dash || indent) FALLBACK(); /* a list at the top, or an indented root */
                PyObject *no_path;
                root = PyDict_New();
                if (root == NULL || PyList_Append(mappings, root) < 0) goto error;
                no_path = PyTuple_New(0);
                if (no_path == NULL) goto error;
                if (push(&frames, &depth, 0, K_MAP, root, no_path) < 0) goto error;
                stack = frames.frames;
                top = &stack[depth - 1];
            }
            if (p_parent != NULL) {
                PyObject *parent = p_parent, *pkey = p_key, *ppath = p_path;
                Py_ssize_t pindent = p_indent;
                p_parent = p_key = p_path = NULL;
                if (indent > pindent || (indent == pindent && dash)) {
                    PyObject *child, *path;
                    int kind = dash ? K_SEQ : K_MAP;
                    if (depth >= max_depth) {
                        Py_DECREF(pkey);
                        Py_DECREF(ppath);
                        FALLBACK();
                    }
                    child = dash ? PyList_New(0) : PyDict_New();
                    path = child ? append_key(ppath, pkey) : NULL;
                    if (path == NULL || (!dash && PyList_Append(mappings, child) < 0) ||
                        PyDict_SetItem(parent, pkey, child) < 0) {
                        Py_XDECREF(child);
                        Py_XDECREF(path);
                        Py_DECREF(pkey);
                        Py_DECREF(ppath);
                        goto error;
                    }
                    Py_DECREF(child); /* held by parent now */
                    if (push(&frames, &depth, indent, kind, child, path) < 0) {
                        Py_DECREF(pkey);
                        Py_DECREF(ppath);
                        goto error;
                    }
                    stack = frames.frames;
                    top = &stack[depth - 1];
                }
                else if (PyDict_SetItem(parent, pkey, Py_None) < 0) {
                    Py_DECREF(pkey);
                    Py_DECREF(ppath);
                    goto error;
                }
                Py_DECREF(pkey);
                Py_DECREF(ppath);
            }
            if (indent != top->indent || (top->kind == K_SEQ && !dash)) {
                /* close collections until one at this indent is open */
                while (depth > 0 && (stack[depth - 1].indent > indent ||
                                     (stack[depth - 1].indent == indent && stack[depth - 1].kind == K_SEQ &&
                                      !dash))) {
                    depth--;
                    Py_CLEAR(stack[depth].path);
                }
                if (depth == 0) FALLBACK();
                top = &stack[depth - 1];
                if (top->indent != indent) FALLBACK();
            }
            if (dash) {
                if (top->kind != K_SEQ) FALLBACK();
                if (key_at != NULL) {
                    /* "- key: ..." starts a mapping item at the key's column */
                    PyObject *item, *path;
                    if (depth >= max_depth) FALLBACK();
                    path = append_index(top->path, PyList_GET_SIZE(top->container));
                    if (path == NULL) goto error;
                    item = PyDict_New();
                    if (item == NULL || PyList_Append(top->container, item) < 0 ||
                        PyList_Append(mappings, item) < 0) {
                        Py_XDECREF(item);
                        Py_DECREF(path);
                        goto error;
                    }
                    Py_DECREF(item);
                    if (push(&frames, &depth, indent + dash_len, K_MAP, item, path) < 0) goto error;
                    stack = frames.frames;
                    top = &stack[depth - 1];
                }
                else {
                    int failed;
                    Py_ssize_t m = rest_len;
                    if (rest_len == 0 || rest[0] == '#') FALLBACK(); /* "-" with the item on the next lines */
                    value = value_of(&c, rest, rest_len, max_depth - depth);
                    if (value == NULL) goto error;
                    failed = PyList_Append(top->container, value) < 0;
                    Py_CLEAR(value);
                    if (failed) goto error;
                    while (rest[m - 1] == ' ') m--;
                    START_CONTINUATION(top->container, NULL, top->indent, rest, m); /* checked when used */
                    continue;
                }
            }
            else if (top->kind != K_MAP) FALLBACK();
        }

        /* "key: rest" in the mapping top->container */
        {
            long info;
            Py_ssize_t m;
            if (quoted && key_len == 0) FALLBACK(); /* "": the empty key (a null when plain) */
            key = key_of(&c, key_at, key_len, &info);
            if (key == NULL) goto error;
            i = PyDict_Contains(top->container, key);
            if (i < 0) goto error;
            if (i || info < 0) FALLBACK();
            if (info) {
                PyObject *number = PyLong_FromLong(info), *entry;
                if (number == NULL) goto error;
                entry = PyTuple_Pack(4, number, top->path, key, top->container);
                Py_DECREF(number);
                if (entry == NULL) goto error;
                i = PyList_Append(special, entry);
                Py_DECREF(entry);
                if (i < 0) goto error;
            }
            if (rest_len == 0 || rest[0] == '#') {
                p_parent = top->container;
                p_key = key;
                key = NULL;
                p_path = top->path;
                Py_INCREF(p_path);
                p_indent = top->indent;
                continue;
            }
            if (rest[0] == '|' || rest[0] == '>') { /* a block scalar: its lines are read here */
                const unsigned char *resume = NULL;
                value = block_scalar(&c, rest, rest_len, pos <= size ? p + pos : NULL, end, top->indent, &resume);
                if (value == NULL) goto error;
                if (PyDict_SetItem(top->container, key, value) < 0) goto error;
                Py_CLEAR(value);
                Py_CLEAR(key);
                pos = resume == NULL ? size + 1 : resume - p;
                continue;
            }
            value = value_of(&c, rest, rest_len, max_depth - depth);
            if (value == NULL) goto error;
            if (PyDict_SetItem(top->container, key, value) < 0) goto error;
            Py_CLEAR(value);
            m = rest_len;
            while (rest[m - 1] == ' ') m--;
            START_CONTINUATION(top->container, key, top->indent, rest, m); /* checked when used */
            Py_CLEAR(key);
        }
    }
    if (p_parent != NULL) {
        i = PyDict_SetItem(p_parent, p_key, Py_None);
        p_parent = NULL;
        Py_CLEAR(p_key);
        Py_CLEAR(p_path);
        if (i < 0) goto error;
    }
    if (root == NULL) {
        result = Py_None;
        Py_INCREF(result);
    }
    else {
        result = PyTuple_Pack(3, root, mappings, special);
    }
error:
    Py_XDECREF(cont_text);
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_XDECREF(p_key);
    Py_XDECREF(p_path);
    while (depth > 0) {
        depth--;
        Py_XDECREF(frames.frames[depth].path);
    }
    if (frames.frames != frames.small) PyMem_Free(frames.frames);
    Py_XDECREF(root);
    Py_XDECREF(mappings);
    Py_XDECREF(special);
    Py_DECREF(c.fallback);
    return result;
}

/* (path + (key,), value) */
static int
append_entry(PyObject *list, PyObject *path, PyObject *key, PyObject *value)
{
    PyObject *sub = append_key(path, key), *entry;
    int failed;
    if (sub == NULL) return -1;
    entry = PyTuple_Pack(2, sub, value);
    Py_DECREF(sub);
    if (entry == NULL) return -1;
    failed = PyList_Append(list, entry);
    Py_DECREF(entry);
    return failed;
}

/* index_of(mappings, special, typed_texts): _dataindex.index_of for what parse_subset answered
 * (exact dicts), as a DataIndex made without running its __init__. */
static PyObject *
index_of(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    State *st = state_of(self);
    PyObject *mappings, *special, *typed, *empty = NULL, *index = NULL;
    PyObject *parts[N_INDEX_NAMES] = {NULL};
    Py_ssize_t i, n;
    if (st == NULL) return NULL;
    if (nargs != 3 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "index_of(mappings, special, typed_texts) takes two lists and a third value");
        return NULL;
    }
    mappings = args[0];
    special = args[1];
    typed = args[2];
    n = PyList_GET_SIZE(mappings);
    for (i = 0; i < n; i++) {
        if (!PyDict_CheckExact(PyList_GET_ITEM(mappings, i))) {
            PyErr_SetString(PyExc_TypeError, "index_of(): mappings must be dicts");
            return NULL;
        }
    }
    /* the root (the first mapping, which has most keys) makes the set: sized for it at once */
    parts[I_KEYS] = PySet_New(n ? PyList_GET_ITEM(mappings, 0) : NULL);
    for (i = I_URLS; i <= I_OWNERS; i++) parts[i] = PyList_New(0);
    for (i = 0; i < I_TYPED; i++)
        if (parts[i] == NULL) goto done;
    parts[I_TYPED] = Py_NewRef(typed);
    for (i = 1; i < n; i++) {
        PyObject *mapping = PyList_GET_ITEM(mappings, i), *key, *value;
        Py_ssize_t at = 0;
        while (PyDict_Next(mapping, &at, &key, &value))
            if (PySet_Add(parts[I_KEYS], key) < 0) goto done;
    }
    n = PyList_GET_SIZE(special);
    for (i = 0; i < n; i++) {
        PyObject *entry = PyList_GET_ITEM(special, i), *path, *key, *mapping, *value;
        long kind;
        if (!PyTuple_CheckExact(entry) || PyTuple_GET_SIZE(entry) != 4 ||
            !PyTuple_CheckExact(PyTuple_GET_ITEM(entry, 1)) || !PyDict_CheckExact(PyTuple_GET_ITEM(entry, 3))) {
            PyErr_SetString(PyExc_TypeError, "index_of(): special holds (kind, path, key, mapping) tuples");
            goto done;
        }
        kind = PyLong_AsLong(PyTuple_GET_ITEM(entry, 0));
        if (kind == -1 && PyErr_Occurred()) goto done;
        path = PyTuple_GET_ITEM(entry, 1);
        key = PyTuple_GET_ITEM(entry, 2);
        mapping = PyTuple_GET_ITEM(entry, 3);
        value = PyDict_GetItemWithError(mapping, key);
        if (value == NULL) {
            if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, key);
            goto done;
        }
        Py_INCREF(value);
        if (kind == KIND_URL || kind == KIND_DATE || kind == KIND_OWNER) {
            PyObject *list = parts[kind == KIND_URL ? I_URLS : kind == KIND_DATE ? I_DATES : I_OWNERS];
            int failed = append_entry(list, path, key, value) < 0;
            Py_DECREF(value);
            if (failed) goto done;
        }
        else if (PyList_Check(value)) { /* images: each mapping item of the list */
            Py_ssize_t j;
            int failed = 0;
            PyObject *sub = append_key(path, key);
            for (j = 0; sub != NULL && !failed && j < PyList_GET_SIZE(value); j++) {
                PyObject *item = PyList_GET_ITEM(value, j), *at, *pair;
                if (!PyDict_Check(item)) continue;
                at = append_index(sub, j);
                pair = at == NULL ? NULL : PyTuple_Pack(2, at, item);
                Py_XDECREF(at);
                failed = pair == NULL || PyList_Append(parts[I_IMAGES], pair) < 0;
                Py_XDECREF(pair);
            }
            Py_DECREF(value);
            if (sub == NULL || failed) {
                Py_XDECREF(sub);
                goto done;
            }
            Py_DECREF(sub);
        }
        else
            Py_DECREF(value);
    }
    empty = PyTuple_New(0);
    if (empty == NULL) goto done;
    index = PyBaseObject_Type.tp_new((PyTypeObject *)st->index_class, empty, NULL); /* object.__new__ */
    if (index == NULL) goto done;
    for (i = 0; i < N_INDEX_NAMES; i++) {
        if (st->offsets[i] > 0) { /* a slot of the new instance: empty, and set as a descriptor would */
            PyObject **slot = (PyObject **)((char *)index + st->offsets[i]);
            Py_XSETREF(*slot, Py_NewRef(parts[i]));
        }
        else if (PyObject_SetAttr(index, st->names[i], parts[i]) < 0) {
            Py_CLEAR(index);
            goto done;
        }
    }
done:
    Py_XDECREF(empty);
    for (i = 0; i < N_INDEX_NAMES; i++) Py_XDECREF(parts[i]);
    return index;
}

static PyObject *
set_fallback(PyObject *self, PyObject *cls)
{
    State *st = state_of(self);
    PyObject *old;
    if (st == NULL) return NULL;
    if (!PyType_Check(cls) || !PyType_IsSubtype((PyTypeObject *)cls, (PyTypeObject *)PyExc_Exception)) {
        PyErr_SetString(PyExc_TypeError, "set_fallback() takes an exception class");
        return NULL;
    }
    LOCK(st);
    old = st->fallback;
    st->fallback = Py_NewRef(cls);
    UNLOCK(st);
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"parse_subset", (PyCFunction)(void (*)(void))parse_subset, METH_FASTCALL,
     "parse_subset(text, max_depth, key_info, key_info_of, scalar, flow, max_len, typed=None, /)\n--\n\n"
     "_speedups_py.parse_subset in C, for texts within the length and key-count limits."},
    {"index_of", (PyCFunction)(void (*)(void))index_of, METH_FASTCALL,
     "index_of(mappings, special, typed_texts, /)\n--\n\n"
     "_dataindex.index_of in C, for parse_subset's answer."},
    {"set_fallback", set_fallback, METH_O,
     "set_fallback(cls, /)\n--\n\nThe exception class that means 'use the full loader'."},
    {NULL, NULL, 0, NULL},
};

static int
module_exec(PyObject *module)
{
    State *st = state_of(module);
    if (st == NULL) return -1;
    fill_key_chars();
    PyDateTime_IMPORT; /* sets datetime.h's PyDateTimeAPI (the same pointer for every module) */
    st->datetime = PyDateTimeAPI;
    if (st->datetime == NULL) return -1;
    {
        PyObject *found = PyImport_ImportModule("articlekit._dataindex"); /* imports nothing of this */
        if (found == NULL) return -1;
        st->index_class = PyObject_GetAttrString(found, "DataIndex");
        Py_DECREF(found);
        if (st->index_class == NULL) return -1;
        if (!PyType_Check(st->index_class)) {
            PyErr_SetString(PyExc_TypeError, "articlekit._dataindex.DataIndex is not a class");
            return -1;
        }
    }
    for (int i = 0; i < N_INDEX_NAMES; i++) {
        st->names[i] = PyUnicode_InternFromString(index_names[i]);
        if (st->names[i] == NULL) return -1;
        /* DataIndex's __slots__: their member descriptors say where an instance keeps them */
        {
            PyObject *descr = PyObject_GetAttr(st->index_class, st->names[i]);
            if (descr == NULL) {
                PyErr_Clear(); /* not a class attribute: set by name */
                continue;
            }
            if (Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
                PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
                if (member->type == MEMBER_OBJECT_EX && !(member->flags & MEMBER_READONLY) && member->offset > 0)
                    st->offsets[i] = member->offset;
            }
            Py_DECREF(descr);
        }
    }
    return 0;
}

static int
module_traverse(PyObject *module, visitproc visit, void *arg)
{
    State *st = state_of(module);
    if (st == NULL) return 0;
    Py_VISIT(st->fallback);
    Py_VISIT(st->owner_dict);
    Py_VISIT(st->owner_fn);
    Py_VISIT(st->index_class);
    return 0; /* the table's keys are str: they cannot be part of a cycle */
}

static int
module_clear(PyObject *module)
{
    State *st = state_of(module);
    Py_ssize_t i;
    if (st == NULL) return 0;
    Py_CLEAR(st->fallback);
    Py_CLEAR(st->owner_dict);
    Py_CLEAR(st->owner_fn);
    for (i = 0; i < KEY_SLOTS; i++) Py_CLEAR(st->slots[i].key);
    Py_CLEAR(st->index_class);
    for (i = 0; i < N_INDEX_NAMES; i++) Py_CLEAR(st->names[i]);
    st->generation++;
    return 0;
}

static void
module_free(void *module)
{
    (void)module_clear((PyObject *)module);
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, (void *)module_exec},
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "articlekit._speedups",
    "The fast YAML path's line loop in C (optional: articlekit works without it).",
    sizeof(State),
    methods,
    slots,
    module_traverse,
    module_clear,
    module_free,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    return PyModuleDef_Init(&module);
}
