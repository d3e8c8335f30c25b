/*
 * The native half of auditor/scan/walk.py: walk a tree and stat every plain file in C.
 *
 * A warm scan learns what changed by comparing every file's size and mtime with the state.
 * In Python each stat costs about 1.5 us (os.stat_result is a large object); here it is one
 * fstatat(2), made by a few threads at once, one folder per thread at a time: on a local
 * disk the two cores share the system calls, on a network share the round trips overlap.
 *
 * Two phases. The walk runs without the GIL and touches no Python object: threads take
 * folders from a queue, read and sort their names, stat their files and push their
 * sub-folders. Then, with the GIL, the folders are visited depth first in name order and
 * turned into Python objects, in exactly the order of the pure-Python walker.
 *
 * The walk here is deliberately narrow. It descends real folders and yields plain files.
 * What needs judgement goes back to Python as a "leftover": symbolic links (inside the
 * root? a file or a folder?) and errors (a folder that cannot be read, a file that
 * vanished). File names with a byte >= 0x80 are given to Python's is_noise; ASCII names
 * are checked here against the same lists, which Python passes in.
 *
 * walk(root, entry_type, is_noise, noise_names, noise_suffixes, noise_dirs, threads)
 *   root:            bytes
 *   entry_type:      a tuple subclass of four fields (auditor.scan.walk.Entry)
 *   is_noise:        callable(str) -> bool, for names that are not plain ASCII
 *   noise_names:     frozenset of lowercase ASCII bytes (exact file names)
 *   noise_suffixes:  tuple of lowercase ASCII bytes (file name endings)
 *   noise_dirs:      tuple of lowercase ASCII bytes (folder names; any name starting
 *                    with "." is a noise folder too)
 *   threads:         how many threads stat at once (1: the calling thread only)
 * -> (entries, leftovers, folders, listings)
 *   entries:   entry_type(relpath: str, abspath: str, size: int, mtime: float) of every
 *              plain, non-noise file; per folder its files by name, then its
 *              sub-folders, depth first
 *   leftovers: (relpath: str, abspath: str, errno: int); errno 0 means "a symbolic link",
 *              anything else why that folder or file could not be read
 *   folders:   (st_dev, st_ino) of every folder walked, so that Python, following links,
 *              never walks one twice
 *   listings:  {folder relpath ("" for the root): bytes}, the names, sizes and mtimes
 *              (ns) of the entries of that folder: equal bytes, unchanged files; None for
 *              a folder whose names could not all be read. Every entry's folder is here.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_THREADS 16

struct Folder;

typedef struct {
    char *name;
    size_t len;
    unsigned char type; /* DT_REG, DT_DIR or DT_LNK; DT_UNKNOWN once dropped */
    int error;          /* errno of its stat; 0 when fine */
    int64_t size, sec;
    long nsec;
    dev_t dev; /* folders */
    ino_t ino;
    struct Folder *sub; /* the folder to walk; NULL for noise, loops and errors */
} Item;

typedef struct Folder {
    char *rel; /* relative to the root, '/'-separated; "" for the root */
    size_t rel_len;
    char *path; /* as walked: the root, '/', rel */
    size_t path_len;
    struct Folder *parent;
    dev_t dev;
    ino_t ino;
    int error;      /* it could not be opened */
    int read_error; /* its names could not all be read */
    Item *items;
    size_t count;
    struct Folder *next_alloc; /* every folder, for freeing */
} Folder;

typedef struct {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    Folder **pending;
    size_t pending_count, pending_cap;
    size_t busy;        /* folders being walked right now */
    int failed;         /* out of memory: everyone stops */
    Folder *all;        /* every folder made, linked by next_alloc */
    char **noise_dirs;  /* lowercase ASCII, NULL-terminated */
} Queue;

/* ---- small helpers ------------------------------------------------------------------ */

static char *joined(const char *base, size_t base_len, const char *name, size_t name_len,
                    size_t *out_len)
{
    char *out = malloc(base_len + name_len + 2);
    if (!out)
        return NULL;
    size_t at = base_len;
    memcpy(out, base, base_len);
    if (base_len && base[base_len - 1] != '/')
        out[at++] = '/'; /* the root "/" needs none */
    memcpy(out + at, name, name_len);
    out[at + name_len] = '\0';
    *out_len = at + name_len;
    return out;
}

