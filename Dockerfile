# syntax=docker/dockerfile:1
# The AliZé assistant as a container: `docker build -t alize .` then
# `docker run -p 3978:3978 -v alize-data:/app/data alize`. No Docker engine here: `npm run docker:rehearse`
# runs these steps on this machine instead (scripts/docker/rehearse.ts, docs/deploy-azure.md).
ARG NODE_VERSION=22

# Build stage: every dependency (TypeScript, the Web Chat bundle), then the compiled dist/.
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# botbuilder-dialogs runs `npx rimraf` on install: let npx proceed without a prompt.
ENV npm_config_yes=true
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --loglevel=warn
COPY . .
# The compiled tests are not shipped.
RUN npm run build && rm -rf dist/test

# Runtime stage: production dependencies only, the compiled code and the data files it reads.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    npm_config_yes=true \
    DATA_DIR=/app/data \
    HOST=0.0.0.0 \
    PORT=3978
COPY package.json package-lock.json .npmrc ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --loglevel=warn
COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY programme ./programme
COPY bot/webPage/assets ./bot/webPage/assets
# The official image's unprivileged user owns the data folder, and nothing else.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3978
# No curl in slim images: node asks /healthz, which says 200 once warm and able to write its data.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The same node flags as `npm start`: a heap sized for the live heap under load (docs/benchmarks.md, issue 19).
CMD ["node", "--max-old-space-size=256", "dist/bot/index.js"]
