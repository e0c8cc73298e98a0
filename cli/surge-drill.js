#!/usr/bin/env node
// The installed entry point: plain JavaScript that lets tsx load the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