static int by_name(const void *a, const void *b)
{
    /* Byte order of UTF-8 is code-point order: the order Python's sorted() gives str. */
    return strcmp(((const Item *)a)->name, ((const Item *)b)->name);
}

static int is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

static void ascii_lower(char *out, const char *in, size_t len)
{
    for (size_t i = 0; i < len; i++)
        out[i] = (in[i] >= 'A' && in[i] <= 'Z') ? (char)(in[i] + 32) : in[i];
    out[len] = '\0';
}

/* The folder names that are never evidence: the same rule as walk.is_noise_dir. No
 * character outside ASCII lowers into one of these names, so ASCII lowering is exact. */
static int is_noise_dir(const Queue *q, const char *name, size_t len)
{
    if (name[0] == '.')
        return 1;
    char lower[64];
    if (len >= sizeof(lower))
        return 0; /* longer than any noise name */
    ascii_lower(lower, name, len);
    for (char **n = q->noise_dirs; *n; n++)
        if (strcmp(lower, *n) == 0)
            return 1;
    return 0;
}

/* ---- phase 1: the walk, without the GIL ---------------------------------------------- */

static Folder *new_folder(Queue *q, Folder *parent, const char *name, size_t name_len,
                          const char *root, size_t root_len)
{
    Folder *f = calloc(1, sizeof(Folder));
    if (!f)
        return NULL;
    if (parent) {
        f->rel = joined(parent->rel, parent->rel_len, name, name_len, &f->rel_len);
        f->path = joined(parent->path, parent->path_len, name, name_len, &f->path_len);
    } else {
        f->rel = calloc(1, 1);
        f->path = malloc(root_len + 1);
        if (f->path) {
            memcpy(f->path, root, root_len);
            f->path[root_len] = '\0';
            f->path_len = root_len;
        }
    }
    f->parent = parent;
    pthread_mutex_lock(&q->lock);
    f->next_alloc = q->all;
    q->all = f;
    pthread_mutex_unlock(&q->lock);
    return (f->rel && f->path) ? f : NULL; /* freed with the others either way */
}

static int push_item(Folder *f, size_t *cap, const char *name, unsigned char type)
{
    if (f->count == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 32;
        Item *grown = realloc(f->items, grown_cap * sizeof(Item));
        if (!grown)
            return -1;
        f->items = grown;
        *cap = grown_cap;
    }
    size_t len = strlen(name);
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, name, len + 1);
    Item *item = &f->items[f->count++];
    memset(item, 0, sizeof(*item));
    item->name = copy;
    item->len = len;
    item->type = type;
    return 0;
}

static int is_ancestor(const Folder *f, dev_t dev, ino_t ino)
{
    for (; f; f = f->parent)
        if (f->dev == dev && f->ino == ino)
            return 1;
    return 0;
}

/* Read one folder: its sorted names, the stat of each file and sub-folder. The
 * sub-folders to walk are returned through *subs. 0, or -1 when out of memory. */
