/*
 * The seccomp policy of every sandboxed run, built with libseccomp and written to stdout as the raw BPF
 * program that bubblewrap loads with `--seccomp FD` (just before it executes the sandbox's shell, so the
 * shell, the program and every child run under it). `--pfc` prints the same filter as readable pseudo-code.
 *
 * Policy (docs/SANDBOX.md lists every rule and why):
 *  - native ABI only: a call through another ABI (x86-64: the 32-bit `int 0x80` and x32 entries) gets ENOSYS;
 *  - allowed: every syscall of the native ABI up to LAST_REVIEWED_SYSCALL that is not denied below; a
 *    syscall number past it (newer than this review, or unknown) gets ENOSYS, as on an older kernel, so libc
 *    and runtimes take their fallback path;
 *  - denied outright (ENOSYS, as on a kernel built without them): the DENIED table;
 *  - namespaces (unshare, setns, clone with a CLONE_NEW* flag): EPERM, the answer an unprivileged caller gets;
 *  - socket()/socketpair() of a family other than AF_UNIX, AF_INET, AF_INET6: EAFNOSUPPORT, the answer of a
 *    kernel without that family;
 *  - personality(): only PER_LINUX and the query 0xffffffff.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* set_mempolicy_home_node (Linux 5.17), the last syscall whose number every architecture shares and that this
 * policy was reviewed against. */
#define LAST_REVIEWED_SYSCALL 450

struct denial {
  const char *name;
  int err;
};

static const struct denial DENIED[] = {
    /* Kernel attack surface no judged program needs. */
    {"io_uring_setup", ENOSYS}, {"io_uring_enter", ENOSYS}, {"io_uring_register", ENOSYS},
    {"userfaultfd", ENOSYS}, {"bpf", ENOSYS}, {"perf_event_open", ENOSYS},
    {"add_key", ENOSYS}, {"request_key", ENOSYS}, {"keyctl", ENOSYS},
    {"fanotify_init", ENOSYS}, {"name_to_handle_at", ENOSYS}, {"open_by_handle_at", ENOSYS},
    {"memfd_secret", ENOSYS}, {"modify_ldt", ENOSYS}, {"iopl", ENOSYS}, {"ioperm", ENOSYS},
    /* Other processes: tracing, their memory, comparing their kernel objects. */
    {"ptrace", ENOSYS}, {"process_vm_readv", ENOSYS}, {"process_vm_writev", ENOSYS},
    {"process_madvise", ENOSYS}, {"process_mrelease", ENOSYS}, {"pidfd_getfd", ENOSYS}, {"kcmp", ENOSYS},
    {"migrate_pages", ENOSYS}, {"move_pages", ENOSYS},
    /* Mounts and the root. */
    {"mount", ENOSYS}, {"umount2", ENOSYS}, {"pivot_root", ENOSYS}, {"chroot", ENOSYS},
    {"open_tree", ENOSYS}, {"move_mount", ENOSYS}, {"fsopen", ENOSYS}, {"fsconfig", ENOSYS},
    {"fsmount", ENOSYS}, {"fspick", ENOSYS}, {"mount_setattr", ENOSYS},
    /* Namespaces (clone's CLONE_NEW* flags are filtered below; clone3's flags sit in memory the filter cannot
     * read, so clone3 is denied with ENOSYS and libc falls back to clone). */
    {"unshare", EPERM}, {"setns", EPERM}, {"clone3", ENOSYS},
    /* Administration of the machine. */
    {"kexec_load", ENOSYS}, {"kexec_file_load", ENOSYS}, {"init_module", ENOSYS}, {"finit_module", ENOSYS},
    {"delete_module", ENOSYS}, {"reboot", ENOSYS}, {"swapon", ENOSYS}, {"swapoff", ENOSYS},
    {"acct", ENOSYS}, {"quotactl", ENOSYS}, {"quotactl_fd", ENOSYS}, {"syslog", ENOSYS},
    {"vhangup", ENOSYS}, {"sethostname", ENOSYS}, {"setdomainname", ENOSYS},
    {"settimeofday", ENOSYS}, {"clock_settime", ENOSYS}, {"clock_adjtime", ENOSYS}, {"adjtimex", ENOSYS},
    /* sync() writes back every file system of the host: disk load for everyone, and never needed. */
    {"sync", ENOSYS},
    /* Obsolete or never implemented. */
    {"uselib", ENOSYS}, {"ustat", ENOSYS}, {"sysfs", ENOSYS}, {"_sysctl", ENOSYS},
    {"create_module", ENOSYS}, {"get_kernel_syms", ENOSYS}, {"query_module", ENOSYS},
    {"nfsservctl", ENOSYS}, {"getpmsg", ENOSYS}, {"putpmsg", ENOSYS}, {"afs_syscall", ENOSYS},
    {"tuxcall", ENOSYS}, {"security", ENOSYS}, {"vserver", ENOSYS}, {"lookup_dcookie", ENOSYS},
    {"epoll_ctl_old", ENOSYS}, {"epoll_wait_old", ENOSYS},
};

/* Handled with argument checks below. */
static const char *const FILTERED[] = {"clone", "socket", "socketpair", "personality"};

static const int ALLOWED_FAMILIES[] = {AF_UNIX, AF_INET, AF_INET6};
/* Every family number below this gets EAFNOSUPPORT; above it, ENOSYS (the default). AF_MAX is 46 in 6.x. */
#define FAMILY_LIMIT 64

