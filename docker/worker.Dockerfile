FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json prisma.config.ts ./
COPY apps ./apps
COPY packages ./packages
COPY prisma ./prisma
COPY test/package.json ./test/package.json
RUN npm ci --no-audit --no-fund
ENV NODE_ENV=production
# SIGTERM reaches node directly (no shell in between), so runs stop gracefully.
CMD ["node", "--no-node-snapshot", "--import", "tsx", "apps/worker/src/main.ts"]