static int walk_folder(Queue *q, Folder *f, Folder ***subs, size_t *sub_count)
{
    int fd = open(f->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (f->parent ? O_NOFOLLOW : 0));
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        f->error = errno;
        if (fd >= 0)
            close(fd);
        return 0;
    }
    size_t cap = 0;
    for (;;) {
        errno = 0;
        struct dirent *d = readdir(dir);
        if (!d) {
            f->read_error = errno;
            break;
        }
        const char *name = d->d_name;
        if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
            continue;
        unsigned char type = d->d_type;
        if (type != DT_REG && type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN)
            continue; /* sockets, fifos, devices: never evidence */
        if (push_item(f, &cap, name, type) < 0) {
            closedir(dir);
            return -1;
        }
    }
    qsort(f->items, f->count, sizeof(Item), by_name);
    int dfd = dirfd(dir);
    Folder **found = NULL;
    size_t found_count = 0;
    for (size_t i = 0; i < f->count; i++) {
        Item *item = &f->items[i];
        struct stat st;
        if (item->type == DT_UNKNOWN) { /* some network file systems do not say: ask */
            if (fstatat(dfd, item->name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
                item->type = DT_REG; /* the error shows as that of a file */
                item->error = errno;
                continue;
            }
            item->type = S_ISREG(st.st_mode) ? DT_REG : S_ISDIR(st.st_mode) ? DT_DIR
                       : S_ISLNK(st.st_mode) ? DT_LNK : DT_UNKNOWN;
            if (item->type == DT_REG) {
                item->size = (int64_t)st.st_size;
                item->sec = (int64_t)st.st_mtim.tv_sec;
                item->nsec = st.st_mtim.tv_nsec;
                continue;
            }
        }
        if (item->type == DT_REG) {
            if (fstatat(dfd, item->name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
                item->error = errno;
            } else if (!S_ISREG(st.st_mode)) {
                item->type = DT_UNKNOWN; /* replaced since it was listed: not a file now */
            } else {
                item->size = (int64_t)st.st_size;
                item->sec = (int64_t)st.st_mtim.tv_sec;
                item->nsec = st.st_mtim.tv_nsec;
            }
        } else if (item->type == DT_DIR) {
            if (is_noise_dir(q, item->name, item->len)) {
                item->type = DT_UNKNOWN;
                continue;
            }
            if (fstatat(dfd, item->name, &st, 0) < 0) {
                item->error = errno;
                continue;
            }
            item->dev = st.st_dev;
            item->ino = st.st_ino;
            if (is_ancestor(f, st.st_dev, st.st_ino))
                continue; /* a loop (a bind mount of a folder above): walked once */
            Folder *sub = new_folder(q, f, item->name, item->len, NULL, 0);
            Folder **grown = sub ? realloc(found, (found_count + 1) * sizeof(Folder *)) : NULL;
            if (!grown) {
                free(found);
                closedir(dir);
                return -1;
            }
            found = grown;
            sub->dev = st.st_dev;
            sub->ino = st.st_ino;
            item->sub = sub;
            found[found_count++] = sub;
        }
    }
    closedir(dir);
    *subs = found;
    *sub_count = found_count;
    return 0;
}

static int enqueue(Queue *q, Folder **subs, size_t count)
{
    if (q->pending_count + count > q->pending_cap) {
        size_t cap = q->pending_cap ? q->pending_cap : 64;
        while (cap < q->pending_count + count)
            cap *= 2;
        Folder **grown = realloc(q->pending, cap * sizeof(Folder *));
        if (!grown)
            return -1;
        q->pending = grown;
        q->pending_cap = cap;
    }
    for (size_t i = 0; i < count; i++)
        q->pending[q->pending_count++] = subs[i];
    return 0;
}

static void *worker(void *arg)
{
    Queue *q = arg;
    pthread_mutex_lock(&q->lock);
    for (;;) {
        while (!q->failed && q->pending_count == 0 && q->busy > 0)
            pthread_cond_wait(&q->changed, &q->lock);
        if (q->failed || q->pending_count == 0)
            break; /* nothing left to take and nobody can make more */
        Folder *f = q->pending[--q->pending_count];
        q->busy++;
        pthread_mutex_unlock(&q->lock);

        Folder **subs = NULL;
        size_t sub_count = 0;
        int rc = walk_folder(q, f, &subs, &sub_count);

        pthread_mutex_lock(&q->lock);
        if (rc < 0 || enqueue(q, subs, sub_count) < 0)
            q->failed = 1;
        free(subs);
        q->busy--;
        pthread_cond_broadcast(&q->changed);
    }
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

/* ---- phase 2: Python objects, with the GIL ------------------------------------------- */

typedef struct {
    PyTypeObject *entry_type;
    PyObject *is_noise, *noise_names, *noise_suffixes;
    PyObject *entries, *leftovers, *folders, *listings;
    const char *root;
    size_t root_len;
} Out;

/* The relative path as the report shows it: UTF-8, with foreign bytes as \xNN. */
static PyObject *shown(const char *rel, size_t len)
{
    return PyUnicode_DecodeUTF8(rel, (Py_ssize_t)len, "backslashreplace");
}

/* The path as os.scandir gives it (file-system encoding, surrogateescape). */
static PyObject *as_walked(const char *path, size_t len)
{
    return PyUnicode_DecodeFSDefaultAndSize(path, (Py_ssize_t)len);
}

/* 1, 0, or -1 with an exception set: walk.is_noise, answered here for ASCII names. */
static int is_noise_file(Out *o, const char *name, size_t len)
{
    char lower[256];
    if (!is_ascii(name, len) || len >= sizeof(lower)) {
        PyObject *text = PyUnicode_DecodeFSDefaultAndSize(name, (Py_ssize_t)len);
        if (!text)
            return -1;
        PyObject *answer = PyObject_CallOneArg(o->is_noise, text);
        Py_DECREF(text);
        if (!answer)
            return -1;
        int truth = PyObject_IsTrue(answer);
        Py_DECREF(answer);
        return truth;
    }
    if (name[0] == '.' || (name[0] == '~' && name[1] == '$'))
        return 1;
    ascii_lower(lower, name, len);
    PyObject *key = PyBytes_FromStringAndSize(lower, (Py_ssize_t)len);
    if (!key)
        return -1;
    int found = PySet_Contains(o->noise_names, key);
    Py_DECREF(key);
    if (found)
        return found;
    Py_ssize_t n = PyTuple_GET_SIZE(o->noise_suffixes);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *suffix = PyTuple_GET_ITEM(o->noise_suffixes, i);
        size_t slen = (size_t)PyBytes_GET_SIZE(suffix);
        if (slen <= len && memcmp(lower + len - slen, PyBytes_AS_STRING(suffix), slen) == 0)
            return 1;
    }
    return 0;
}

static int add_leftover(Out *o, const char *rel, size_t rel_len, const char *path,
                        size_t path_len, int error)
{
    PyObject *item = Py_BuildValue("(NNi)", shown(rel, rel_len), as_walked(path, path_len), error);
    if (!item)
        return -1;
    int rc = PyList_Append(o->leftovers, item);
    Py_DECREF(item);
    return rc;
}

static int add_entry(Out *o, const char *rel, size_t rel_len, const char *path, size_t path_len,
                     const Item *item)
{
    PyObject *relpath = shown(rel, rel_len);
    PyObject *abspath = relpath ? as_walked(path, path_len) : NULL;
    PyObject *size = abspath ? PyLong_FromLongLong(item->size) : NULL;
    /* Exactly how os.stat computes st_mtime, so the two walkers agree to the last bit. */
    PyObject *mtime = size ? PyFloat_FromDouble((double)item->sec +
                                                (double)(unsigned long)item->nsec * 1e-9)
                           : NULL;
    PyObject *entry = mtime ? o->entry_type->tp_alloc(o->entry_type, 4) : NULL;
    if (!entry) {
        Py_XDECREF(relpath);
        Py_XDECREF(abspath);
        Py_XDECREF(size);
        Py_XDECREF(mtime);
        return -1;
    }
    PyTuple_SET_ITEM(entry, 0, relpath);
    PyTuple_SET_ITEM(entry, 1, abspath);
    PyTuple_SET_ITEM(entry, 2, size);
    PyTuple_SET_ITEM(entry, 3, mtime);
    /* It holds only a str, an int and a float, so it can be in no reference cycle: the
     * collector need never look at it (CPython untracks such tuples itself, later). Ten
     * thousand tracked entries would make the next full collection walk them all. */
    PyObject_GC_UnTrack(entry);
    int rc = PyList_Append(o->entries, entry);
    Py_DECREF(entry);
    return rc;
}

typedef struct {
    char *data;
    size_t len, cap;
} Buffer;

static int buffer_add(Buffer *b, const void *data, size_t len)
{
    if (b->len + len > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + len)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown)
            return -1;
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

/* Files of one folder into entries and its listing; its sub-folders, in name order, into
 * *subs (those not walked yet by another way). 0, or -1 with an exception set. */
static int emit_folder(Out *o, Folder *f, PyObject *seen, Folder **subs, size_t *sub_count,
                       Buffer *listing)
{
    *sub_count = 0;
    const char *shown_rel = f->rel_len ? f->rel : ".";
    size_t shown_len = f->rel_len ? f->rel_len : 1;
    if (f->error)
        return add_leftover(o, shown_rel, shown_len, f->path, f->path_len, f->error);
    listing->len = 0;
    for (size_t i = 0; i < f->count; i++) {
        Item *item = &f->items[i];
        if (item->type == DT_UNKNOWN)
            continue;
        if (item->type == DT_DIR && !item->error) {
            if (!item->sub)
                continue; /* a loop */
            PyObject *key = Py_BuildValue("(KK)", (unsigned long long)item->dev,
                                          (unsigned long long)item->ino);
            if (!key)
                return -1;
            int known = PySet_Contains(seen, key);
            int rc = known ? 0 : PySet_Add(seen, key);
            Py_DECREF(key);
            if (known < 0 || rc < 0)
                return -1;
            if (!known)
                subs[(*sub_count)++] = item->sub;
            continue; /* a second way into a folder already walked: once is enough */
        }
        if (item->type == DT_REG) { /* noise is skipped before its stat is looked at */
            int noise = is_noise_file(o, item->name, item->len);
            if (noise < 0)
                return -1;
            if (noise)
                continue;
        }
        size_t rel_len, path_len;
        char *rel = joined(f->rel, f->rel_len, item->name, item->len, &rel_len);
        char *path = rel ? joined(f->path, f->path_len, item->name, item->len, &path_len) : NULL;
        int rc;
        if (!path) {
            PyErr_NoMemory();
            rc = -1;
        } else if (item->error || item->type == DT_LNK) {
            rc = add_leftover(o, rel, rel_len, path, path_len, item->error);
        } else {
            rc = add_entry(o, rel, rel_len, path, path_len, item);
            int64_t numbers[3] = {item->size, item->sec, (int64_t)item->nsec};
            if (rc == 0 && (buffer_add(listing, item->name, item->len + 1) < 0 ||
                            buffer_add(listing, numbers, sizeof(numbers)) < 0)) {
                PyErr_NoMemory();
                rc = -1;
            }
        }
        free(rel);
        free(path);
        if (rc < 0)
            return -1;
    }
    if (f->read_error &&
        add_leftover(o, shown_rel, shown_len, f->path, f->path_len, f->read_error) < 0)
        return -1;
    PyObject *key = shown(f->rel, f->rel_len);
    PyObject *value = !key ? NULL
                    : f->read_error ? Py_NewRef(Py_None) /* partial: never "unchanged" */
                    : PyBytes_FromStringAndSize(listing->data ? listing->data : "",
                                                (Py_ssize_t)listing->len);
    int rc = value ? PyDict_SetItem(o->listings, key, value) : -1;
    Py_XDECREF(key);
    Py_XDECREF(value);
    return rc;
}

static int emit(Out *o, Folder *root)
{
    PyObject *seen = PySet_New(NULL);
    PyObject *root_key = seen ? Py_BuildValue("(KK)", (unsigned long long)root->dev,
                                              (unsigned long long)root->ino)
                              : NULL;
    if (!root_key || PySet_Add(seen, root_key) < 0) {
        Py_XDECREF(root_key);
        Py_XDECREF(seen);
        return -1;
    }
    Py_DECREF(root_key);
    Folder **stack = malloc(sizeof(Folder *));
    size_t depth = 0, stack_cap = 1;
    Buffer listing = {0};
    int rc = stack ? 0 : -1;
    if (stack)
        stack[depth++] = root;
    else
        PyErr_NoMemory();
    while (rc == 0 && depth) {
        Folder *f = stack[--depth];
        if (depth + f->count > stack_cap) {
            size_t cap = stack_cap * 2 > depth + f->count ? stack_cap * 2 : depth + f->count;
            Folder **grown = realloc(stack, cap * sizeof(Folder *));
            if (!grown) {
                PyErr_NoMemory();
                rc = -1;
                break;
            }
            stack = grown;
            stack_cap = cap;
        }
        size_t sub_count;
        rc = emit_folder(o, f, seen, stack + depth, &sub_count, &listing);
        /* pushed in name order; reverse so that the first is walked first */
        for (size_t a = depth, b = depth + sub_count; a + 1 < b; a++, b--) {
            Folder *tmp = stack[a];
            stack[a] = stack[b - 1];
            stack[b - 1] = tmp;
        }
        depth += sub_count;
    }
    free(stack);
    free(listing.data);
    PyObject *iterator = rc == 0 ? PyObject_GetIter(seen) : NULL;
    if (iterator) {
        PyObject *key;
        while ((key = PyIter_Next(iterator))) {
            rc = PyList_Append(o->folders, key);
            Py_DECREF(key);
            if (rc < 0)
                break;
        }
        Py_DECREF(iterator);
        if (PyErr_Occurred())
            rc = -1;
    } else {
        rc = -1;
    }
    Py_DECREF(seen);
    return rc;
}

/* ---- the function ------------------------------------------------------------------- */

static void free_folders(Queue *q)
{
    Folder *f = q->all;
    while (f) {
        Folder *next = f->next_alloc;
        for (size_t i = 0; i < f->count; i++)
            free(f->items[i].name);
        free(f->items);
        free(f->rel);
        free(f->path);
        free(f);
        f = next;
    }
    q->all = NULL;
}

static char **ascii_names(PyObject *tuple)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    char **names = calloc((size_t)n + 1, sizeof(char *));
    if (!names)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(tuple, i);
        if (!PyBytes_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "noise names must be bytes");
            goto fail;
        }
        names[i] = strdup(PyBytes_AS_STRING(item));
        if (!names[i]) {
            PyErr_NoMemory();
            goto fail;
        }
    }
    return names;
