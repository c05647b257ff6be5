#define _GNU_SOURCE
#include "crash_guard.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 64
#define PATH_BYTES 4096
#define MAX_ARGS 256

struct slot {
    volatile int active;
    pthread_t thread;
    char path[PATH_BYTES];
};

static struct slot slots[SLOTS];
static char skip_list_path[PATH_BYTES];
static char *saved_argv[MAX_ARGS + 1];

static void say(const char *text) {
    ssize_t ignored = write(STDERR_FILENO, text, strlen(text));
    (void)ignored;
}

/// The path with control bytes written as '?', so that a name cannot fake a line of its own.
static void say_path(const char *path) {
    char line[PATH_BYTES];
    size_t length = 0;
    for (; path[length] != 0 && length < sizeof line - 1; length++) {
        unsigned char byte = (unsigned char)path[length];
        line[length] = byte < 0x20 || byte == 0x7F ? '?' : (char)byte;
    }
    line[length] = 0;
    say(line);
}

static void handler(int signal_number, siginfo_t *info, void *context) {
    (void)info;
    (void)context;
    const char *path = NULL;
    pthread_t self = pthread_self();
    for (int index = 0; index < SLOTS; index++) {
        if (slots[index].active && pthread_equal(slots[index].thread, self)) path = slots[index].path;
    }
    if (path == NULL || skip_list_path[0] == 0) {
        say("\nerror: archive crashed outside the reading of any one file; every batch already written is kept: "
            "run the same command again to resume\n");
        signal(signal_number, SIG_DFL);
        raise(signal_number);
        _exit(70);
    }
    say("\nerror: ");
    say_path(path);
    say(": reading it crashed the program; it is skipped, and the ingest goes on without it\n");
    int file = open(skip_list_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (file >= 0) {
        ssize_t ignored = write(file, path, strlen(path));
        ignored = write(file, "\n", 1);
        (void)ignored;
        close(file);
    }
    execv("/proc/self/exe", saved_argv);
    _exit(70);
}

void crash_guard_install(const char *skip_list, int argc, char *const argv[]) {
    strncpy(skip_list_path, skip_list, sizeof skip_list_path - 1);
    int count = argc < MAX_ARGS ? argc : MAX_ARGS;
    for (int index = 0; index < count; index++) saved_argv[index] = strdup(argv[index]);
    saved_argv[count] = NULL;

    static char alternate[1 << 16];
    stack_t stack = {.ss_sp = alternate, .ss_size = sizeof alternate, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
    for (unsigned index = 0; index < sizeof signals / sizeof signals[0]; index++) sigaction(signals[index], &action, NULL);
}

void crash_guard_enter(int slot, const char *path) {
    // Each thread needs an alternate stack of its own for the handler to run after a stack overflow.
    static __thread int has_alternate_stack = 0;
    if (!has_alternate_stack) {
        stack_t stack = {.ss_sp = malloc(1 << 16), .ss_size = 1 << 16, .ss_flags = 0};
        if (stack.ss_sp != NULL && sigaltstack(&stack, NULL) == 0) has_alternate_stack = 1;
    }
    struct slot *entry = &slots[((unsigned)slot) % SLOTS];
    entry->active = 0;
    entry->thread = pthread_self();
    strncpy(entry->path, path, PATH_BYTES - 1);
    entry->path[PATH_BYTES - 1] = 0;
    entry->active = 1;
}

void crash_guard_leave(int slot) {
    slots[((unsigned)slot) % SLOTS].active = 0;
}
