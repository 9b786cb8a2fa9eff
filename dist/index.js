import { createRequire as __ohCreateRequire } from 'node:module'; import { fileURLToPath as __ohFileURLToPath } from 'node:url'; import { dirname as __ohDirname } from 'node:path'; const require = __ohCreateRequire(import.meta.url); const __filename = __ohFileURLToPath(import.meta.url); const __dirname = __ohDirname(__filename);
import {
  main
} from "./chunks/chunk-J76KZ5KT.js";
import "./chunks/chunk-5NQ2LZ4Y.js";
import "./chunks/chunk-5LVJ7XEU.js";
import "./chunks/chunk-VZXAEF6X.js";
import "./chunks/chunk-3MLTW2AV.js";
import "./chunks/chunk-KZBIBZJS.js";
import "./chunks/chunk-2BAW3GFJ.js";

// src/action/index.ts
await main();
process.exit(process.exitCode ?? 0);
