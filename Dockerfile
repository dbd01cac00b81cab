# syntax=docker/dockerfile:1
# One image for the api, worker and migrate services; the compose file picks the command.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false
COPY package.json package-lock.json .npmrc ./
# Full install, not --omit=dev: the processes run TypeScript through tsx at run time. npm install
# with the lock, not npm ci: the lock was made where the registry lacks @swc/core's macOS and Windows
# builds, and npm ci refuses a lock without them; npm install still installs the locked versions.
RUN npm install --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx vite build --config admin-ui/vite.config.ts

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# The printed reports (api/reports) are set in a CJK font; PDF's own fonts have no Chinese glyphs.
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=build /app/admin-ui/dist ./admin-ui/dist
# Nothing under /app is written at run time, so the files stay root-owned and the process does not.
USER node
EXPOSE 3000
CMD ["npx", "tsx", "api/main.ts"]
