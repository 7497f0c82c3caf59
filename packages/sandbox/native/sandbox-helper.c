/*
 * The sandbox's small helper, linked statically so that starting it costs one cheap exec.
 *
 *   sandbox-helper exec <last-fd> <program> [args...]
 *     Closes every file descriptor above <last-fd>, then executes <program>. The worker starts bubblewrap
 *     through this (already as the cell's uid), so that no descriptor the worker inherited, or opened
 *     without O_CLOEXEC, reaches a sandbox: only stdin, stdout, stderr and the sandbox's own channels.
 *
 *   sandbox-helper reset <dir> <uid> <gid> <size-bytes> <inodes>
 *     Replaces the tmpfs on <dir> by a new, empty one: detaches whatever is mounted there (and below),
 *     mounts a fresh tmpfs (mode 0700, owned by uid:gid, nosuid, nodev, size and inode caps), and checks
 *     the result: a tmpfs, owned right, mode 0700, empty, every inode but the root free. Exit 0 only then;
 *     otherwise one line on stderr says which step failed.
 *
 *   sandbox-helper start <dir> <uid> <gid> <size-bytes> <inodes> <n> <procs-file>... <last-fd> <program> [args...]
 *     Everything between two runs of a cell in one process, started by the worker as root: `reset` of <dir>
 *     (exit 3 if it fails: the cell is not provably clean), then joins the run's cgroup (writes its own pid
 *     to each of the <n> `cgroup.procs` files, so that bubblewrap and the sandbox are born in it), drops to
 *     <uid>:<gid> (no supplementary groups; every capability goes with uid 0, and it checks that uid 0 cannot
 *     be taken back), then does what `exec` does. One process start per cell instead of two (reset, then
 *     exec) and the worker's own cgroup writes; any failure before bubblewrap exits non-zero (3: the reset)
 *     with one line on stderr.
 *
 *   sandbox-helper put <dir>
 *     Writes the files of a run into its work dir <dir>, read from stdin as records `<path>\0<size>\0<bytes>`
 *     (relative paths; missing folders are created, mode 0755; files are new, mode 0755). The worker starts
 *     it as the cell's uid and moves it into the run's cgroup before sending a byte, so the tmpfs pages of
 *     the files are charged to the run (a page is charged to the cgroup of whoever allocates it), and the
 *     run's memory limit bounds them. It makes itself the first choice of the OOM killer, so files over the
 *     limit end this writer (SIGKILL), not the waiting sandbox. Exit 0 when every file is written; else
 *     one line on stderr says why (exit 2: the memory cgroup refused a page, ENOMEM).
 *
 *   sandbox-helper serve <socket> <seccomp-file>
 *     The cells' spawner, started once per sandbox by the worker (as root, empty environment), so that the
 *     worker never forks itself per run: forking the large worker copies its page tables and write-protects
 *     its memory (every page it writes afterwards faults once). Reads requests on stdin, NUL-separated:
 *     `start\0<id>\0<n>\0<arg>\0...` (the arguments of `start` above, its <last-fd> 5) and `kill\0<pid>\0`.
 *     For a start it connects three times to the worker's Unix socket <socket> (in a root-only folder),
 *     writing a 16-byte header `<id, 13 digits> <k>\n` on each (k = 1, 2, 3), opens <seccomp-file>, and
 *     forks a child that gets /dev/null as fds 0 and 1, the three connections as fds 5, 2, 3 (stdout,
 *     stderr, the control socket: stream sockets, as libuv's stdio pipes are) and the filter as fd 4, its
 *     signals back to their defaults, and then does `start`. The program's stdout is fd 5, not bubblewrap's
 *     own fd 1: bubblewrap's monitor keeps its fds 0-2 until it exits but closes every other, so only the
 *     processes inside hold stdout and the worker reads its end of file as soon as they have all closed it. Replies on stdout, one line each: `pid <id> <pid>`,
 *     `fail <id> <reason>`, `exit <pid> <code> <signal>` once a child is reaped. A `kill` only signals a
 *     child not yet reaped (never a reused pid). It dies with the worker (PR_SET_PDEATHSIG), and at the end
 *     of its stdin kills its children and exits.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

static int fail(const char *step, const char *what) {
  fprintf(stderr, "sandbox-helper: %s: %s\n", step, what);
  return 1;
}

static int fail_errno(const char *step) { return fail(step, strerror(errno)); }

static int parse_uint(const char *s, unsigned long long max, unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || v > max) return -1;
  *out = v;
  return 0;
}

/* Closes every descriptor above `last`: close_range (Linux 5.9+), else one by one up to the fd limit. */
static int close_above(int last) {
  if (syscall(SYS_close_range, (unsigned int)last + 1, ~0U, 0) == 0) return 0;
  if (errno != ENOSYS) return -1;
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return -1;
  long max = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (1 << 20) ? (1 << 20) : (long)rl.rlim_cur;
  for (long fd = last + 1; fd < max; fd++) close((int)fd);
  return 0;
}

