#ifndef CRASH_GUARD_H
#define CRASH_GUARD_H

/// One bad file must not cost the run: when a thread that is reading a file crashes (a trap, a
/// bad access, a stack overflow), the handler names the file on standard error, adds it to a skip
/// list, and starts the same command again, which skips it and finds every article already stored.

/// Installs the handlers (on an alternate stack, so a stack overflow is caught too). `skip_list`
/// is the file the handler appends crashed paths to; `argv` is the command to start again.
void crash_guard_install(const char *skip_list, int argc, char *const argv[]);

/// The calling thread is reading `path` (slot: the worker's number).
void crash_guard_enter(int slot, const char *path);

/// The calling thread is done with its file.
void crash_guard_leave(int slot);

#endif
