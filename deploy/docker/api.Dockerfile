# syntax=docker/dockerfile:1
# Arbiter API (Express + Socket.IO). Build from the repository root:
#   docker build -f deploy/docker/api.Dockerfile -t arbiter-api .
# Runs the same entry as the tests and `npm start`: node --import tsx apps/api/src/main.ts

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Manifests first so the dependency layer is cached until a package.json or the lockfile changes.
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
# Full install: the apps run from TypeScript sources through tsx (a root devDependency).
# The similarity analysis's tree-sitter parsers (@dodona/dolos-parsers) are compiled on install: node-gyp
# needs Python, make and a C/C++ compiler in this stage only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# node-gyp builds against the headers the Node image carries (/usr/local/include/node), never downloading them.
RUN npm_config_nodedir=/usr/local npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/apps ./apps
COPY --from=deps /app/packages ./packages
COPY . .
# Non-root: the API needs no privileges. DATA_DIR (embedded PGlite, single instance only) is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
