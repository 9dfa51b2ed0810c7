/*
 * The floor under the poll detector's idle cost: one statx per file, once a second, from C, over
 * the same tree the Java harness polls (IdleCpuHarness runs this beside it).
 *   stat-floor <dir> <seconds>
 * Prints "<ms per scan> <percent of a core>" from this thread's CPU time, the first two scans left
 * out (as the harness lets the JIT settle). A poller that notices files rewritten in place must
 * read each file's times, so no such poller in any language can idle below this on the machine.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char **paths;
static size_t count, capacity;

static void collect(const char *dir) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        perror(dir);
        exit(2);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_type == DT_DIR) {
            collect(path);
        } else {
            if (count == capacity) {
                capacity = capacity ? capacity * 2 : 1024;
                paths = realloc(paths, capacity * sizeof *paths);
            }
            paths[count++] = strdup(path);
        }
    }
    closedir(d);
}

static double thread_cpu_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3 || atoi(argv[2]) < 1) {
        fprintf(stderr, "usage: stat-floor <dir> <seconds>\n");
        return 2;
    }
    collect(argv[1]);
    int scans = atoi(argv[2]) + 2;
    double measured = 0;
    long sizes = 0;
    for (int scan = 0; scan < scans; scan++) {
        sleep(1);
        double start = thread_cpu_seconds();
        for (size_t i = 0; i < count; i++) {
            struct statx st;
            if (statx(AT_FDCWD, paths[i], AT_SYMLINK_NOFOLLOW, STATX_MTIME | STATX_SIZE, &st) == 0) {
                sizes += (long) st.stx_size;
            }
        }
        if (scan >= 2) {
            measured += thread_cpu_seconds() - start;
        }
    }
    double perScan = measured / (scans - 2);
    printf("%.3f %.3f %zu %ld\n", perScan * 1000, perScan * 100, count, sizes);
    return 0;
}