fail:
    for (Py_ssize_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return NULL;
}

static PyObject *fastwalk_walk(PyObject *module, PyObject *args)
{
    (void)module;
    const char *root;
    Py_ssize_t root_len;
    PyObject *entry_type, *is_noise_fn, *noise_names, *noise_suffixes, *noise_dirs;
    int threads;
    if (!PyArg_ParseTuple(args, "y#O!OO!O!O!i:walk", &root, &root_len, &PyType_Type,
                          &entry_type, &is_noise_fn, &PyFrozenSet_Type, &noise_names,
                          &PyTuple_Type, &noise_suffixes, &PyTuple_Type, &noise_dirs, &threads))
        return NULL;
    if (!PyType_IsSubtype((PyTypeObject *)entry_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "entry_type must be a tuple type");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(noise_suffixes); i++) {
        if (!PyBytes_Check(PyTuple_GET_ITEM(noise_suffixes, i))) {
            PyErr_SetString(PyExc_TypeError, "noise suffixes must be bytes");
            return NULL;
        }
    }
    if (threads < 1)
        threads = 1;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    while (root_len > 1 && root[root_len - 1] == '/')
        root_len--;

    Queue q;
    memset(&q, 0, sizeof(q));
    pthread_mutex_init(&q.lock, NULL);
    pthread_cond_init(&q.changed, NULL);
    q.noise_dirs = ascii_names(noise_dirs);
    Out o = {(PyTypeObject *)entry_type, is_noise_fn, noise_names, noise_suffixes,
             PyList_New(0), PyList_New(0), PyList_New(0), PyDict_New(), root, (size_t)root_len};
    PyObject *result = NULL;
    if (!q.noise_dirs || !o.entries || !o.leftovers || !o.folders || !o.listings)
        goto done;

    struct stat root_st;
    if (stat(root, &root_st) < 0) /* a root that cannot be reached yields nothing */
        goto build;
    Folder *top = new_folder(&q, NULL, NULL, 0, root, (size_t)root_len);
    if (!top || enqueue(&q, &top, 1) < 0) {
        PyErr_NoMemory();
        goto done;
    }
    top->dev = root_st.st_dev;
    top->ino = root_st.st_ino;

    Py_BEGIN_ALLOW_THREADS
    pthread_t helpers[MAX_THREADS];
    int started = 0;
    for (int i = 1; i < threads; i++)
        if (pthread_create(&helpers[started], NULL, worker, &q) == 0)
            started++; /* fewer threads only make it slower */
    worker(&q);
    for (int i = 0; i < started; i++)
        pthread_join(helpers[i], NULL);
    Py_END_ALLOW_THREADS

    if (q.failed) {
        PyErr_NoMemory();
        goto done;
    }
    if (emit(&o, top) < 0)
        goto done;
build:
    result = Py_BuildValue("(OOOO)", o.entries, o.leftovers, o.folders, o.listings);
done:
    free_folders(&q);
    if (q.noise_dirs) {
        for (char **n = q.noise_dirs; *n; n++)
            free(*n);
        free(q.noise_dirs);
    }
    free(q.pending);
    pthread_mutex_destroy(&q.lock);
    pthread_cond_destroy(&q.changed);
    Py_XDECREF(o.entries);
    Py_XDECREF(o.leftovers);
    Py_XDECREF(o.folders);
    Py_XDECREF(o.listings);
    return result;
}

static PyMethodDef fastwalk_methods[] = {
    {"walk", fastwalk_walk, METH_VARARGS,
     "walk(root, entry_type, is_noise, noise_names, noise_suffixes, noise_dirs, threads)\n"
     "-> (entries, leftovers, folders, listings). See auditor/scan/walk.py."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fastwalk_module = {
    PyModuleDef_HEAD_INIT, "_fastwalk", "The native half of auditor.scan.walk.", -1,
    fastwalk_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__fastwalk(void)
{
    return PyModule_Create(&fastwalk_module);
}
