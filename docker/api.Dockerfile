FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json prisma.config.ts ./
COPY apps ./apps
COPY packages ./packages
COPY prisma ./prisma
COPY test/package.json ./test/package.json
RUN npm ci --no-audit --no-fund
ENV NODE_ENV=production WEIR_API_HOST=0.0.0.0 WEIR_API_PORT=4000
EXPOSE 4000
# Migrations are applied before the API serves, so a fresh database works.
CMD ["sh", "-c", "npm run migrate -w @weir/db && npm run seed -w @weir/db && exec node --import tsx apps/api/src/main.ts"]