static int cmd_exec(int argc, char **argv) {
  unsigned long long last;
  if (argc < 4 || parse_uint(argv[2], 1024, &last) != 0 || last < 2)
    return fail("exec", "usage: exec <last-fd (2..1024)> <program> [args...]");
  if (close_above((int)last) != 0) return fail_errno("exec: closing descriptors");
  execv(argv[3], argv + 3);
  fprintf(stderr, "sandbox-helper: exec %s: %s\n", argv[3], strerror(errno));
  return 127;
}

/* Parses `<dir> <uid> <gid> <size-bytes> <inodes>` (argv[0..4]). */
static int parse_reset(char **argv, unsigned long long *uid, unsigned long long *gid, unsigned long long *size,
                       unsigned long long *inodes) {
  if (parse_uint(argv[1], 0xfffffffeULL, uid) != 0 || parse_uint(argv[2], 0xfffffffeULL, gid) != 0 ||
      parse_uint(argv[3], 1ULL << 50, size) != 0 || parse_uint(argv[4], 1ULL << 32, inodes) != 0 || *size == 0 ||
      *inodes < 2)
    return fail("reset", "usage: reset <dir> <uid> <gid> <size-bytes> <inodes>");
  if (argv[0][0] != '/') return fail("reset", "the folder must be an absolute path");
  return 0;
}

static int do_reset(const char *dir, unsigned long long uid, unsigned long long gid, unsigned long long size,
                    unsigned long long inodes) {

  /* Detach every mount stacked on the folder; EINVAL: nothing (more) is mounted there. */
  int detached = 0;
  for (;; detached++) {
    if (umount2(dir, MNT_DETACH | UMOUNT_NOFOLLOW) == 0) {
      if (detached > 64) return fail("reset: unmount", "more than 64 mounts stacked on the folder");
      continue;
    }
    if (errno == EINVAL) break;
    return fail_errno("reset: unmount");
  }

  /* The bare mount point: a root-owned folder, not a link. */
  struct stat st;
  if (lstat(dir, &st) != 0) return fail_errno("reset: mount point");
  if (!S_ISDIR(st.st_mode) || st.st_uid != 0) return fail("reset: mount point", "not a folder owned by root");

  char opts[160];
  snprintf(opts, sizeof opts, "size=%llu,nr_inodes=%llu,mode=0700,uid=%llu,gid=%llu", size, inodes, uid, gid);
  if (mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, opts) != 0) return fail_errno("reset: mount");

  /* Check what is there now, through one descriptor of the new mount's root. */
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return fail_errno("reset: open");
  struct statfs sfs;
  if (fstatfs(fd, &sfs) != 0) return fail_errno("reset: statfs");
  if (sfs.f_type != TMPFS_MAGIC) return fail("reset: check", "not a tmpfs");
  if ((unsigned long long)sfs.f_files != inodes || (unsigned long long)sfs.f_ffree != inodes - 1)
    return fail("reset: check", "inodes in use on a new tmpfs");
  if (sfs.f_bfree != sfs.f_blocks) return fail("reset: check", "blocks in use on a new tmpfs");
  if (fstat(fd, &st) != 0) return fail_errno("reset: stat");
  if (st.st_uid != uid || st.st_gid != gid || (st.st_mode & 07777) != 0700)
    return fail("reset: check", "owner or mode differ");
  DIR *d = fdopendir(fd);
  if (!d) return fail_errno("reset: opendir");
  struct dirent *e;
  errno = 0;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) return fail("reset: check", "not empty");
  }
  if (errno != 0) return fail_errno("reset: readdir");
  closedir(d);
  return 0;
}

