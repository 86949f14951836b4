#!/usr/bin/env node
// Runs the TypeScript CLI directly: the engine ships its source, so tsx compiles it on load.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
