# One image for all four apps. docker-compose.yml picks the entry point of each service:
#   node dist/apps/<gateway|dialogue|ticketing|notifier>/src/main.js   (the app)
#   node dist/apps/<gateway|ticketing>/src/cli.js migrate|load-demo   (one-shot jobs)
# No HEALTHCHECK here: compose checks each app on its own /readyz.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a source change does not reinstall them.
# --ignore-scripts: nothing we ship needs an install script (the only one, @swc/core's, serves jest and is
# disabled in package.json "allowScripts" too); tsc does the compiling.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# demo/ is read from ./demo relative to the working directory.
WORKDIR /app
# Owned by root and only readable by the app user: the running process cannot rewrite its own code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/demo ./demo
# The unprivileged user the node image ships (uid 1000).
USER node
EXPOSE 3000 3001 3002 3003