static int cmd_reset(int argc, char **argv) {
  unsigned long long uid, gid, size, inodes;
  if (argc != 7) return fail("reset", "usage: reset <dir> <uid> <gid> <size-bytes> <inodes>");
  if (parse_reset(argv + 2, &uid, &gid, &size, &inodes) != 0) return 1;
  return do_reset(argv[2], uid, gid, size, inodes);
}

/* Exit codes of `start` before bubblewrap runs (bubblewrap's own failures exit 1). */
#define START_RESET_FAILED 3
#define START_FAILED 4

/* True if `p` is an absolute path ending in `/cgroup.procs`, without `..` parts. */
static int procs_path(const char *p) {
  size_t n = strlen(p);
  const char *tail = "/cgroup.procs";
  size_t t = strlen(tail);
  return p[0] == '/' && n > t && strcmp(p + n - t, tail) == 0 && strstr(p, "/../") == NULL;
}

static int cmd_start(int argc, char **argv) {
  unsigned long long uid, gid, size, inodes, count, last;
  if (argc < 9 || parse_reset(argv + 2, &uid, &gid, &size, &inodes) != 0 ||
      parse_uint(argv[7], 16, &count) != 0 || count < 1 || (unsigned long long)argc < 8 + count + 2 ||
      parse_uint(argv[8 + count], 1024, &last) != 0 || last < 2) {
    fail("start", "usage: start <dir> <uid> <gid> <size-bytes> <inodes> <n (1..16)> <procs-file>... <last-fd> "
                  "<program> [args...]");
    return START_FAILED;
  }
  if (uid == 0 || gid == 0) return fail("start", "the sandbox must not run as uid or gid 0"), START_FAILED;
  if (geteuid() != 0) return fail("start", "must be started as root"), START_FAILED;
  if (do_reset(argv[2], uid, gid, size, inodes) != 0) return START_RESET_FAILED;

  /* Into the run's cgroup(s) while still root: bubblewrap and everything under it are born there. */
  char pid[24];
  int pid_len = snprintf(pid, sizeof pid, "%d", (int)getpid());
  for (unsigned long long i = 0; i < count; i++) {
    const char *file = argv[8 + i];
    if (!procs_path(file)) return fail("start: cgroup", "not a cgroup.procs file"), START_FAILED;
    int fd = open(file, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, pid, (size_t)pid_len) != pid_len) {
      fprintf(stderr, "sandbox-helper: start: joining %s: %s\n", file, strerror(errno));
      return START_FAILED;
    }
    close(fd);
  }

  /* Down to the cell's uid for good: no groups, no capabilities (cleared when every uid leaves 0). */
  if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) != 0 || setgroups(0, NULL) != 0 ||
      setresgid((gid_t)gid, (gid_t)gid, (gid_t)gid) != 0 || setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0) {
    fail_errno("start: dropping privileges");
    return START_FAILED;
  }
  uid_t ru, eu, su;
  gid_t rg, eg, sg;
  if (getresuid(&ru, &eu, &su) != 0 || getresgid(&rg, &eg, &sg) != 0 || ru != uid || eu != uid || su != uid ||
      rg != gid || eg != gid || sg != gid || getgroups(0, NULL) != 0 || setuid(0) == 0) {
    fail("start: dropping privileges", "the ids did not change as asked");
    return START_FAILED;
  }

  if (close_above((int)last) != 0) return fail_errno("start: closing descriptors"), START_FAILED;
  const char *program = argv[8 + count + 1];
  execv(program, argv + 8 + count + 1);
  fprintf(stderr, "sandbox-helper: start: exec %s: %s\n", program, strerror(errno));
  return 127;
}

