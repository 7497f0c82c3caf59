# syntax=docker/dockerfile:1
# Arbiter web app (Next.js). Build from the repository root:
#   docker build -f deploy/docker/web.Dockerfile -t arbiter-web .
# One image serves any API: the browser's API URL is read at request time from ARBITER_API_URL.

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

FROM node:20-bookworm-slim AS build
ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/apps ./apps
COPY --from=deps /app/packages ./packages
COPY . .
RUN npm run build -w @arbiter/web

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
WORKDIR /app/apps/web
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `next start` (the web workspace's start script) on PORT, all interfaces.
CMD ["node", "/app/node_modules/next/dist/bin/next", "start", "--hostname", "0.0.0.0"]
