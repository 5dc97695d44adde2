# syntax=docker/dockerfile:1
# Production dependencies only (better-sqlite3 may compile, so this stage has a toolchain).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# Compile TypeScript with the dev dependencies.
FROM deps AS build
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: no toolchain, no dev dependencies, not root.
FROM node:22-bookworm-slim
ENV NODE_ENV=production STATE_DB=/data/escape-desk.sqlite PORT=3000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Same command as `npm start` (a test keeps them equal): small V8 young generation and old-space cap,
# so the heap stays near its live size instead of growing 3-4x with garbage (README "Benchmarks").
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=384", "dist/src/main.js"]