/* stdin, read through one buffer: record headers and file contents come from the same stream. */
static char inbuf[64 * 1024];
static size_t inpos, inlen;
static int ineof;

static int fill(void) {
  if (inpos < inlen) return 1;
  if (ineof) return 0;
  for (;;) {
    ssize_t n = read(0, inbuf, sizeof inbuf);
    if (n > 0) {
      inpos = 0;
      inlen = (size_t)n;
      return 1;
    }
    if (n == 0) {
      ineof = 1;
      return 0;
    }
    if (errno != EINTR) return -1;
  }
}

/* Reads up to a NUL into `out` (at most `max` bytes with the NUL): 1 done, 0 clean end of input, -1 error. */
static int read_field(char *out, size_t max, int allow_eof) {
  size_t n = 0;
  for (;;) {
    int r = fill();
    if (r < 0) return -1;
    if (r == 0) return n == 0 && allow_eof ? 0 : -1;
    char c = inbuf[inpos++];
    if (n >= max) return -1;
    out[n++] = c;
    if (c == '\0') return 1;
  }
}

static int write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int put_fail(const char *step, const char *path) {
  int e = errno;
  fprintf(stderr, "sandbox-helper: put: %s %s: %s\n", step, path, strerror(e));
  return e == ENOMEM ? 2 : 1;
}

/* Opens the folder holding `path` below `root`, creating missing folders; leaves the last name in *leaf. */
static int open_parent(int root, char *path, char **leaf) {
  int dir = dup(root);
  if (dir < 0) return -1;
  char *part = path;
  for (char *slash; (slash = strchr(part, '/')) != NULL; part = slash + 1) {
    *slash = '\0';
    if (mkdirat(dir, part, 0755) != 0 && errno != EEXIST) {
      close(dir);
      return -1;
    }
    int next = openat(dir, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    *slash = '/';
    close(dir);
    if (next < 0) return -1;
    dir = next;
  }
  *leaf = part;
  return dir;
}

/* A relative path without empty, `.` or `..` parts. */
static int safe_path(const char *p) {
  if (p[0] == '\0' || p[0] == '/') return 0;
  for (const char *s = p;;) {
    const char *e = strchr(s, '/');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.')) return 0;
    if (!e) return 1;
    s = e + 1;
  }
}

static int cmd_put(int argc, char **argv) {
  if (argc != 3 || argv[2][0] != '/') return fail("put", "usage: put <dir>");
  /* The OOM killer's first choice in the run's cgroup: files over the limit end this writer. */
  int adj = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
  if (adj < 0 || write(adj, "1000", 4) != 4) return fail_errno("put: oom_score_adj");
  close(adj);
  umask(0);
  int root = open(argv[2], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (root < 0) return fail_errno("put: open the work dir");
  static char path[4097];
  char size_text[24];
  for (;;) {
    int r = read_field(path, sizeof path, 1);
    if (r == 0) break;
    if (r < 0 || read_field(size_text, sizeof size_text, 0) != 1) return fail("put", "malformed input");
    unsigned long long size;
    if (parse_uint(size_text, 1ULL << 40, &size) != 0) return fail("put", "malformed size");
    if (!safe_path(path)) return fail("put", "unsafe path");
    char *leaf;
    int dir = open_parent(root, path, &leaf);
    if (dir < 0) return put_fail("folder of", path);
    int fd = openat(dir, leaf, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0755);
    close(dir);
    if (fd < 0) return put_fail("create", path);
    while (size > 0) {
      int f = fill();
      if (f <= 0) return fail("put", "input ends inside a file");
      size_t n = inlen - inpos;
      if (n > size) n = (size_t)size;
      if (write_all(fd, inbuf + inpos, n) != 0) return put_fail("write", path);
      inpos += n;
      size -= n;
    }
    if (close(fd) != 0) return put_fail("close", path);
  }
  return 0;
}

/* ---- serve: the cells' spawner ---- */

#define MAX_CHILDREN 1024
static pid_t live[MAX_CHILDREN];
static int nlive;

static void reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void reply(const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n >= sizeof line) n = sizeof line - 1;
  /* The worker gone: PR_SET_PDEATHSIG ends this process anyway. */
  if (write_all(1, line, (size_t)n) != 0) _exit(1);
}

static int is_live(pid_t pid) {
  for (int i = 0; i < nlive; i++)
    if (live[i] == pid) return i;
  return -1;
}

static int connect_stream(const char *path, unsigned long long id, int k) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  if (strlen(path) >= sizeof addr.sun_path) {
    close(fd);
    errno = ENAMETOOLONG;
    return -1;
  }
  strcpy(addr.sun_path, path);
  char header[17];
  snprintf(header, sizeof header, "%013llu %d\n", id % 10000000000000ULL, k);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || write_all(fd, header, 16) != 0) {
    int e = errno;
    close(fd);
    errno = e;
    return -1;
  }
  return fd;
}

