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
CMD ["node", "bin/start.js"]
