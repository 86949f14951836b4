import { defineConfig } from 'vitest/config';

export default defineConfig({
  // isolated-vm (the UDF sandbox) needs Node's startup snapshot off from Node 20 on.
  test: { execArgv: ['--no-node-snapshot'] },
});