/* One `start` request: the sandbox's streams, then the child that becomes bubblewrap. */
static void serve_start(const char *sock, const char *seccomp, unsigned long long id, int argc, char **args,
                        const sigset_t *oldmask) {
  if (nlive >= MAX_CHILDREN) return reply("fail %llu too many sandboxes\n", id);
  /* fds[k] becomes the child's fd k: /dev/null, /dev/null, stderr, control, the filter, stdout. */
  int fds[6] = {-1, -1, -1, -1, -1, -1};
  fds[0] = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (fds[0] >= 0) fds[1] = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (fds[1] >= 0) fds[5] = connect_stream(sock, id, 1);
  for (int k = 2; k <= 3 && fds[5] >= 0; k++) {
    fds[k] = connect_stream(sock, id, k);
    if (fds[k] < 0) break;
  }
  if (fds[5] >= 0 && fds[3] >= 0) fds[4] = open(seccomp, O_RDONLY | O_CLOEXEC);
  if (fds[4] < 0) {
    int e = errno;
    for (int k = 0; k < 6; k++)
      if (fds[k] >= 0) close(fds[k]);
    return reply("fail %llu cannot set up the streams: %s\n", id, strerror(e));
  }
  pid_t pid = fork();
  if (pid == 0) {
    /* Descriptors above 5 go in `start` (close_range); dup2 clears O_CLOEXEC on the copies. */
    int moved[6];
    for (int k = 0; k < 6; k++) {
      moved[k] = fcntl(fds[k], F_DUPFD_CLOEXEC, 6);
      if (moved[k] < 0) _exit(START_FAILED);
    }
    for (int k = 0; k < 6; k++)
      if (dup2(moved[k], k) != k) _exit(START_FAILED);
    for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL);
    sigprocmask(SIG_SETMASK, oldmask, NULL);
    char *argv[argc + 3];
    argv[0] = "sandbox-helper";
    argv[1] = "start";
    for (int i = 0; i < argc; i++) argv[2 + i] = args[i];
    argv[argc + 2] = NULL;
    _exit(cmd_start(argc + 2, argv));
  }
  int e = errno;
  for (int k = 0; k < 6; k++) close(fds[k]);
  if (pid < 0) return reply("fail %llu fork: %s\n", id, strerror(e));
  live[nlive++] = pid;
  reply("pid %llu %d\n", id, (int)pid);
}

static void reap(void) {
  for (;;) {
    int status;
    pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid <= 0) return;
    int i = is_live(pid);
    if (i >= 0) live[i] = live[--nlive];
    if (WIFEXITED(status)) reply("exit %d %d 0\n", (int)pid, WEXITSTATUS(status));
    else if (WIFSIGNALED(status)) reply("exit %d -1 %d\n", (int)pid, WTERMSIG(status));
  }
}

