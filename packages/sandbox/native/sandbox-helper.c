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
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
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

static int cmd_reset(int argc, char **argv) {
  unsigned long long uid, gid, size, inodes;
  if (argc != 7 || parse_uint(argv[3], 0xfffffffeULL, &uid) != 0 ||
      parse_uint(argv[4], 0xfffffffeULL, &gid) != 0 || parse_uint(argv[5], 1ULL << 50, &size) != 0 ||
      parse_uint(argv[6], 1ULL << 32, &inodes) != 0 || size == 0 || inodes < 2)
    return fail("reset", "usage: reset <dir> <uid> <gid> <size-bytes> <inodes>");
  const char *dir = argv[2];
  if (dir[0] != '/') return fail("reset", "the folder must be an absolute path");

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

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "exec") == 0) return cmd_exec(argc, argv);
  if (argc >= 2 && strcmp(argv[1], "reset") == 0) return cmd_reset(argc, argv);
  return fail("usage", "sandbox-helper exec <last-fd> <program> [args...] | reset <dir> <uid> <gid> <size> <inodes>");
}
