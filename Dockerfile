# The production image: `npm run build` ahead of time (compiled server, AdminJS bundles), then
# `NODE_ENV=production npm start` runs dist/ on plain node. The CLIs (migrate, metabase:provision,
# backup) keep running from the sources through tsx: `docker compose exec app npm run …`.
FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV NODE_ENV=production
EXPOSE 3000
# the heap limits of `npm start` (package.json: an 8 MB young generation and a 384 MB old space keep the
# server near 200 MB on a VM shared with other systems)
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=384", "bin/start.js"]
