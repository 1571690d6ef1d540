#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'

// Regular expressions straight to machine code: the triage's large word alternations otherwise
// run first in V8's regexp interpreter, which costs a request more than the compilation saves.
setFlagsFromString('--no-regexp-tier-up')
await import('../dist/bundle/main.mjs')
