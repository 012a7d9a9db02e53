#!/usr/bin/env node
// The workspaces ship TypeScript sources; tsx compiles them on load so that
// `npm install && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
