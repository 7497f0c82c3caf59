# syntax=docker/dockerfile:1
# Arbiter worker: takes jobs from the BullMQ queue and judges them in the bubblewrap + cgroup sandbox.
# Build from the repository root:
#   docker build -f deploy/docker/worker.Dockerfile -t arbiter-worker .
# Runs the same entry as the tests and `npm start`: node --import tsx apps/worker/src/main.ts
#
# Runs as ROOT on purpose: the sandbox mounts a tmpfs per cell, creates cgroups and starts every run
# as its own unprivileged uid. The container needs CAP_SYS_ADMIN (not privileged) for that; see docs/DEPLOY.md
# ("The worker's privileges") and the worker service in docker-compose.yml / deploy/k8s/40-worker.yaml.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/archive/package.json packages/archive/
COPY packages/contests/package.json packages/contests/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/judge/package.json packages/judge/
COPY packages/languages/package.json packages/languages/
COPY packages/observability/package.json packages/observability/
COPY packages/problem-package/package.json packages/problem-package/
COPY packages/problems/package.json packages/problems/
COPY packages/queue/package.json packages/queue/
COPY packages/sandbox/package.json packages/sandbox/
# The similarity analysis's tree-sitter parsers (@dodona/dolos-parsers) are compiled on install: node-gyp
# needs Python, make and a C/C++ compiler in this stage only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# node-gyp builds against the headers the Node image carries (/usr/local/include/node), never downloading them.
RUN npm_config_nodedir=/usr/local npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
# Toolchains and the sandbox's tools (gcc, libc6-dev and libseccomp-dev build the sandbox's helper and
# seccomp filter at start).
# The man1 folder works around openjdk's postinst on slim images.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends \
      bubblewrap python3 g++ gcc libc6-dev libseccomp-dev openjdk-17-jdk-headless util-linux \
      # compiled, JVM and functional languages of the catalogue (docs/LANGUAGES.md)
      golang-go rustc mono-mcs mono-runtime clang ghc kotlin scala \
      fp-compiler gfortran gdc gnat ocaml-nox nasm erlang-nox \
      elixir sbcl guile-3.0 racket clojure groovy swi-prolog-nox nim crystal \
      fp-compiler gfortran gdc gnat ocaml-nox nasm \
      # interpreted languages, and Python's third-party modules
      ruby php-cli perl lua5.4 gawk tcl pypy3 r-base-core sqlite3 coffeescript python3-sortedcontainers \
 && rm -rf /var/lib/apt/lists/* \
 # The JavaScript/TypeScript recipes run /usr/bin/node; the image keeps node in /usr/local/bin
 # (inside /usr, so the sandbox's read-only /usr bind shows both).
 && ln -sf /usr/local/bin/node /usr/bin/node
ENV NODE_ENV=production \
    SANDBOX=bwrap \
    CACHE_DIR=/var/cache/arbiter
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/apps ./apps
COPY --from=deps /app/packages ./packages
COPY . .
RUN mkdir -p /var/cache/arbiter
# Root: needed for mount(2) of the per-cell tmpfs, cgroup creation and setuid to the cell uids.
USER root
CMD ["node", "--import", "tsx", "apps/worker/src/main.ts"]
