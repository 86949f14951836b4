FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json prisma.config.ts ./
COPY apps ./apps
COPY packages ./packages
COPY prisma ./prisma
COPY test/package.json ./test/package.json
RUN npm ci --no-audit --no-fund
RUN npx turbo run build --filter=@weir/console

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production
EXPOSE 3000
WORKDIR /app/apps/console
CMD ["node", "../../node_modules/next/dist/bin/next", "start", "-p", "3000", "-H", "0.0.0.0"]