/* Requests: NUL-separated fields; returns how many bytes of `buf` the complete requests used. */
static size_t serve_requests(const char *sock, const char *seccomp, char *buf, size_t len, const sigset_t *oldmask) {
  size_t used = 0;
  for (;;) {
    char *fields[300];
    int nf = 0;
    size_t pos = used;
    int need = 2; /* fields the request has, known once its kind (and count) is read */
    while (nf < need && nf < 300) {
      char *nul = memchr(buf + pos, '\0', len - pos);
      if (!nul) return used;
      fields[nf++] = buf + pos;
      pos = (size_t)(nul - buf) + 1;
      if (nf == 1 && strcmp(fields[0], "start") == 0) need = 3;
      if (nf == 3 && need == 3) {
        unsigned long long n;
        if (parse_uint(fields[2], 290, &n) != 0) _exit(fail("serve", "malformed request"));
        need = 3 + (int)n;
      }
    }
    if (nf < need) _exit(fail("serve", "malformed request"));
    used = pos;
    unsigned long long v;
    if (strcmp(fields[0], "start") == 0 && parse_uint(fields[1], ~0ULL, &v) == 0) {
      serve_start(sock, seccomp, v, need - 3, fields + 3, oldmask);
    } else if (strcmp(fields[0], "kill") == 0 && parse_uint(fields[1], 1u << 30, &v) == 0) {
      if (is_live((pid_t)v) >= 0) kill((pid_t)v, SIGKILL);
    } else {
      _exit(fail("serve", "malformed request"));
    }
  }
}

static int cmd_serve(int argc, char **argv) {
  if (argc != 4 || argv[2][0] != '/' || argv[3][0] != '/') return fail("serve", "usage: serve <socket> <seccomp-file>");
  if (geteuid() != 0) return fail("serve", "must be started as root");
  pid_t parent = getppid();
  if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 || getppid() != parent) return fail_errno("serve: parent");
  signal(SIGPIPE, SIG_IGN);
  sigset_t mask, oldmask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGCHLD);
  if (sigprocmask(SIG_BLOCK, &mask, &oldmask) != 0) return fail_errno("serve: sigprocmask");
  int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
  if (sfd < 0) return fail_errno("serve: signalfd");
  static char buf[256 * 1024];
  size_t len = 0;
  for (;;) {
    struct pollfd p[2] = {{.fd = 0, .events = POLLIN}, {.fd = sfd, .events = POLLIN}};
    if (poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return fail_errno("serve: poll");
    }
    if (p[1].revents & POLLIN) {
      struct signalfd_siginfo si;
      if (read(sfd, &si, sizeof si) < 0 && errno != EINTR) return fail_errno("serve: signalfd");
      reap();
    }
    if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      if (len == sizeof buf) return fail("serve", "request too long");
      ssize_t n = read(0, buf + len, sizeof buf - len);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      len += (size_t)n;
      size_t used = serve_requests(argv[2], argv[3], buf, len, &oldmask);
      memmove(buf, buf + used, len - used);
      len -= used;
    }
  }
  /* The worker is closing: every sandbox still running goes with this spawner. */
  for (int i = 0; i < nlive; i++) kill(live[i], SIGKILL);
  while (nlive > 0) {
    int status;
    pid_t pid = waitpid(-1, &status, 0);
    if (pid < 0) break;
    int i = is_live(pid);
    if (i >= 0) live[i] = live[--nlive];
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "exec") == 0) return cmd_exec(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "reset") == 0) return cmd_reset(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "put") == 0) return cmd_put(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "start") == 0) return cmd_start(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "serve") == 0) return cmd_serve(argc, argv);
  return fail("usage",
              "sandbox-helper exec <last-fd> <program> [args...] | reset <dir> <uid> <gid> <size> <inodes> | put <dir> | "
              "start <dir> <uid> <gid> <size> <inodes> <n> <procs-file>... <last-fd> <program> [args...] | "
              "serve <socket> <seccomp-file>");
}