static const unsigned long NAMESPACE_FLAGS[] = {CLONE_NEWNS,  CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC,
                                                CLONE_NEWUSER, CLONE_NEWPID,    CLONE_NEWNET};

static int denied(const char *name) {
  for (size_t i = 0; i < sizeof DENIED / sizeof DENIED[0]; i++)
    if (strcmp(DENIED[i].name, name) == 0) return 1;
  for (size_t i = 0; i < sizeof FILTERED / sizeof FILTERED[0]; i++)
    if (strcmp(FILTERED[i], name) == 0) return 1;
  return 0;
}

static int fail(const char *what, int rc) {
  fprintf(stderr, "seccomp-filter: %s: %s\n", what, strerror(rc < 0 ? -rc : rc));
  return 1;
}

/* Adds a rule for a syscall by name; a name this architecture does not have is skipped. */
static int rule(scmp_filter_ctx ctx, uint32_t action, const char *name, unsigned int n,
                const struct scmp_arg_cmp *cmp) {
  int nr = seccomp_syscall_resolve_name(name);
  if (nr == __NR_SCMP_ERROR) return 0;
  int rc = seccomp_rule_add_exact_array(ctx, action, nr, n, cmp);
  if (rc != 0) fprintf(stderr, "seccomp-filter: rule for %s: %s\n", name, strerror(-rc));
  return rc;
}

int main(int argc, char **argv) {
  int pfc = argc == 2 && strcmp(argv[1], "--pfc") == 0;
  if (argc > 1 && !pfc) {
    fprintf(stderr, "usage: seccomp-filter [--pfc]\n");
    return 2;
  }
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(ENOSYS));
  if (ctx == NULL) return fail("init", ENOMEM);
  int rc;
  /* Calls through another ABI of the native architecture: ENOSYS, like an unknown syscall. */
  if ((rc = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ERRNO(ENOSYS))) != 0)
    return fail("bad-arch action", rc);
  /* bubblewrap sets no_new_privs itself; the exported program must not depend on the loader. */
  if ((rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0)) != 0) return fail("nnp attribute", rc);
  /* A binary search over the syscall numbers instead of a linear chain: ~9 comparisons per call, not ~300. */
  if ((rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2)) != 0) return fail("optimize attribute", rc);

  for (int nr = 0; nr <= LAST_REVIEWED_SYSCALL; nr++) {
    char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, nr);
    if (name == NULL) continue;
    int skip = denied(name);
    free(name);
    if (skip) continue;
    if ((rc = seccomp_rule_add_exact(ctx, SCMP_ACT_ALLOW, nr, 0)) != 0) return fail("allow rule", rc);
  }
  /* ENOSYS is the default action (libseccomp refuses a rule that repeats it): only other errnos need a rule. */
  for (size_t i = 0; i < sizeof DENIED / sizeof DENIED[0]; i++)
    if (DENIED[i].err != ENOSYS && rule(ctx, SCMP_ACT_ERRNO(DENIED[i].err), DENIED[i].name, 0, NULL) != 0)
      return 1;

  /* clone: allowed without namespace flags; each CLONE_NEW* flag → EPERM. (x86-64, arm64: flags are arg 0.) */
  unsigned long all_ns = 0;
  for (size_t i = 0; i < sizeof NAMESPACE_FLAGS / sizeof NAMESPACE_FLAGS[0]; i++) all_ns |= NAMESPACE_FLAGS[i];
  struct scmp_arg_cmp no_ns = SCMP_A0_64(SCMP_CMP_MASKED_EQ, all_ns, 0);
  if (rule(ctx, SCMP_ACT_ALLOW, "clone", 1, &no_ns) != 0) return 1;
  for (size_t i = 0; i < sizeof NAMESPACE_FLAGS / sizeof NAMESPACE_FLAGS[0]; i++) {
    struct scmp_arg_cmp has = SCMP_A0_64(SCMP_CMP_MASKED_EQ, NAMESPACE_FLAGS[i], NAMESPACE_FLAGS[i]);
    if (rule(ctx, SCMP_ACT_ERRNO(EPERM), "clone", 1, &has) != 0) return 1;
  }

  /* socket, socketpair: the family (an int, so its low 32 bits) decides. */
  const char *sockets[] = {"socket", "socketpair"};
  for (size_t s = 0; s < 2; s++) {
    for (int family = 0; family < FAMILY_LIMIT; family++) {
      int allowed = 0;
      for (size_t a = 0; a < sizeof ALLOWED_FAMILIES / sizeof ALLOWED_FAMILIES[0]; a++)
        if (ALLOWED_FAMILIES[a] == family) allowed = 1;
      struct scmp_arg_cmp is = SCMP_A0_32(SCMP_CMP_EQ, (uint32_t)family);
      if (rule(ctx, allowed ? SCMP_ACT_ALLOW : SCMP_ACT_ERRNO(EAFNOSUPPORT), sockets[s], 1, &is) != 0) return 1;
    }
  }

  /* personality: PER_LINUX, and 0xffffffff (which only reads the current persona). */
  const uint32_t personas[] = {0, 0xffffffffU};
  for (size_t i = 0; i < 2; i++) {
    struct scmp_arg_cmp is = SCMP_A0_32(SCMP_CMP_EQ, personas[i]);
    if (rule(ctx, SCMP_ACT_ALLOW, "personality", 1, &is) != 0) return 1;
  }

  rc = pfc ? seccomp_export_pfc(ctx, 1) : seccomp_export_bpf(ctx, 1);
  if (rc != 0) return fail("export", rc);
  seccomp_release(ctx);
  return 0;
}
